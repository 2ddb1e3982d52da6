package org.crmkit.scoring.uncertainty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.ProgressListener;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.ParameterTransform;
import org.crmkit.scoring.btyd.PurchaseModel;

/**
 * The parametric bootstrap of a purchase model's estimates (Efron and Tibshirani 1993,
 * <i>An Introduction to the Bootstrap</i>, sec. 6.5): simulate a cohort from the fitted model
 * with the observed customers' calibration ages ({@link PurchaseModel#simulate}), refit it,
 * and repeat; the refits' spread is the estimates' sampling spread, without the normal
 * approximation of {@link ParameterDraws#fromCovariance}.
 *
 * <p>Refit {@code i} simulates with a seed derived from the bootstrap's seed and {@code i}
 * alone, so the draws are the same on every {@link Parallelism}. The refits run in parallel
 * on the given setting, each fit itself sequential; each refit starts from the estimate
 * (then from the model's own starting points), which is where the simulated data's
 * maximum is expected. A refit that does not converge is left out (its count is in
 * {@link ParameterDraws#description()}); if fewer than half converge, {@link #run()} throws.
 *
 * <pre>{@code
 * ParameterDraws<BgNbd> draws = ParametricBootstrap.of(BgNbd.model(), fit.model(), ages)
 *         .withRefits(200).withSeed(7L).withProgress(listener).run();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #run()} may be called from several threads.
 *
 * @param <F> the type of the fitted model
 */
public final class ParametricBootstrap<F extends PurchaseModel> {

    /** The refits of {@link #of} unless {@link #withRefits} says otherwise. */
    public static final int DEFAULT_REFITS = 200;

    private final BtydModel<F> model;
    private final F estimate;
    private final double[] ages;
    private final int refits;
    private final long seed;
    private final BtydFitter fitter;
    private final Parallelism parallelism;
    private final ProgressListener listener;
    private final Cancellation cancellation;
    private final LongSupplier clock;

    private ParametricBootstrap(BtydModel<F> model, F estimate, double[] ages, int refits, long seed,
            BtydFitter fitter, Parallelism parallelism, ProgressListener listener, Cancellation cancellation,
            LongSupplier clock) {
        this.model = model;
        this.estimate = estimate;
        this.ages = ages;
        this.refits = refits;
        this.seed = seed;
        this.fitter = fitter;
        this.parallelism = parallelism;
        this.listener = listener;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    /**
     * Returns a bootstrap of {@value #DEFAULT_REFITS} refits, seed 0, the standard fitter, on
     * {@link Parallelism#defaults()}.
     *
     * @param <F> the type of the fitted model
     * @param model the model specification, not null
     * @param estimate the fitted model to simulate from, not null
     * @param ages the calibration age T of each observed customer, each {@code > 0}, not null
     *     nor empty (customers with T = 0 carry no information and are left out by the caller)
     * @return the bootstrap, never null
     * @throws IllegalArgumentException if ages is empty or an age is not positive and finite
     */
    public static <F extends PurchaseModel> ParametricBootstrap<F> of(BtydModel<F> model, F estimate,
            double[] ages) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(ages, "ages");
        if (ages.length == 0) {
            throw new IllegalArgumentException("ages is empty");
        }
        for (int i = 0; i < ages.length; i++) {
            if (!(ages[i] > 0) || Double.isInfinite(ages[i])) {
                throw new IllegalArgumentException("age " + i + " = " + ages[i] + " is not positive and finite");
            }
        }
        return new ParametricBootstrap<>(model, estimate, ages.clone(), DEFAULT_REFITS, 0, BtydFitter.standard(),
                Parallelism.defaults(), ProgressListener.none(), Cancellation.never(), System::nanoTime);
    }

    /**
     * Returns this bootstrap with another number of refits.
     *
     * @param count the refits, in {@code [2, ParameterDraws.MAX_DRAWS]}
     * @return a new bootstrap, never null
     * @throws IllegalArgumentException if count is out of range
     */
    public ParametricBootstrap<F> withRefits(int count) {
        ParameterDraws.requireDraws(count);
        return new ParametricBootstrap<>(model, estimate, ages, count, seed, fitter, parallelism, listener,
                cancellation, clock);
    }

    /**
     * Returns this bootstrap with another seed.
     *
     * @param value the seed
     * @return a new bootstrap, never null
     */
    public ParametricBootstrap<F> withSeed(long value) {
        return new ParametricBootstrap<>(model, estimate, ages, refits, value, fitter, parallelism, listener,
                cancellation, clock);
    }

    /**
     * Returns this bootstrap refitting with another fitter (its own parallelism is replaced
     * by sequential evaluation: the refits are what runs in parallel).
     *
     * @param value the fitter, not null
     * @return a new bootstrap, never null
     */
    public ParametricBootstrap<F> withFitter(BtydFitter value) {
        return new ParametricBootstrap<>(model, estimate, ages, refits, seed, Objects.requireNonNull(value, "fitter"),
                parallelism, listener, cancellation, clock);
    }

