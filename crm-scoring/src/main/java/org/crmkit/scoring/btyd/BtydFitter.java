package org.crmkit.scoring.btyd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.ProgressListener;
import org.crmkit.scoring.btyd.internal.Optimizers.Objective;
import org.crmkit.scoring.btyd.internal.Optimizers.Outcome;
import org.crmkit.scoring.btyd.internal.Optimizers;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.RealMatrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood fitting of any {@link BtydModel}, with automatic retries and full
 * diagnostics.
 *
 * <p>The search runs on the unbounded scale of each parameter's
 * {@link ParameterTransform} (log for positive parameters) and minimises the negative
 * log-likelihood per customer with the model's analytic gradient. It first runs BFGS from
 * the model's first starting point; if that does not converge it tries BFGS from the other
 * starting points, then Hipparchus' non-linear conjugate gradient and finally the
 * derivative-free BOBYQA followed by a BFGS polish. Every search is recorded as a
 * {@link FitAttempt}; the result is the converged attempt with the highest likelihood,
 * or, if none converged, the best attempt flagged as not converged.
 *
 * <p>On many distinct rows (at least {@link #PILOT_MIN_ROWS}) the fit first fits a
 * systematic sample of {@link #PILOT_ROWS} rows and runs BFGS on all rows from that
 * estimate, with the sample's inverse Hessian as the first curvature estimate, so the
 * costly full-data search takes a few Newton-like steps; only if that does not converge are
 * the model's starting points tried. The result is judged on all rows as below, so the pilot
 * changes how fast a fit gets there, not where it ends.
 *
 * <p>Convergence means: the largest component of the gradient of the log-likelihood per
 * customer with respect to the transformed parameters is at most the gradient tolerance
 * (default 1e-6), no parameter ran off to the boundary, and the observed information (the
 * negative Hessian, by central differences of the analytic gradient) is positive definite.
 * A parameter has run off to the boundary when its transformed value passed
 * {@code |theta| > 30}, or when it is far out ({@code |theta| >= ln 50}) and the likelihood is
 * flat beyond it: moving it, alone or together with other far-out parameters, a factor of
 * 100 further out changes the log-likelihood by less than {@code 0.01 + 1e-5 n}. Such a fit
 * has its maximum at infinity (the gradient test alone would pass once the ridge is flat
 * enough, as in a BG/NBD fit with {@code a, b} near 1e6); it is reported as not converged,
 * with {@link FitResult#atBoundary()} and a reason such as
 * {@code at boundary: a, b -> inf; no drop-out detected}, and the fall-back optimisers are
 * not tried since they would run to the same boundary.
 *
 * <p>The work of a fit is bounded by the data, whatever the parameters do: all searches of a
 * fit together evaluate the likelihood at most {@link #MAX_EVALUATIONS} times, and at most
 * {@link #WORK_BUDGET} row evaluations (distinct rows times evaluations) but never fewer
 * than {@link #MIN_EVALUATIONS} times; a fit that exhausts the budget returns its best point,
 * not converged, saying so. The covariance of the estimates is the inverse observed
 * information on the transformed scale carried to the parameter scale by the delta method
 * ({@code J C J'} with {@code J} the diagonal of {@code d parameter / d theta}).
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
 * System.out.println(fit.parameters() + " LL=" + fit.logLikelihood());
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BtydFitter {
    /** Attempts and their outcome at DEBUG: parameters and likelihoods only, never customer data. */
    private static final Logger LOG = LoggerFactory.getLogger(BtydFitter.class);


    /** The largest accepted gradient component per customer of the standard fitter. */
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-6;
    /** The iteration limit per search of the standard fitter. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    /** The most likelihood evaluations of one fit, all searches together. */
    public static final int MAX_EVALUATIONS = 5_000;
    /** The fewest likelihood evaluations a fit is allowed however large the data. */
    public static final int MIN_EVALUATIONS = 300;
    /** Row evaluations (distinct rows times likelihood evaluations) one fit may spend. */
    public static final long WORK_BUDGET = 200_000_000L;
    /**
     * Distinct rows from which a fit starts from a pilot fit of {@value #PILOT_ROWS}
     * sampled rows (see {@link #fit}); below it, from the model's starting points only.
     */
    public static final int PILOT_MIN_ROWS = 100_000;
    /** The rows of a pilot fit. */
    public static final int PILOT_ROWS = 20_000;
    /** A transformed parameter this far out ({@code |theta| >= ln 50}) is tested for a flat likelihood beyond. */
    private static final double FAR_OUT = Math.log(50);
    /** How far beyond the estimate the flatness test looks: a factor of 100. */
    private static final double FLATNESS_STEP = Math.log(100);
    /** Log-likelihood change below which the likelihood is flat: absolute, and per customer. */
    private static final double FLAT_ABSOLUTE = 0.01;
    private static final double FLAT_PER_CUSTOMER = 1e-5;
    private static final BtydFitter STANDARD = new BtydFitter(DEFAULT_GRADIENT_TOLERANCE,
            DEFAULT_MAX_ITERATIONS, null, PILOT_MIN_ROWS, Control.NONE, 0);

    private final double gradientTolerance;
    private final int maxIterations;
    private final Parallelism parallelism; // null: Parallelism.defaults() at each fit
    private final int pilotMinRows;
    private final Control control;
    private final double regularization;

    private BtydFitter(double gradientTolerance, int maxIterations, Parallelism parallelism, int pilotMinRows,
            Control control, double regularization) {
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
        this.parallelism = parallelism;
        this.pilotMinRows = pilotMinRows;
        this.control = control;
        this.regularization = regularization;
    }

    /**
     * Progress, time limit and cancellation of a fit: who hears of each likelihood evaluation,
     * how long the fit may run (in nanoseconds of {@code clock}, {@code Long.MAX_VALUE} for no
     * limit), the token that cancels it, and the clock (System::nanoTime, a test's own clock).
     */
    private record Control(ProgressListener listener, long timeLimitNanos, Cancellation cancellation,
            LongSupplier clock) {
        static final Control NONE = new Control(ProgressListener.none(), Long.MAX_VALUE, Cancellation.never(),
                System::nanoTime);
    }

    private BtydFitter with(Control c) {
        return new BtydFitter(gradientTolerance, maxIterations, parallelism, pilotMinRows, c, regularization);
    }

    /** This fitter reading time from {@code clock} (nanoseconds); for tests of the time limit. */
    BtydFitter withClock(LongSupplier clock) {
        return with(new Control(control.listener(), control.timeLimitNanos(), control.cancellation(),
                Objects.requireNonNull(clock, "clock")));
    }

    /**
     * Returns a fitter that reports each likelihood evaluation to {@code listener}: the phase
     * {@code fit <model>: likelihood evaluations} (with {@code (pilot)} for the pilot fit on a
     * sample of many rows), the evaluations so far, no total (a search does not know how many
     * it needs; at most {@link #MAX_EVALUATIONS}), and the time since the fit began. Events come
     * from the thread that called {@link #fit}.
     *
     * <pre>{@code
     * BtydFitter.standard().withProgress(e -> bar.update(e.done(), e.elapsed())).fit(BgNbd.model(), data);
     * }</pre>
     *
     * @param listener receives the events, not null
     * @return a new fitter, never null
     */
    public BtydFitter withProgress(ProgressListener listener) {
        return with(new Control(Objects.requireNonNull(listener, "listener"), control.timeLimitNanos(),
                control.cancellation(), control.clock()));
    }

    /**
     * Returns a fitter that stops a fit after {@code limit}: once the time is up no further
     * likelihood evaluation starts, and the fit returns the best point it reached, not
     * converged, with {@link FitResult#limitReached()} {@link FitLimit#TIME} and a
     * {@link FitResult#convergence()} that says so. The limit covers the whole fit (pilot,
     * searches and fall-backs); the covariance at the returned point takes a further
     * {@code 2k} evaluations.
     *
     * <pre>{@code
     * FitResult<ParetoNbd> fit = BtydFitter.standard().withTimeLimit(Duration.ofSeconds(30)).fit(model, data);
     * if (fit.limitReached().isPresent()) { ... }
     * }</pre>
     *
     * @param limit the longest a fit may search, positive, not null
     * @return a new fitter, never null
     * @throws IllegalArgumentException if the limit is zero or negative
     */
    public BtydFitter withTimeLimit(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("time limit " + limit + " is not positive");
        }
        long nanos;
        try {
            nanos = limit.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = Long.MAX_VALUE;
        }
        return with(new Control(control.listener(), nanos, control.cancellation(), control.clock()));
    }

    /**
     * Returns a fitter whose fits check {@code cancellation} before every likelihood
     * evaluation; a cancelled fit throws {@link java.util.concurrent.CancellationException}
     * ({@code "fit bg-nbd was cancelled"}) and returns nothing.
     *
     * @param cancellation the token, not null
     * @return a new fitter, never null
     */
    public BtydFitter withCancellation(Cancellation cancellation) {
        return with(new Control(control.listener(), control.timeLimitNanos(),
                Objects.requireNonNull(cancellation, "cancellation"), control.clock()));
    }

    /**
     * Returns a fitter that maximises the L2-penalised log-likelihood: it minimises
     * {@code -LL / n + lambda * sum_i theta_i^2} over the optimiser's unbounded coordinates
     * {@code theta_i} ({@link ParameterTransform}: the logarithm of each positive parameter,
     * the coefficient itself for a covariate's), with {@code n} the number of customers. This
     * is the {@code penalizer_coef} of the Python package lifetimes, which adds
     * {@code penalizer_coef * sum(params ** 2)} to the mean negative log-likelihood, with one
     * difference: lifetimes penalises the parameters themselves, crmkit their logarithms (as
     * the issue asks, so that the penalty does not depend on the time unit's direction and
     * shrinks each positive parameter towards 1 and each coefficient towards 0). A penalty
     * keeps a fit off the boundary (e.g. BG/NBD {@code a, b -> inf}) at the price of bias;
     * {@code lambda = 0}, the default, is maximum likelihood.
     *
     * <p>The result reports the unpenalised log-likelihood at the penalised estimate (so AIC
     * and BIC keep their meaning), {@link FitResult#regularization()} and
     * {@link FitResult#penalty()}; the standard errors are from the penalised objective's
     * curvature; the {@link FitResult#attempts()} record penalised objectives (as
     * {@code -n} times the objective).
     *
     * <pre>{@code
     * FitResult<BgNbd> fit = BtydFitter.standard().withRegularization(0.01).fit(BgNbd.model(), data);
     * }</pre>
     *
     * @param lambda the penalty weight per customer, finite and {@code >= 0}
     * @return a new fitter, never null
     * @throws IllegalArgumentException if lambda is negative or not finite
     */
    public BtydFitter withRegularization(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("regularization " + lambda + " is not finite and >= 0");
        }
        return new BtydFitter(gradientTolerance, maxIterations, parallelism, pilotMinRows, control, lambda);
    }

    /**
     * Returns the penalty weight of {@link #withRegularization(double)}.
     *
     * @return lambda, 0 for maximum likelihood
     */
    public double regularization() {
        return regularization;
    }

    /** {@code lambda * sum theta^2}, the penalty in the objective. */
    private double penalty(double[] theta) {
        double sum = 0;
        for (double t : theta) {
            sum += t * t;
        }
        return regularization * sum;
    }

    /** This fitter with pilot fits from {@code rows} distinct rows on; for tests of the pilot. */
    BtydFitter withPilotMinRows(int rows) {
        return new BtydFitter(gradientTolerance, maxIterations, parallelism, rows, control, regularization);
    }

    /**
     * Returns the fitter with gradient tolerance 1e-6 and 500 iterations per search.
     *
     * @return the standard fitter, never null
     */
    public static BtydFitter standard() {
        return STANDARD;
    }

    /**
     * Returns a fitter with another gradient tolerance.
     *
     * @param tolerance the largest accepted gradient component per customer, in (0, 1)
     * @return a new fitter, never null
     * @throws IllegalArgumentException if the tolerance is outside (0, 1)
     */
    public BtydFitter withGradientTolerance(double tolerance) {
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("gradient tolerance " + tolerance + " is not in (0, 1)");
        }
        return new BtydFitter(tolerance, maxIterations, parallelism, pilotMinRows, control, regularization);
    }

    /**
     * Returns a fitter with another iteration limit per search.
     *
     * @param iterations the limit, positive
     * @return a new fitter, never null
     * @throws IllegalArgumentException if the limit is not positive
     */
    public BtydFitter withMaxIterations(int iterations) {
        if (iterations <= 0) {
            throw new IllegalArgumentException("max iterations " + iterations + " is not positive");
        }
        return new BtydFitter(gradientTolerance, iterations, parallelism, pilotMinRows, control, regularization);
    }

    /**
     * Returns a fitter that evaluates the likelihood on the given {@link Parallelism}
     * (default {@link Parallelism#defaults()}); the estimates do not depend on it.
     *
     * <pre>{@code
     * BtydFitter.standard().withParallelism(Parallelism.sequential()).fit(BgNbd.model(), data);
     * }</pre>
     *
     * @param parallelism where likelihood evaluations run, not null
     * @return a new fitter, never null
     */
    public BtydFitter withParallelism(Parallelism parallelism) {
        return new BtydFitter(gradientTolerance, maxIterations,
                Objects.requireNonNull(parallelism, "parallelism"), pilotMinRows, control, regularization);
    }

    /**
     * Fits the model to the data by maximum likelihood.
     *
     * @param <F> the type of the fitted model
     * @param model the model specification, not null
     * @param data the summaries, not null
     * @return the fit; check {@link FitResult#converged()}, never null
     * @throws IllegalArgumentException if the data do not suit the model
     * @throws java.util.concurrent.CancellationException if the fitter's
     *     {@link #withCancellation cancellation} was cancelled
     */
    public <F extends FittedModel> FitResult<F> fit(BtydModel<F> model, BtydData data) {
        return fitWith(model, data, null);
    }

    /**
     * Fits the model by maximum likelihood to rows this JVM does not hold: every likelihood
     * and gradient comes from {@code likelihood} (for instance summed over a cluster's
     * partitions), while {@code sample} gives the starting points and, when
     * {@code likelihood.rows()} reaches {@link #PILOT_MIN_ROWS}, the pilot fit. The search,
     * convergence tests, boundary tests and covariance are those of
     * {@link #fit(BtydModel, BtydData)}, which this equals when {@code sample} is the whole
     * data and {@code likelihood} sums it.
     *
     * <pre>{@code
     * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), sample, partitionSum);
     * }</pre>
     *
     * @param <F> the type of the fitted model
     * @param model the model specification, not null
     * @param sample rows with the data's mean frequency and age (the starting points use
     *     them), not null
     * @param likelihood the total log-likelihood and gradient of all rows, not null
     * @return the fit, never null
     * @throws IllegalArgumentException if the data do not suit the model
     */
    public <F extends FittedModel> FitResult<F> fit(BtydModel<F> model, BtydData sample,
            ExternalLikelihood likelihood) {
        Objects.requireNonNull(likelihood, "likelihood");
        return fitWith(model, sample, likelihood);
    }

    /** The fit of {@link #fit(BtydModel, BtydData)}; with {@code sum}, its likelihood replaces the data's. */
    private <F extends FittedModel> FitResult<F> fitWith(BtydModel<F> model, BtydData data, ExternalLikelihood sum) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        return fit(model, data, sum, control.clock().getAsLong(), "fit " + model.name());
    }

    private <F extends FittedModel> FitResult<F> fit(BtydModel<F> model, BtydData data, ExternalLikelihood sum,
            long started, String phase) {
        List<ParameterTransform> transforms = model.transforms();
        int k = model.parameterNames().size();
        if (transforms.size() != k) {
            throw new IllegalArgumentException("model " + model.name() + " has " + k
                    + " parameters but " + transforms.size() + " transforms");
        }
        double n = sum == null ? data.customers() : sum.customers();
        int rows = sum == null ? data.size() : sum.rows();
        Parallelism where = parallelism == null ? Parallelism.defaults() : parallelism;
        Objective exact = sum == null ? objective(model, data, transforms, where)
                : penalised(objective(sum, transforms, n));
        Budget budget = new Budget(exact, evaluationBudget(rows), control, started, phase);
        Objective objective = budget;
        List<double[]> starts = model.startingPoints(data);
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("model " + model.name() + " gave no starting point");
        }
        List<FitAttempt> attempts = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, String> boundary = Map.of();
        Outcome bestSearch = null;
        Pilot pilot = rows >= pilotMinRows ? pilot(model, data, transforms, started, phase) : null;
        if (pilot != null) {
            double[] theta0 = pilot.theta();
            double[] start = toParameters(transforms, theta0);
            Outcome o = budget.run(theta0, () -> Optimizers.bfgs(objective, theta0, pilot.inverseHessian(),
                    gradientTolerance, maxIterations));
            record(attempts, outcomes, "BFGS from a fit of " + PILOT_ROWS + " sampled rows", start, o, n);
            Map<String, String> here = boundary(exact, model, o, n);
            bestSearch = o;
            boundary = here;
        }
        boolean piloted = bestSearch != null && bestSearch.converged() && boundary.isEmpty();
        for (double[] start : piloted ? List.<double[]>of() : starts) {
            double[] theta0 = toUnbounded(model, transforms, start);
            Outcome o = budget.run(theta0, () -> Optimizers.bfgs(objective, theta0, gradientTolerance, maxIterations));
            record(attempts, outcomes, "BFGS", start, o, n);
            Map<String, String> here = boundary(exact, model, o, n);
            if (bestSearch == null || better(o, bestSearch)) {
                bestSearch = o;
                boundary = here;
            }
            if ((o.converged() && here.isEmpty()) || budget.exhausted()) {
                boundary = here;
                break;
            }
        }
        // the fall-backs would run to the same boundary: skip them when the best search is there
        boolean noneConverged = outcomes.stream().noneMatch(Outcome::converged);
        if (noneConverged && boundary.isEmpty() && !budget.exhausted()) {
            double[] theta0 = toUnbounded(model, transforms, starts.get(0));
            record(attempts, outcomes, "NonLinearConjugateGradient (Hipparchus)", starts.get(0),
                    budget.run(theta0, () -> Optimizers.conjugateGradient(objective, theta0, gradientTolerance,
                            maxIterations)), n);
        }
        if (outcomes.stream().noneMatch(Outcome::converged) && boundary.isEmpty() && !budget.exhausted()) {
            double[] theta0 = toUnbounded(model, transforms, starts.get(0));
            record(attempts, outcomes, "BOBYQA (Hipparchus) + BFGS", starts.get(0),
                    budget.run(theta0, () -> Optimizers.bobyqa(objective, theta0, gradientTolerance, maxIterations)), n);
        }
        Outcome best = null;
        for (Outcome o : outcomes) {
            if (best == null || better(o, best)) {
                best = o;
            }
        }
        double[] theta = best.theta();
        double[] parameters = toParameters(transforms, theta);
        boundary = boundary(exact, model, best, n);
        boolean converged = best.converged() && boundary.isEmpty();
        String reason = best.reason();
        double[][] covariance = null;
        if (Double.isFinite(best.value())) {
            covariance = covariance(exact, transforms, theta, n);
            if (covariance == null && converged) {
                converged = false;
                reason += "; but the observed information is not positive definite";
            }
        }
        if (!boundary.isEmpty()) {
            reason = "at boundary: " + describe(boundary) + meaning(model, boundary, parameters)
                    + " (search: " + best.reason() + ")";
        } else if (!converged && outcomes.stream().noneMatch(Outcome::converged)) {
            reason = "no attempt converged; best: " + reason;
        }
        if (budget.timedOut) {
            reason += "; stopped by the time limit of " + Duration.ofNanos(control.timeLimitNanos())
                    + " after " + budget.used + " likelihood evaluations";
        } else if (budget.exhausted()) {
            reason += "; evaluation budget of " + budget.limit + " likelihood evaluations for "
                    + rows + " distinct rows exhausted";
        }
        if (data.excludedCustomers() > 0) {
            reason += "; " + data.excludedCustomers() + " customer(s) with a non-positive mean spend left out";
        }
        F fitted = model.withParameters(parameters);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} fitted after {} attempt(s): {}, converged {} ({})", model.name(), attempts.size(),
                    Arrays.toString(parameters), converged, reason);
        }
        double penalty = penalty(theta);
        FitResult<F> result = new FitResult<>(fitted, model.parameterNames(), -(best.value() - penalty) * n,
                converged, reason, best.iterations(),
                Optimizers.maxAbs(best.gradient()), covariance, n, attempts, boundary, data.excludedCustomers())
                .withLimit(limitReached(converged, budget, best));
        return regularization == 0 ? result : result.regularized(regularization, penalty * n);
    }

    /** The limit a fit that did not converge ran into, if any: time first, then evaluations, then iterations. */
    private Optional<FitLimit> limitReached(boolean converged, Budget budget, Outcome best) {
        if (converged) {
            return Optional.empty();
        }
        if (budget.timedOut) {
            return Optional.of(FitLimit.TIME);
        }
        if (budget.exhausted()) {
            return Optional.of(FitLimit.EVALUATIONS);
        }
        return best.iterations() >= maxIterations ? Optional.of(FitLimit.ITERATIONS) : Optional.empty();
    }

    /** -LL / n of an external sum in the unbounded coordinates, +infinity where not finite. */
    private static Objective objective(ExternalLikelihood sum, List<ParameterTransform> transforms, double n) {
        int k = transforms.size();
        return (theta, gradient) -> {
            double[] gp = new double[k];
            double ll = sum.logLikelihood(toParameters(transforms, theta), gp);
            boolean finite = Double.isFinite(ll);
            for (int i = 0; i < k; i++) {
                gradient[i] = finite ? -gp[i] * transforms.get(i).derivative(theta[i]) / n : 0;
                finite &= Double.isFinite(gradient[i]);
            }
            return finite ? -ll / n : Double.POSITIVE_INFINITY;
        };
    }

    /** The likelihood evaluations one fit may make on data of so many distinct rows. */
    static int evaluationBudget(int rows) {
        long byWork = WORK_BUDGET / Math.max(1, rows);
        return (int) Math.max(MIN_EVALUATIONS, Math.min(MAX_EVALUATIONS, byWork));
    }

    /**
     * -LL / n in the unbounded coordinates plus the penalty of {@link #withRegularization},
     * +infinity where the likelihood is not finite.
     */
    private Objective objective(BtydModel<?> model, BtydData data, List<ParameterTransform> transforms,
            Parallelism where) {
        return penalised(objective(model, data, transforms, where, null));
    }

    /** {@code plain} plus {@code lambda sum theta^2} and its gradient; {@code plain} itself without a penalty. */
    private Objective penalised(Objective plain) {
        if (regularization == 0) {
            return plain;
        }
        double lambda = regularization;
        return (theta, gradient) -> {
            double v = plain.value(theta, gradient);
            for (int i = 0; i < theta.length; i++) {
                gradient[i] += 2 * lambda * theta[i];
            }
            return v + penalty(theta);
        };
    }

    private static Objective objective(BtydModel<?> model, BtydData data, List<ParameterTransform> transforms,
            Parallelism where, Void unpenalised) {
        int k = transforms.size();
        double n = data.customers();
        return (theta, gradient) -> {
            double[] p = toParameters(transforms, theta);
            double[] gp = new double[k];
            double ll;
            try {
                ll = model.logLikelihood(p, data, gp, where);
            } catch (MathRuntimeException | ArithmeticException numericalFailure) {
                // a special function gave up at an extreme trial point: treat as infeasible
                ll = Double.NEGATIVE_INFINITY;
            }
            boolean finite = Double.isFinite(ll);
            for (int i = 0; i < k; i++) {
                gradient[i] = finite ? -gp[i] * transforms.get(i).derivative(theta[i]) / n : 0;
                finite &= Double.isFinite(gradient[i]);
            }
            return finite ? -ll / n : Double.POSITIVE_INFINITY;
        };
    }

    /**
     * The pilot of a fit on many distinct rows: the fit of a systematic sample of
     * {@value #PILOT_ROWS} rows (every k-th row with its weight), and the sample's inverse
     * Hessian of the per-customer objective, taken from the pilot's covariance, which
     * estimates the full data's. BFGS on all
     * rows from there takes a Newton-like first step and needs a few iterations instead of
     * some twenty from the model's generic start. Null when the pilot does not converge
     * inside the parameter space; the fit then proceeds without it.
     */
    private Pilot pilot(BtydModel<?> model, BtydData data, List<ParameterTransform> transforms, long started,
            String phase) {
        int rows = data.size();
        int stride = (rows + PILOT_ROWS - 1) / PILOT_ROWS;
        int m = (rows + stride - 1) / stride;
        double[] x = new double[m];
        double[] tx = new double[m];
        double[] t = new double[m];
        double[] w = new double[m];
        double[] money = data.hasMonetary() ? new double[m] : null;
        for (int j = 0, i = 0; j < m; j++, i += stride) {
            x[j] = data.frequency(i);
            tx[j] = data.recency(i);
            t[j] = data.age(i);
            w[j] = data.weight(i);
            if (money != null) {
                money[j] = data.monetary(i);
            }
        }
        BtydData sample = money == null ? BtydData.of(x, tx, t, w) : BtydData.withMonetary(x, tx, t, money, w);
        FitResult<?> fit = fit(model, sample, null, started, phase + " (pilot)");
        if (!fit.converged()) {
            return null;
        }
        Map<String, Double> estimates = fit.parameters();
        double[] theta = toUnbounded(model, transforms,
                model.parameterNames().stream().mapToDouble(estimates::get).toArray());
        // the pilot's covariance is J I^-1 J (J = d parameter / d theta, I the information on
        // the theta scale); the objective -LL / n has Hessian I / n, so its inverse is n I^-1
        double[][] c = fit.covariance().orElse(null);
        if (c == null) {
            return null;
        }
        int k = theta.length;
        double[][] h = new double[k][k];
        for (int i = 0; i < k; i++) {
            double ji = transforms.get(i).derivative(theta[i]);
            for (int j = 0; j < k; j++) {
                h[i][j] = c[i][j] / (ji * transforms.get(j).derivative(theta[j])) * sample.customers();
                if (!Double.isFinite(h[i][j])) {
                    return null;
                }
            }
        }
        return new Pilot(theta, h);
    }

    /** A pilot fit's point and inverse Hessian, in the unbounded coordinates. */
    private record Pilot(double[] theta, double[][] inverseHessian) {
    }

    /**
     * The parameters of an outcome that ran into the boundary, each with "inf" or "0": those
     * past the optimisers' limit, and the far-out ones beyond which the likelihood is flat
     * (tried alone and in every combination, at most 2^k - 1 evaluations for k parameters).
     */
    private static Map<String, String> boundary(Objective f, BtydModel<?> model, Outcome o, double n) {
        double[] theta = o.theta();
        if (!Double.isFinite(o.value())) {
            return Map.of();
        }
        int k = theta.length;
        boolean[] out = new boolean[k];
        List<Integer> far = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (Math.abs(theta[i]) > Optimizers.THETA_LIMIT) {
                out[i] = true;
            } else if (Math.abs(theta[i]) >= FAR_OUT) {
                far.add(i);
            }
        }
        double tolerance = FLAT_ABSOLUTE + FLAT_PER_CUSTOMER * n;
        double[] g = new double[k];
        for (int mask = 1; mask < (1 << far.size()); mask++) {
            double[] moved = theta.clone();
            for (int b = 0; b < far.size(); b++) {
                if ((mask & (1 << b)) != 0) {
                    int i = far.get(b);
                    moved[i] += Math.signum(theta[i]) * FLATNESS_STEP;
                }
            }
            double v = f.value(moved, g);
            // objective = -LL / n: flat or still rising when -LL grows by less than the tolerance
            if (Double.isFinite(v) && (v - o.value()) * n < tolerance) {
                for (int b = 0; b < far.size(); b++) {
                    if ((mask & (1 << b)) != 0) {
                        out[far.get(b)] = true;
                    }
                }
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        List<ParameterTransform> transforms = model.transforms();
        for (int i = 0; i < k; i++) {
            if (out[i]) {
                double limit = transforms.get(i).toParameter(Math.signum(theta[i]) * 2 * Optimizers.THETA_LIMIT);
                result.put(model.parameterNames().get(i), Math.abs(limit) > 1 ? "inf" : formatLimit(limit));
            }
        }
        return result;
    }

    private static String formatLimit(double limit) {
        return Math.abs(limit) < 1e-6 ? "0" : Double.toString(Math.rint(limit));
    }

    /** "a, b -> inf" or "s -> 0, beta -> inf". */
    private static String describe(Map<String, String> boundary) {
        Map<String, List<String>> byLimit = new LinkedHashMap<>();
        boundary.forEach((name, limit) -> byLimit.computeIfAbsent(limit, l -> new ArrayList<>()).add(name));
        List<String> parts = new ArrayList<>();
        byLimit.forEach((limit, names) -> parts.add(String.join(", ", names) + " -> " + limit));
        return String.join("; ", parts);
    }

    /**
     * What the boundary means for the buy-till-you-die models whose parameters are named as in
     * their papers: the drop-out process (BG/NBD and MBG/NBD {@code a, b}; Pareto/NBD
     * {@code s, beta}) and the purchase process ({@code r, alpha}).
     */
    private static String meaning(BtydModel<?> model, Map<String, String> boundary, double[] parameters) {
        List<String> names = model.parameterNames();
        List<String> notes = new ArrayList<>();
        if (names.containsAll(List.of("a", "b"))) {
            double a = parameters[names.indexOf("a")];
            double b = parameters[names.indexOf("b")];
            double p = a / (a + b);
            if ("inf".equals(boundary.get("b")) || "0".equals(boundary.get("a"))) {
                if ("inf".equals(boundary.get("a"))) {
                    notes.add("every customer has the same drop-out probability a / (a + b) = " + round(p));
                }
                if (p < 1e-3) {
                    notes.add("no drop-out detected");
                }
            } else if ("inf".equals(boundary.get("a"))) {
                notes.add("drop-out probability a / (a + b) -> 1");
            }
        }
        if (names.containsAll(List.of("s", "beta"))) {
            double s = parameters[names.indexOf("s")];
            double beta = parameters[names.indexOf("beta")];
            if ("0".equals(boundary.get("s")) || ("inf".equals(boundary.get("beta")) && !boundary.containsKey("s"))) {
                notes.add("no drop-out detected");
            } else if ("inf".equals(boundary.get("s")) && "inf".equals(boundary.get("beta"))) {
                notes.add("every customer has the same drop-out rate s / beta = " + round(s / beta));
            }
        }
        if (names.containsAll(List.of("b", "beta")) && "0".equals(boundary.get("b")) && "0".equals(boundary.get("beta"))) {
            // GGompertz/NBD: the Gompertz lifetime becomes exponential, the model the Pareto/NBD
            notes.add("the lifetime is exponential: the Pareto/NBD with beta = "
                    + round(parameters[names.indexOf("beta")] / parameters[names.indexOf("b")]));
        }
        if (names.containsAll(List.of("r", "alpha")) && "inf".equals(boundary.get("r"))
                && "inf".equals(boundary.get("alpha"))) {
            double r = parameters[names.indexOf("r")];
            double alpha = parameters[names.indexOf("alpha")];
            notes.add("every customer has the same purchase rate r / alpha = " + round(r / alpha));
        }
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /**
     * Counts likelihood evaluations against the fit's budget and keeps the best point seen, so
     * that a search cut short still returns where it got to.
     */
    private static final class Budget implements Objective {
        private final Objective f;
        final int limit;
        private int used;
        private double bestValue = Double.POSITIVE_INFINITY;
        private double[] bestTheta;
        private double[] bestGradient;

        private final Control control;
        private final long started;
        private final String phase;
        /** Whether the time limit ended a search. */
        boolean timedOut;

        Budget(Objective f, int limit, Control control, long started, String phase) {
            this.f = f;
            this.limit = limit;
            this.control = control;
            this.started = started;
            this.phase = phase;
        }

        @Override
        public double value(double[] theta, double[] gradient) {
            control.cancellation().throwIfCancelled(phase);
            if (used >= limit) {
                throw new BudgetExhausted();
            }
            long elapsed = control.clock().getAsLong() - started;
            if (timedOut || elapsed > control.timeLimitNanos()) {
                timedOut = true;
                throw new BudgetExhausted();
            }
            used++;
            double v = f.value(theta, gradient);
            if (v < bestValue) {
                bestValue = v;
                bestTheta = theta.clone();
                bestGradient = gradient.clone();
            }
            if (!control.listener().isSilent()) {
                control.listener().onProgress(ProgressEvent.ofUnknownTotal(phase + ": likelihood evaluations", used,
                        Duration.ofNanos(Math.max(0, elapsed))));
            }
            return v;
        }

        /** Whether no further search may start: the evaluations or the time are used up. */
        boolean exhausted() {
            return used >= limit || timedOut;
        }

        Outcome run(double[] start, java.util.function.Supplier<Outcome> search) {
            int before = used;
            try {
                return search.get();
            } catch (BudgetExhausted e) {
                if (bestTheta == null) {
                    return new Outcome(start.clone(), Double.POSITIVE_INFINITY, new double[start.length], 0, false,
                            "evaluation budget exhausted before a finite value");
                }
                return new Outcome(bestTheta.clone(), bestValue, bestGradient.clone(), used - before, false,
                        (timedOut ? "stopped by the time limit" : "stopped by the evaluation budget")
                                + " (largest gradient component "
                                + Optimizers.maxAbs(bestGradient) + ")");
            }
        }
    }

    /** Ends a search whose fit has used its evaluation budget; carries no stack trace. */
    private static final class BudgetExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExhausted() {
            super("evaluation budget exhausted", null, false, false);
        }
    }

    private static boolean better(Outcome o, Outcome best) {
        if (o.converged() != best.converged()) {
            return o.converged();
        }
        return o.value() < best.value() || Double.isNaN(best.value());
    }

    private static void record(List<FitAttempt> attempts, List<Outcome> outcomes, String name,
            double[] start, Outcome o, double n) {
        outcomes.add(o);
        attempts.add(new FitAttempt(name, Arrays.stream(start).boxed().toList(),
                Double.isFinite(o.value()) ? -o.value() * n : Double.NEGATIVE_INFINITY,
                o.iterations(), o.converged(), o.reason()));
        if (LOG.isDebugEnabled()) {
            LOG.debug("fit attempt {} from {}: log-likelihood {} after {} iterations, converged {} ({})", name,
                    Arrays.toString(start), -o.value() * n, o.iterations(), o.converged(), o.reason());
        }
    }

    private static double[] toParameters(List<ParameterTransform> transforms, double[] theta) {
        double[] p = new double[theta.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = transforms.get(i).toParameter(theta[i]);
        }
        return p;
    }

    private static double[] toUnbounded(BtydModel<?> model, List<ParameterTransform> transforms,
            double[] start) {
        if (start.length != transforms.size()) {
            throw new IllegalArgumentException("starting point of " + model.name() + " has "
                    + start.length + " values, expected " + transforms.size());
        }
        double[] theta = new double[start.length];
        for (int i = 0; i < theta.length; i++) {
            if (!transforms.get(i).contains(start[i])) {
                throw new IllegalArgumentException("starting value " + start[i] + " of "
                        + model.parameterNames().get(i) + " is outside its bounds");
            }
            theta[i] = transforms.get(i).toUnbounded(start[i]);
        }
        return theta;
    }

    /**
     * Inverse observed information by central differences of the analytic gradient, then
     * the delta method; null when not positive definite or not finite.
     */
    private static double[][] covariance(Objective objective, List<ParameterTransform> transforms,
            double[] theta, double n) {
        double[][] inverse = Optimizers.inverseInformation(objective, theta, n);
        if (inverse == null) {
            return null;
        }
        int k = theta.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            double ji = transforms.get(i).derivative(theta[i]);
            for (int j = 0; j < k; j++) {
                c[i][j] = ji * inverse[i][j] * transforms.get(j).derivative(theta[j]);
                if (!Double.isFinite(c[i][j])) {
                    return null;
                }
            }
        }
        return c;
    }
}
