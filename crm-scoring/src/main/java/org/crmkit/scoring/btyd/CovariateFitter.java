package org.crmkit.scoring.btyd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.ProgressListener;
import org.crmkit.scoring.btyd.internal.Optimizers;

/**
 * Maximum-likelihood fitting of a Pareto/NBD or BG/NBD model with time-invariant
 * covariates ({@link CovariateModel}), optionally with equality constraints between the two
 * processes and an L2 penalty on the coefficients.
 *
 * <p>Method: the plain model is fitted without covariates on all rows; its log-likelihood is
 * {@link CovariateFit#plainLogLikelihood()}, the null model of a likelihood-ratio test (below
 * {@link #PILOT_MIN_ROWS} distinct rows by {@link BtydFitter}; from there on, from the plain fit
 * of the pilot's sample by a BFGS search over the four log-parameters of this class's
 * objective with every coefficient 0, which is the plain likelihood, and by
 * {@link BtydFitter} should that not converge). On {@link #PILOT_MIN_ROWS} distinct rows or more, a pilot fit of
 * {@link #PILOT_ROWS} systematically sampled rows (as below) gives the start and the first
 * inverse Hessian of a BFGS search on all rows (as {@link BtydFitter} does for the plain
 * models); otherwise, or should that search not converge, the plain model's
 * estimate with all coefficients zero is the start of a BFGS search over
 * {@code theta = (ln p0 .. ln p3, coefficients)} with the analytic gradient of the mean
 * negative log-likelihood ({@link CovariateLikelihood}). Should that search not converge, a
 * second BFGS starts where it stopped (fresh curvature), and a third from the coefficients
 * 0.1, CLVTools' default start. Convergence means the largest component of the gradient per
 * customer is below the tolerance (default 1e-6), no population parameter ran past
 * {@code |ln p| > 30}, no coefficient ran off (past {@code |gamma| > 30}, or beyond
 * {@code |gamma| >= ln 50} with a log-likelihood flat further out, as {@link BtydFitter} tests
 * the plain parameters; such a fit is reported as
 * {@code at boundary: trans.<column> -> -inf, life.<column> -> +inf}, for example when the customers of one level
 * never repurchase) and the observed information (central differences of the analytic
 * gradient, {@code Optimizers.inverseInformation}) is positive definite. The covariance of the
 * estimates is that inverse information; the standard errors of the population parameters
 * are carried to their scale by the delta method ({@code se(p) = p se(ln p)}), those of the
 * coefficients are on their own scale.
 *
 * <p>Constraints ({@link #withConstraints}): for a named covariate, every design column of it
 * has one coefficient shared by both processes ({@code gamma_trans,j = gamma_life,j}), as
 * CLVTools' {@code names.cov.constr}.
 *
 * <p>Regularization ({@link #withRegularization(double, double)}): the search minimises
 * {@code -LL / n + lambda_trans sum_j gamma_trans,j^2 + lambda_life sum_j gamma_life,j^2}, the
 * L2 penalty of CLVTools' {@code reg.lambdas} (its {@code interlayer_regularization} adds
 * exactly these terms to the mean negative log-likelihood), over all design columns; the
 * population parameters are not penalised. One difference: CLVTools leaves a constrained
 * covariate's shared coefficient out of the penalty, crmkit counts it in both sums, since it
 * is both processes' coefficient. A penalty shrinks the coefficients towards 0 (towards the
 * plain model); the result reports the unpenalised log-likelihood, the standard errors are
 * from the penalised objective's curvature.
 *
 * <pre>{@code
 * CovariateFit fit = CovariateFitter.standard()
 *         .withConstraints(Set.of("channel"))
 *         .withRegularization(0.01, 0.01)
 *         .fit(CovariateModel.Family.PARETO_NBD, data);
 * }</pre>
 *
 * <p>Limits, progress and cancellation as for {@link BtydFitter}: {@link #withMaxIterations}
 * per search, {@link #withTimeLimit} for the whole fit (a fit stopped by either is not
 * converged and says which in {@link CovariateFit#limitReached()}), {@link #withProgress}
 * and {@link #withCancellation}.
 *
 * <p>Instances are immutable and thread-safe; a fit uses the fitter's {@link Parallelism}.
 */