    /**
     * Returns this bootstrap running its refits on another setting.
     *
     * @param value where the refits run, not null
     * @return a new bootstrap, never null
     */
    public ParametricBootstrap<F> withParallelism(Parallelism value) {
        return new ParametricBootstrap<>(model, estimate, ages, refits, seed, fitter,
                Objects.requireNonNull(value, "parallelism"), listener, cancellation, clock);
    }

    /**
     * Returns this bootstrap reporting each finished refit: phase
     * {@code bootstrap <model>: refits}, done, total = the refits.
     *
     * @param value the listener, not null
     * @return a new bootstrap, never null
     */
    public ParametricBootstrap<F> withProgress(ProgressListener value) {
        return new ParametricBootstrap<>(model, estimate, ages, refits, seed, fitter, parallelism,
                Objects.requireNonNull(value, "listener"), cancellation, clock);
    }

    /**
     * Returns this bootstrap checking {@code value} before each refit (and the refits' fits
     * before each likelihood evaluation); once it is cancelled {@link #run()} throws
     * {@link java.util.concurrent.CancellationException}.
     *
     * @param value the token, not null
     * @return a new bootstrap, never null
     */
    public ParametricBootstrap<F> withCancellation(Cancellation value) {
        return new ParametricBootstrap<>(model, estimate, ages, refits, seed, fitter, parallelism, listener,
                Objects.requireNonNull(value, "cancellation"), clock);
    }

    /**
     * Runs the refits.
     *
     * @return the converged refits as draws, in the order of their index, never null
     * @throws IllegalStateException if fewer than half of the refits converged
     * @throws java.util.concurrent.CancellationException if the cancellation token was cancelled
     */
    public ParameterDraws<F> run() {
        long started = clock.getAsLong();
        String phase = "bootstrap " + model.name() + ": refits";
        BtydModel<F> warm = new WarmStart<>(model, estimate);
        BtydFitter each = fitter.withParallelism(Parallelism.sequential()).withCancellation(cancellation);
        List<F> results = new ArrayList<>(refits);
        for (int i = 0; i < refits; i++) {
            results.add(null);
        }
        Object lock = new Object();
        long[] done = {0};
        parallelism.run(refits, i -> {
            cancellation.throwIfCancelled(phase);
            BtydData data = estimate.simulate(ages, 0, Quantiles.seed(seed, i)).calibration();
            FitResult<F> fit = each.fit(warm, data);
            synchronized (lock) {
                if (fit.converged()) {
                    results.set(i, fit.model());
                }
                done[0]++;
                if (!listener.isSilent()) {
                    listener.onProgress(ProgressEvent.of(phase, done[0], refits,
                            Duration.ofNanos(Math.max(0, clock.getAsLong() - started))));
                }
            }
        });
        List<F> converged = new ArrayList<>(refits);
        synchronized (lock) {
            for (F f : results) {
                if (f != null) {
                    converged.add(f);
                }
            }
        }
        int failed = refits - converged.size();
        if (converged.size() * 2 < refits) {
            throw new IllegalStateException("only " + converged.size() + " of " + refits + " bootstrap refits of "
                    + model.name() + " converged; the estimates are not a stable maximum");
        }
        String description = refits + " parametric-bootstrap refits"
                + (failed == 0 ? "" : " (" + failed + " did not converge and are left out)");
        return new ParameterDraws<>(model, estimate, converged, DrawMethod.BOOTSTRAP, refits, description);
    }

    /** The model, starting its searches from the estimate first. */
    private static final class WarmStart<F extends PurchaseModel> implements BtydModel<F> {
        private final BtydModel<F> model;
        private final double[] start;

        WarmStart(BtydModel<F> model, F estimate) {
            this.model = model;
            this.start = model.parameterNames().stream().mapToDouble(estimate.parameters()::get).toArray();
        }

        @Override
        public String name() {
            return model.name();
        }

        @Override
        public List<String> parameterNames() {
            return model.parameterNames();
        }

        @Override
        public List<ParameterTransform> transforms() {
            return model.transforms();
        }

        @Override
        public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
            return model.logLikelihood(parameters, data, gradient);
        }

        @Override
        public double logLikelihood(double[] parameters, BtydData data, double[] gradient, Parallelism where) {
            return model.logLikelihood(parameters, data, gradient, where);
        }

        @Override
        public List<double[]> startingPoints(BtydData data) {
            List<double[]> points = new ArrayList<>();
            points.add(start.clone());
            points.addAll(model.startingPoints(data));
            return points;
        }

        @Override
        public F withParameters(double[] parameters) {
            return model.withParameters(parameters);
        }
    }
}
