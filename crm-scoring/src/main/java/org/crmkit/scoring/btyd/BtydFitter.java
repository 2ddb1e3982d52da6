package org.crmkit.scoring.btyd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.internal.Optimizers.Objective;
import org.crmkit.scoring.btyd.internal.Optimizers.Outcome;
import org.crmkit.scoring.btyd.internal.Optimizers;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
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
 * <p>Convergence means: the largest component of the gradient of the log-likelihood per
 * customer with respect to the transformed parameters is at most the gradient tolerance
 * (default 1e-6), no parameter ran off to the boundary ({@code |theta| > 30}), and the
 * observed information (the negative Hessian, by central differences of the analytic
 * gradient) is positive definite. The covariance of the estimates is the inverse observed
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
    /** Relative step of the central differences of the gradient that give the Hessian. */
    private static final double HESSIAN_STEP = 1e-5;
    /** Cholesky thresholds: relative symmetry, and the smallest pivot of a definite matrix. */
    private static final double SYMMETRY_THRESHOLD = 1e-12;
    private static final double POSITIVITY_THRESHOLD = 1e-14;
    private static final BtydFitter STANDARD = new BtydFitter(DEFAULT_GRADIENT_TOLERANCE,
            DEFAULT_MAX_ITERATIONS, null);

    private final double gradientTolerance;
    private final int maxIterations;
    private final Parallelism parallelism; // null: Parallelism.defaults() at each fit

    private BtydFitter(double gradientTolerance, int maxIterations, Parallelism parallelism) {
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
        this.parallelism = parallelism;
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
        return new BtydFitter(tolerance, maxIterations, parallelism);
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
        return new BtydFitter(gradientTolerance, iterations, parallelism);
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
                Objects.requireNonNull(parallelism, "parallelism"));
    }

    /**
     * Fits the model to the data by maximum likelihood.
     *
     * @param <F> the type of the fitted model
     * @param model the model specification, not null
     * @param data the summaries, not null
     * @return the fit; check {@link FitResult#converged()}, never null
     * @throws IllegalArgumentException if the data do not suit the model
     */
    public <F extends FittedModel> FitResult<F> fit(BtydModel<F> model, BtydData data) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        List<ParameterTransform> transforms = model.transforms();
        int k = model.parameterNames().size();
        if (transforms.size() != k) {
            throw new IllegalArgumentException("model " + model.name() + " has " + k
                    + " parameters but " + transforms.size() + " transforms");
        }
        double n = data.customers();
        Parallelism where = parallelism == null ? Parallelism.defaults() : parallelism;
        Objective objective = (theta, gradient) -> {
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
        List<double[]> starts = model.startingPoints(data);
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("model " + model.name() + " gave no starting point");
        }
        List<FitAttempt> attempts = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (double[] start : starts) {
            double[] theta0 = toUnbounded(model, transforms, start);
            Outcome o = Optimizers.bfgs(objective, theta0, gradientTolerance, maxIterations);
            record(attempts, outcomes, "BFGS", start, o, n);
            if (o.converged()) {
                break;
            }
        }
        if (outcomes.stream().noneMatch(Outcome::converged)) {
            double[] theta0 = toUnbounded(model, transforms, starts.get(0));
            record(attempts, outcomes, "NonLinearConjugateGradient (Hipparchus)", starts.get(0),
                    Optimizers.conjugateGradient(objective, theta0, gradientTolerance, maxIterations), n);
        }
        if (outcomes.stream().noneMatch(Outcome::converged)) {
            double[] theta0 = toUnbounded(model, transforms, starts.get(0));
            record(attempts, outcomes, "BOBYQA (Hipparchus) + BFGS", starts.get(0),
                    Optimizers.bobyqa(objective, theta0, gradientTolerance, maxIterations), n);
        }
        Outcome best = null;
        for (Outcome o : outcomes) {
            if (best == null || better(o, best)) {
                best = o;
            }
        }
        double[] theta = best.theta();
        double[] parameters = toParameters(transforms, theta);
        boolean converged = best.converged();
        String reason = best.reason();
        double[][] covariance = null;
        if (Double.isFinite(best.value())) {
            covariance = covariance(objective, transforms, theta, n);
            if (covariance == null && converged) {
                converged = false;
                reason += "; but the observed information is not positive definite";
            }
        }
        if (!converged && outcomes.stream().noneMatch(Outcome::converged)) {
            reason = "no attempt converged; best: " + reason;
        }
        F fitted = model.withParameters(parameters);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} fitted after {} attempt(s): {}, converged {} ({})", model.name(), attempts.size(),
                    Arrays.toString(parameters), converged, reason);
        }
        return new FitResult<>(fitted, model.parameterNames(), -best.value() * n, converged, reason,
                best.iterations(),
                Optimizers.maxAbs(best.gradient()), covariance, n, attempts);
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
        int k = theta.length;
        double[][] information = new double[k][k];
        double[] plus = new double[k];
        double[] minus = new double[k];
        for (int j = 0; j < k; j++) {
            double h = HESSIAN_STEP * Math.max(1, Math.abs(theta[j]));
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += h;
            tm[j] -= h;
            double fp = objective.value(tp, plus);
            double fm = objective.value(tm, minus);
            if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
                return null;
            }
            for (int i = 0; i < k; i++) {
                // objective = -LL / n, so d(objective gradient) * n = -Hessian of LL
                information[i][j] = (plus[i] - minus[i]) / (2 * h) * n;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                double s = (information[i][j] + information[j][i]) / 2;
                information[i][j] = s;
                information[j][i] = s;
            }
        }
        RealMatrix inverse;
        try {
            inverse = new CholeskyDecomposition(MatrixUtils.createRealMatrix(information),
                    SYMMETRY_THRESHOLD, POSITIVITY_THRESHOLD).getSolver().getInverse();
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            return null;
        }
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            double ji = transforms.get(i).derivative(theta[i]);
            for (int j = 0; j < k; j++) {
                c[i][j] = ji * inverse.getEntry(i, j) * transforms.get(j).derivative(theta[j]);
                if (!Double.isFinite(c[i][j])) {
                    return null;
                }
            }
        }
        return c;
    }
}