public final class CovariateFitter {

    /** The largest accepted gradient component per customer of the standard fitter. */
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-6;
    /** The iteration limit per search of the standard fitter. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    /** CLVTools' default start of a coefficient, used by the last retry. */
    private static final double RETRY_COEFFICIENT = 0.1;

    private static final CovariateFitter STANDARD = new CovariateFitter(DEFAULT_GRADIENT_TOLERANCE,
            DEFAULT_MAX_ITERATIONS, null, Set.of(), 0, 0, Control.NONE);

    private final double gradientTolerance;
    private final int maxIterations;
    private final Parallelism parallelism;
    private final Set<String> constrained;
    private final double lambdaTrans;
    private final double lambdaLife;
    private final Control control;

    private CovariateFitter(double gradientTolerance, int maxIterations, Parallelism parallelism,
            Set<String> constrained, double lambdaTrans, double lambdaLife, Control control) {
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
        this.parallelism = parallelism;
        this.constrained = constrained;
        this.lambdaTrans = lambdaTrans;
        this.lambdaLife = lambdaLife;
        this.control = control;
    }

    /**
     * Progress, time limit and cancellation of a fit, as {@link BtydFitter} has them: who hears
     * of each likelihood evaluation, how long the fit may run (nanoseconds of {@code clock},
     * {@code Long.MAX_VALUE} for no limit), the token that cancels it, and the clock.
     */
    private record Control(ProgressListener listener, long timeLimitNanos, Cancellation cancellation,
            LongSupplier clock) {
        static final Control NONE = new Control(ProgressListener.none(), Long.MAX_VALUE, Cancellation.never(),
                System::nanoTime);
    }

    private CovariateFitter with(Control c) {
        return new CovariateFitter(gradientTolerance, maxIterations, parallelism, constrained, lambdaTrans,
                lambdaLife, c);
    }

    /** This fitter reading time from {@code clock} (nanoseconds); for tests of the time limit. */
    CovariateFitter withClock(LongSupplier clock) {
        return with(new Control(control.listener(), control.timeLimitNanos(), control.cancellation(),
                Objects.requireNonNull(clock, "clock")));
    }

    /**
     * Returns a fitter that reports each likelihood evaluation of a fit to {@code listener}
     * (phase {@code "fit pareto-nbd with covariates: likelihood evaluations"}, and that of
     * {@link BtydFitter} for the plain fit that gives the start), on the fitting thread.
     *
     * @param listener the listener, not null
     * @return a new fitter, never null
     */
    public CovariateFitter withProgress(ProgressListener listener) {
        return with(new Control(Objects.requireNonNull(listener, "listener"), control.timeLimitNanos(),
                control.cancellation(), control.clock()));
    }

    /**
     * Returns a fitter that stops a fit after {@code limit}, as
     * {@link BtydFitter#withTimeLimit(Duration)} does: once the time is up no further
     * likelihood evaluation starts, and the fit returns the best point reached, not
     * converged, with {@link CovariateFit#limitReached()} {@link FitLimit#TIME} and a
     * {@link CovariateFit#convergence()} that says so. The limit covers the whole fit (the
     * plain fit, the pilot, the searches); the standard errors at the point reached are
     * still computed (about two evaluations per parameter).
     *
     * @param limit the longest a fit may search, positive, not null
     * @return a new fitter, never null
     * @throws IllegalArgumentException if the limit is zero or negative
     */
    public CovariateFitter withTimeLimit(Duration limit) {
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
     * and returns nothing.
     *
     * @param cancellation the token, not null
     * @return a new fitter, never null
     */
    public CovariateFitter withCancellation(Cancellation cancellation) {
        return with(new Control(control.listener(), control.timeLimitNanos(),
                Objects.requireNonNull(cancellation, "cancellation"), control.clock()));
    }

    /**
     * Returns the standard fitter: tolerance 1e-6, 500 iterations, default parallelism, no
     * constraint, no penalty.
     *
     * @return the fitter, never null
     */
    public static CovariateFitter standard() {
        return STANDARD;
    }

    /**
     * Returns a fitter with another gradient tolerance.
     *
     * @param tolerance the largest accepted gradient component per customer, finite and {@code > 0}
     * @return a new fitter, never null
     * @throws IllegalArgumentException if out of range
     */
    public CovariateFitter withGradientTolerance(double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("gradient tolerance " + tolerance + " is not finite and > 0");
        }
        return new CovariateFitter(tolerance, maxIterations, parallelism, constrained, lambdaTrans, lambdaLife,
                control);
    }

    /**
     * Returns a fitter with another iteration limit per search.
     *
     * @param iterations the limit, {@code >= 1}
     * @return a new fitter, never null
     * @throws IllegalArgumentException if below 1
     */
    public CovariateFitter withMaxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("max iterations " + iterations + " is not >= 1");
        }
        return new CovariateFitter(gradientTolerance, iterations, parallelism, constrained, lambdaTrans, lambdaLife,
                control);
    }

    /**
     * Returns a fitter whose likelihood evaluations run on {@code parallelism}.
     *
     * @param parallelism where the row chunks run, not null
     * @return a new fitter, never null
     */
    public CovariateFitter withParallelism(Parallelism parallelism) {
        return new CovariateFitter(gradientTolerance, maxIterations, Objects.requireNonNull(parallelism, "parallelism"),
                constrained, lambdaTrans, lambdaLife, control);
    }

    /**
     * Returns a fitter that constrains the named covariates to one coefficient per design
     * column shared by the transaction and the lifetime process.
     *
     * @param covariates covariate names of the data's design, not null
     * @return a new fitter, never null
     * @throws NullPointerException if a name is null
     */
    public CovariateFitter withConstraints(Set<String> covariates) {
        Set<String> copy = new TreeSet<>();
        for (String c : Objects.requireNonNull(covariates, "covariates")) {
            copy.add(Objects.requireNonNull(c, "covariate"));
        }
        return new CovariateFitter(gradientTolerance, maxIterations, parallelism, Set.copyOf(copy), lambdaTrans,
                lambdaLife, control);
    }

    /**
     * Returns a fitter with the same L2 penalty weight on both processes' coefficients.
     *
     * @param lambda the weight per customer, finite and {@code >= 0}
     * @return a new fitter, never null
     * @throws IllegalArgumentException if lambda is negative or not finite
     */
    public CovariateFitter withRegularization(double lambda) {
        return withRegularization(lambda, lambda);
    }

    /**
     * Returns a fitter that minimises
     * {@code -LL / n + lambdaTrans sum gamma_trans^2 + lambdaLife sum gamma_life^2} (see the
     * class documentation); zeros give maximum likelihood.
     *
     * @param lambdaTrans the weight of the transaction coefficients, finite and {@code >= 0}
     * @param lambdaLife the weight of the lifetime coefficients, finite and {@code >= 0}
     * @return a new fitter, never null
     * @throws IllegalArgumentException if a weight is negative or not finite
     */
    public CovariateFitter withRegularization(double lambdaTrans, double lambdaLife) {
        requireLambda("transaction", lambdaTrans);
        requireLambda("lifetime", lambdaLife);
        return new CovariateFitter(gradientTolerance, maxIterations, parallelism, constrained, lambdaTrans, lambdaLife,
                control);
    }

    private static void requireLambda(String process, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException(process + " regularization " + lambda + " is not finite and >= 0");
        }
    }

    /**
     * Fits the model.
     *
     * @param family the plain model, not null
     * @param data the summaries with covariates, not null
     * @return the fit; check {@link CovariateFit#converged()}, never null
     * @throws IllegalArgumentException if a constrained name is not a covariate of the data
     */
    public CovariateFit fit(CovariateModel.Family family, CovariateData data) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(data, "data");
        CovariateDesign design = data.design();
        boolean[] tied = new boolean[design.width()];
        for (String name : constrained) {
            int c = design.covariateNames().indexOf(name);
            if (c < 0) {
                throw new IllegalArgumentException("constrained covariate '" + name + "' is not one of "
                        + design.covariateNames());
            }
            for (int j : design.columnsOf(c)) {
                tied[j] = true;
            }
        }
        Parallelism where = parallelism == null ? Parallelism.defaults() : parallelism;
        Deadline deadline = new Deadline(control, "fit " + family.modelName() + " with covariates");
        if (data.size() >= PILOT_MIN_ROWS) {
            CovariateData sample = data.systematicSample(PILOT_ROWS);
            FitResult<? extends PurchaseModel> samplePlain = plainFit(family, sample, where, deadline);
            CovariateFit pilot = search(family, sample, tied, where, null, null, Plain.of(family, samplePlain),
                    deadline);
            // the plain model on all rows, from the sample's plain fit: the null model of the LR test
            // and the start should the covariate search from the pilot not converge
            Plain plain = plainFromSample(family, data, tied, where, samplePlain, sample.customers(), deadline);
            if (plain == null) {
                plain = Plain.of(family, plainFit(family, data, where, deadline));
            }
            if (pilot.converged() && pilot.covariance().isPresent()) {
                CovariateLikelihood f = new CovariateLikelihood(family, data, tied, lambdaTrans, lambdaLife, where);
                CovariateModel m = pilot.model();
                double[] theta0 = f.theta(m.baseArray(), m.transactionArray(), m.lifetimeArray());
                double[][] inverseHessian = pilot.covariance().get();
                for (double[] row : inverseHessian) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] *= sample.customers();
                    }
                }
                CovariateFit full = search(family, data, tied, where, theta0, inverseHessian, plain, deadline);
                if (full.converged() || deadline.timedOut) {
                    return full;
                }
            }
            return search(family, data, tied, where, null, null, plain, deadline);
        }
        // always fitted on all rows: it reports the likelihood-ratio test's null model
        return search(family, data, tied, where, null, null, Plain.of(family, plainFit(family, data, where, deadline)),
                deadline);
    }

    /** The plain model's estimate (population parameters) and log-likelihood on the rows of a search. */
    private record Plain(double[] base, double logLikelihood) {
        static Plain of(CovariateModel.Family family, FitResult<? extends PurchaseModel> fit) {
            double[] base = new double[4];
            for (int i = 0; i < 4; i++) {
                base[i] = fit.parameters().get(family.parameterNames().get(i));
            }
            return new Plain(base, fit.logLikelihood());
        }
    }

    /**
     * The plain model's maximum-likelihood fit on all rows as the covariate objective with every
     * coefficient held at 0 (the plain likelihood, tested equal to it), by BFGS over the four
     * log-parameters from the sample's plain fit and its inverse Hessian, as {@link BtydFitter}'s
     * pilot does; a few steps on all rows instead of a second pilot. Null if that search does not
     * converge (the caller then fits the plain model by {@link BtydFitter}).
     */
    private Plain plainFromSample(CovariateModel.Family family, CovariateData data, boolean[] tied, Parallelism where,
            FitResult<? extends PurchaseModel> samplePlain, double sampleCustomers, Deadline deadline) {
        if (!samplePlain.converged() || deadline.timedOut) {
            return null;
        }
        CovariateLikelihood objective = new CovariateLikelihood(family, data, tied, 0, 0, where);
        Clocked clocked = new Clocked(objective, deadline);
        int k = objective.parameterCount();
        double[] zeros = new double[data.design().width()];
        double[] base = Plain.of(family, samplePlain).base();
        double[] theta0 = Arrays.copyOf(objective.theta(base, zeros, zeros), 4);
        Optimizers.Objective restricted = (theta, gradient) -> {
            double[] full = new double[k];
            System.arraycopy(theta, 0, full, 0, 4);
            double[] g = new double[k];
            double v = clocked.value(full, g);
            System.arraycopy(g, 0, gradient, 0, 4);
            return v;
        };
        double[][] inverseHessian = samplePlain.covariance().map(c -> {
            // to the log scale (delta method backwards), and from the total to the mean objective
            double[][] h = new double[4][4];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    h[i][j] = c[i][j] / (base[i] * base[j]) * sampleCustomers;
                }
            }
            return h;
        }).orElse(null);
        Optimizers.Outcome o;
        try {
            o = Optimizers.bfgs(restricted, theta0, inverseHessian, gradientTolerance, maxIterations);
        } catch (TimeUp e) {
            return null;
        }
        if (!o.converged() || !Double.isFinite(o.value())) {
            return null;
        }
        double[] fitted = new double[4];
        for (int i = 0; i < 4; i++) {
            if (Math.abs(o.theta()[i]) > Optimizers.THETA_LIMIT) {
                return null;
            }
            fitted[i] = Math.exp(o.theta()[i]);
        }
        return new Plain(fitted, -o.value() * data.customers());
    }

    /** The plain model's fit without covariates, under the fit's time limit, progress and cancellation. */
    private FitResult<? extends PurchaseModel> plainFit(CovariateModel.Family family, CovariateData data,
            Parallelism where, Deadline deadline) {
        BtydFitter f = BtydFitter.standard().withParallelism(where).withProgress(control.listener())
                .withCancellation(control.cancellation()).withClock(control.clock());
        if (control.timeLimitNanos() != Long.MAX_VALUE) {
            f = f.withTimeLimit(Duration.ofNanos(Math.max(1, control.timeLimitNanos() - deadline.elapsed())));
        }
        return f.fit(family.specification(), data.withoutCovariates());
    }

    /**
     * The clock of one fit: the time limit, the cancellation and the progress count, shared by
     * the searches of the fit.
     */
    private static final class Deadline {
        final Control control;
        final String phase;
        final long started;
        long evaluations;
        boolean timedOut;

        Deadline(Control control, String phase) {
            this.control = control;
            this.phase = phase;
            this.started = control.clock().getAsLong();
        }

        long elapsed() {
            return control.clock().getAsLong() - started;
        }

        /** Checks the cancellation and the time before an evaluation; throws {@link TimeUp} when over. */
        void beforeEvaluation() {
            control.cancellation().throwIfCancelled(phase);
            long elapsed = elapsed();
            if (timedOut || elapsed > control.timeLimitNanos()) {
                timedOut = true;
                throw new TimeUp();
            }
            evaluations++;
            if (!control.listener().isSilent()) {
                control.listener().onProgress(ProgressEvent.ofUnknownTotal(phase + ": likelihood evaluations",
                        evaluations, Duration.ofNanos(Math.max(0, elapsed))));
            }
        }
    }

    /** Ends a search when the fit's time is up; carries no stack trace. */
    private static final class TimeUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimeUp() {
            super("time limit", null, false, false);
        }
    }

    /**
     * The objective under the fit's {@link Deadline}, keeping the best point seen so that a
     * search cut short by the time limit returns where it got to.
     */
    private static final class Clocked implements Optimizers.Objective {
        private final CovariateLikelihood f;
        private final Deadline deadline;
        private double bestValue = Double.POSITIVE_INFINITY;
        private double[] bestTheta;
        private double[] bestGradient;

        Clocked(CovariateLikelihood f, Deadline deadline) {
            this.f = f;
            this.deadline = deadline;
        }

        @Override
        public double value(double[] theta, double[] gradient) {
            deadline.beforeEvaluation();
            double v = f.value(theta, gradient);
            if (v < bestValue) {
                bestValue = v;
                bestTheta = theta.clone();
                bestGradient = gradient.clone();
            }
            return v;
        }

        /** Runs a search; cut short by the time limit, the best point so far (or the start, evaluated once). */
        Optimizers.Outcome run(double[] start, Supplier<Optimizers.Outcome> search) {
            try {
                return search.get();
            } catch (TimeUp e) {
                if (bestTheta == null) {
                    double[] g = new double[start.length];
                    double v = f.value(start, g);
                    return new Optimizers.Outcome(start.clone(), v, g, 0, false, "stopped by the time limit");
                }
                return new Optimizers.Outcome(bestTheta.clone(), bestValue, bestGradient.clone(), 0, false,
                        "stopped by the time limit (largest gradient component "
                                + Optimizers.maxAbs(bestGradient) + ")");
            }
        }
    }

    /**
     * Distinct rows from which a fit starts with a pilot fit of {@value #PILOT_ROWS} rows sampled
     * systematically; its estimate and inverse Hessian start the search on all rows, which then
     * takes a few Newton-like steps. Should that search not converge, the fit starts over as on
     * fewer rows.
     */
    public static final int PILOT_MIN_ROWS = 50_000;
    /** The rows of a pilot fit. */
    public static final int PILOT_ROWS = 20_000;

    /** A coefficient this far out ({@code |gamma| >= ln 50}) is tested for a flat likelihood beyond. */
    private static final double FAR_OUT = Math.log(50);
    /** How far beyond the estimate the flatness test looks: a factor of 100 in {@code e^gamma}. */
    private static final double FLATNESS_STEP = Math.log(100);

    /**
     * Whether coefficient {@code q} ran off to infinity: past {@code |gamma| > 30}, or far out and
     * the log-likelihood flat beyond it (moving it {@code ln 100} further changes the
     * log-likelihood by less than {@code 0.01 + 1e-5 n}), the test {@link BtydFitter} applies to
     * the plain models' parameters.
     */
    private static boolean ranOff(CovariateLikelihood objective, double[] theta, int q, double llHere, double n) {
        double c = theta[q];
        if (Math.abs(c) > Optimizers.THETA_LIMIT) {
            return true;
        }
        if (Math.abs(c) < FAR_OUT || !Double.isFinite(llHere)) {
            return false;
        }
        double[] moved = theta.clone();
        moved[q] += Math.signum(c) * FLATNESS_STEP;
        double llThere = objective.logLikelihood(moved, null);
        return Double.isFinite(llThere) && llThere > llHere - (0.01 + 1e-5 * n);
    }

    /**
     * One search: from {@code theta0} with {@code inverseHessian}, or (both null) from the
     * plain model's fit with coefficients 0, with the retries of the class documentation.
     */
    private CovariateFit search(CovariateModel.Family family, CovariateData data, boolean[] tied, Parallelism where,
            double[] theta0, double[][] inverseHessian, Plain plain, Deadline deadline) {
        CovariateDesign design = data.design();
        CovariateLikelihood objective = new CovariateLikelihood(family, data, tied, lambdaTrans, lambdaLife, where);
        Clocked clocked = new Clocked(objective, deadline);
        int k = objective.parameterCount();
        int p = design.width();
        double plainLogLikelihood = plain.logLikelihood();
        double[] base = new double[4];
        List<Optimizers.Outcome> outcomes = new ArrayList<>();
        if (theta0 == null) {
            System.arraycopy(plain.base(), 0, base, 0, 4);
            double[] zeros = new double[p];
            double[] start = objective.theta(base, zeros, zeros);
            outcomes.add(clocked.run(start, () -> Optimizers.bfgs(clocked, start, gradientTolerance, maxIterations)));
        } else {
            for (int i = 0; i < 4; i++) {
                base[i] = Math.exp(theta0[i]);
            }
            outcomes.add(clocked.run(theta0, () -> Optimizers.bfgs(clocked, theta0, inverseHessian, gradientTolerance,
                    maxIterations)));
        }
        Optimizers.Outcome first = outcomes.get(0);
        if (!first.converged() && Double.isFinite(first.value()) && !deadline.timedOut) {
            outcomes.add(clocked.run(first.theta(), () -> Optimizers.bfgs(clocked, first.theta(), gradientTolerance,
                    maxIterations)));
        }
        if (theta0 == null && outcomes.stream().noneMatch(Optimizers.Outcome::converged) && !deadline.timedOut) {
            double[] retry = new double[p];
            Arrays.fill(retry, RETRY_COEFFICIENT);
            double[] start = objective.theta(base, retry, retry);
            outcomes.add(clocked.run(start, () -> Optimizers.bfgs(clocked, start, gradientTolerance, maxIterations)));
        }
        Optimizers.Outcome best = null;
        int iterations = 0;
        for (Optimizers.Outcome out : outcomes) {
            iterations += out.iterations();
            if (best == null || (out.converged() && !best.converged())
                    || (out.converged() == best.converged() && out.value() < best.value())) {
                best = out;
            }
        }
        double[] theta = best.theta();
        boolean converged = best.converged();
        String reason = best.reason();
        Map<String, String> boundary = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            if (Math.abs(theta[i]) > Optimizers.THETA_LIMIT) {
                converged = false;
                boundary.put(family.parameterNames().get(i), theta[i] > 0 ? "inf" : "0");
                reason = "at boundary: " + family.parameterNames().get(i) + " = " + Math.exp(theta[i])
                        + " (search: " + reason + ")";
            }
        }
        double n = data.customers();
        double llHere = Double.isFinite(best.value()) ? objective.logLikelihood(theta, null) : Double.NaN;
        List<String> ranOff = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            for (boolean trans : new boolean[] {true, false}) {
                int q = trans ? objective.transactionIndex(j) : objective.lifetimeIndex(j);
                if (!trans && q == objective.transactionIndex(j)) {
                    continue; // constrained: the same coefficient as the transaction side
                }
                if (ranOff(objective, theta, q, llHere, n)) {
                    // e.g. a level whose customers never repurchase: the likelihood rises towards infinity
                    String name = (trans ? CovariateModel.TRANSACTION_PREFIX : CovariateModel.LIFETIME_PREFIX)
                            + design.coefficientNames().get(j);
                    String limit = theta[q] > 0 ? "+inf" : "-inf";
                    ranOff.add(name + " -> " + limit);
                    boundary.put(name, limit);
                }
            }
        }
        if (!ranOff.isEmpty()) {
            converged = false;
            reason = "at boundary: " + String.join(", ", ranOff) + " (search: " + best.reason() + ")";
        }
        if (theta0 != null) {
            reason += "; started from a fit of " + PILOT_ROWS + " sampled rows";
        }
        if (deadline.timedOut) {
            reason += "; stopped by the time limit of " + Duration.ofNanos(control.timeLimitNanos()) + " after "
                    + deadline.evaluations + " likelihood evaluations";
        }
        double[][] covariance = Double.isFinite(best.value()) ? Optimizers.inverseInformation(objective, theta, n)
                : null;
        if (covariance == null && converged) {
            converged = false;
            reason += "; but the observed information is not positive definite";
        }
        double[] fittedBase = new double[4];
        for (int i = 0; i < 4; i++) {
            fittedBase[i] = Math.exp(theta[i]);
        }
        double[] trans = objective.transaction(theta);
        double[] life = objective.lifetime(theta);
        Map<String, Double> se = new LinkedHashMap<>();
        if (covariance != null) {
            for (int i = 0; i < 4; i++) {
                se.put(family.parameterNames().get(i), fittedBase[i] * Math.sqrt(Math.max(0, covariance[i][i])));
            }
            for (int j = 0; j < p; j++) {
                int at = objective.transactionIndex(j);
                se.put(CovariateModel.TRANSACTION_PREFIX + design.coefficientNames().get(j),
                        Math.sqrt(Math.max(0, covariance[at][at])));
            }
            for (int j = 0; j < p; j++) {
                int at = objective.lifetimeIndex(j);
                se.put(CovariateModel.LIFETIME_PREFIX + design.coefficientNames().get(j),
                        Math.sqrt(Math.max(0, covariance[at][at])));
            }
            se.values().removeIf(v -> !Double.isFinite(v));
        }
        CovariateModel model = CovariateModel.of(family, fittedBase, design, trans, life, se);
        double penalty = objective.penalty(theta);
        double ll = -(best.value() - penalty) * n;
        Optional<FitLimit> limit = converged ? Optional.empty()
                : deadline.timedOut ? Optional.of(FitLimit.TIME)
                : best.iterations() >= maxIterations ? Optional.of(FitLimit.ITERATIONS) : Optional.empty();
        return new CovariateFit(model, ll, plainLogLikelihood, converged, reason, iterations,
                Optimizers.maxAbs(best.gradient()), n, k, lambdaTrans, lambdaLife, penalty * n, covariance, limit,
                boundary);
    }
}
