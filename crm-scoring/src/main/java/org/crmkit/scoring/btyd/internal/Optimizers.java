package org.crmkit.scoring.btyd.internal;

import java.util.Arrays;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * The minimisers used by the fitter, on the unbounded (transformed) scale.
 *
 * <p>The first choice is a quasi-Newton BFGS written here: Hipparchus 3.1 has no
 * quasi-Newton method, and on these smooth 3-5 parameter likelihoods with an analytic
 * gradient BFGS needs a few dozen evaluations, far fewer than Hipparchus' non-linear
 * conjugate gradient. The Hipparchus optimisers (non-linear conjugate gradient,
 * derivative-free BOBYQA) serve as independent fall-backs when BFGS fails.
 *
 * <p>Thread-safe: stateless.
 */
public final class Optimizers {

    /** Largest magnitude of a transformed parameter (e^30 ~ 1e13): beyond is a boundary. */
    public static final double THETA_LIMIT = 30;

    /** Armijo sufficient-decrease constant of the BFGS line search (Nocedal and Wright's c1). */
    static final double ARMIJO = 1e-4;
    /** Largest first step of a line search, in the largest component of the direction. */
    static final double MAX_STEP = 5;
    /** Step halvings before a line search gives up. */
    static final int MAX_HALVINGS = 60;
    /** BFGS skips an update unless {@code s'y > CURVATURE * |s| |y|} (keeps H positive definite). */
    static final double CURVATURE = 1e-14;
    /** Relative and absolute value-change thresholds of the conjugate gradient's checker. */
    static final double CG_RELATIVE = 1e-14;
    static final double CG_ABSOLUTE = 1e-300;
    /** Evaluations per iteration allowed to the conjugate gradient (its line searches). */
    static final int CG_EVALUATIONS_PER_ITERATION = 50;
    /** BOBYQA's initial and final trust-region radii on the transformed scale, and its budget. */
    static final double BOBYQA_INITIAL_RADIUS = 0.5;
    static final double BOBYQA_STOPPING_RADIUS = 1e-10;
    static final int BOBYQA_MAX_EVALUATIONS = 20_000;

    private Optimizers() {
    }

    /** A smooth objective with gradient; returns +infinity where undefined. */
    public interface Objective {
        /**
         * Evaluates the objective and writes its gradient.
         *
         * @param theta the point
         * @param gradient receives the gradient
         * @return the value
         */
        double value(double[] theta, double[] gradient);
    }

    /** The outcome of one minimisation. */
    public record Outcome(double[] theta, double value, double[] gradient, int iterations,
            boolean converged, String reason) {
    }

    /**
     * Minimises by BFGS with backtracking (Armijo) line search.
     *
     * @param f the objective
     * @param start the starting point
     * @param gradientTolerance convergence when the largest gradient component is below
     * @param maxIterations iteration limit
     * @return the outcome
     */
    public static Outcome bfgs(Objective f, double[] start, double gradientTolerance,
            int maxIterations) {
        return bfgs(f, start, null, gradientTolerance, maxIterations);
    }

    /**
     * Minimises by BFGS from a first estimate of the inverse Hessian, for example one from
     * a fit of a sample of the data; the search falls back to the identity as the plain
     * {@link #bfgs(Objective, double[], double, int)} does when the estimate gives no descent.
     *
     * @param f the objective
     * @param start the starting point
     * @param inverseHessian the first inverse Hessian estimate (symmetric positive
     *     definite, the start's dimension), or null for the identity scaled after the
     *     first step
     * @param gradientTolerance the gradient test
     * @param maxIterations iteration limit
     * @return the outcome
     */
    public static Outcome bfgs(Objective f, double[] start, double[][] inverseHessian, double gradientTolerance,
            int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.value(x, g);
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Outcome(x, fx, g, 0, false, "objective not finite at the starting point");
        }
        double[][] h = identity(n);
        boolean fresh = true;
        if (inverseHessian != null) {
            if (inverseHessian.length != n) {
                throw new IllegalArgumentException("inverse Hessian of " + inverseHessian.length
                        + " rows for " + n + " parameters");
            }
            for (int i = 0; i < n; i++) {
                h[i] = inverseHessian[i].clone();
            }
            fresh = false;
        }
        double[] xn = new double[n];
        double[] gn = new double[n];
        for (int iter = 1; iter <= maxIterations; iter++) {
            double gmax = maxAbs(g);
            if (gmax <= gradientTolerance) {
                return new Outcome(x, fx, g, iter - 1, true,
                        "gradient norm " + gmax + " <= " + gradientTolerance);
            }
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    d[i] -= h[i][j] * g[j];
                }
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                h = identity(n);
                fresh = true;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            double step = Math.min(1, MAX_STEP / maxAbs(d));
            double fn = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < MAX_HALVINGS; k++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * d[i];
                }
                fn = f.value(xn, gn);
                if (Double.isFinite(fn) && allFinite(gn) && fn <= fx + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                if (!fresh) {
                    h = identity(n);
                    fresh = true;
                    continue;
                }
                return new Outcome(x, fx, g, iter, false, "line search failed to decrease the "
                        + "objective (largest gradient component " + gmax + ")");
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > CURVATURE * Math.sqrt(dot(s, s) * dot(y, y))) {
                if (fresh) {
                    double scale = sy / dot(y, y);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = scale;
                    }
                    fresh = false;
                }
                h = bfgsUpdate(h, s, y, sy);
            }
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (maxAbs(x) > THETA_LIMIT) {
                return new Outcome(x, fx, g, iter, false,
                        "a parameter ran to the boundary of its range");
            }
        }
        return new Outcome(x, fx, g, maxIterations, false,
                "iteration limit " + maxIterations + " reached (largest gradient component "
                        + maxAbs(g) + ")");
    }

    /**
     * Minimises by Hipparchus' Polak-Ribiere non-linear conjugate gradient, then reports
     * convergence by the same gradient test as {@link #bfgs}.
     *
     * @param f the objective
     * @param start the starting point
     * @param gradientTolerance the gradient test
     * @param maxIterations iteration limit
     * @return the outcome
     */
    public static Outcome conjugateGradient(Objective f, double[] start,
            double gradientTolerance, int maxIterations) {
        int n = start.length;
        int[] iterations = {0};
        try {
            NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                    NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                    new SimpleValueChecker(CG_RELATIVE, CG_ABSOLUTE));
            PointValuePair best = optimizer.optimize(new MaxEval(maxIterations * CG_EVALUATIONS_PER_ITERATION),
                    new MaxIter(maxIterations), GoalType.MINIMIZE, new InitialGuess(start),
                    new ObjectiveFunction(theta -> finiteOrHuge(f.value(theta, new double[n]))),
                    new ObjectiveFunctionGradient(theta -> {
                        double[] g = new double[n];
                        f.value(theta, g);
                        return g;
                    }));
            iterations[0] = optimizer.getIterations();
            return judge(f, best.getPoint(), iterations[0], gradientTolerance,
                    "non-linear conjugate gradient stopped");
        } catch (MathRuntimeException e) {
            double[] g = new double[n];
            double v = f.value(start, g);
            return new Outcome(start.clone(), v, g, iterations[0], false,
                    "non-linear conjugate gradient failed: " + e.getMessage());
        }
    }

    /**
     * Minimises by Hipparchus' derivative-free BOBYQA within {@code |theta| <= 30}, then
     * polishes with BFGS.
     *
     * @param f the objective
     * @param start the starting point
     * @param gradientTolerance the gradient test
     * @param maxIterations iteration limit of the polish; BOBYQA itself makes at most
     *     {@code min(BOBYQA_MAX_EVALUATIONS, 50 maxIterations)} evaluations
     * @return the outcome
     */
    public static Outcome bobyqa(Objective f, double[] start, double gradientTolerance,
            int maxIterations) {
        int n = start.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, -THETA_LIMIT);
        Arrays.fill(upper, THETA_LIMIT);
        double[] clamped = new double[n];
        for (int i = 0; i < n; i++) {
            clamped[i] = Math.max(-THETA_LIMIT + 1, Math.min(THETA_LIMIT - 1, start[i]));
        }
        try {
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, BOBYQA_INITIAL_RADIUS,
                    BOBYQA_STOPPING_RADIUS);
            // the iteration limit bounds BOBYQA as it bounds the conjugate gradient: with the default 500
            // it is BOBYQA_MAX_EVALUATIONS, with a small limit (crm fit --max-iterations 2) it stays small
            int evaluations = (int) Math.min(BOBYQA_MAX_EVALUATIONS, (long) maxIterations * CG_EVALUATIONS_PER_ITERATION);
            PointValuePair best = optimizer.optimize(new MaxEval(evaluations), GoalType.MINIMIZE,
                    new InitialGuess(clamped), new SimpleBounds(lower, upper),
                    new ObjectiveFunction(theta -> finiteOrHuge(f.value(theta, new double[n]))));
            Outcome polished = bfgs(f, best.getPoint(), gradientTolerance, maxIterations);
            return new Outcome(polished.theta(), polished.value(), polished.gradient(),
                    optimizer.getEvaluations() + polished.iterations(), polished.converged(),
                    "BOBYQA then BFGS: " + polished.reason());
        } catch (MathRuntimeException e) {
            double[] g = new double[n];
            double v = f.value(start, g);
            return new Outcome(start.clone(), v, g, 0, false, "BOBYQA failed: " + e.getMessage());
        }
    }

    private static Outcome judge(Objective f, double[] theta, int iterations,
            double gradientTolerance, String what) {
        double[] g = new double[theta.length];
        double v = f.value(theta, g);
        double gmax = maxAbs(g);
        boolean ok = Double.isFinite(v) && gmax <= gradientTolerance && maxAbs(theta) <= THETA_LIMIT;
        return new Outcome(theta.clone(), v, g, iterations, ok, what + ": largest gradient component "
                + gmax + (ok ? " <= " : " > ") + gradientTolerance);
    }

    private static double finiteOrHuge(double v) {
        return Double.isFinite(v) ? v : 1e300;
    }

    private static double[][] bfgsUpdate(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hy[i] += h[i][j] * y[j];
            }
        }
        double yhy = dot(y, hy);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j])
                        + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
        return out;
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /**
     * Returns the largest absolute component.
     *
     * @param v the vector
     * @return the infinity norm; NaN if a component is NaN
     */
    public static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    /** Relative step of the central differences of the gradient that give the Hessian. */
    private static final double HESSIAN_STEP = 1e-5;

    /**
     * The inverse of the observed information at {@code theta} of an objective that is
     * {@code -LL / n}: the Hessian of {@code LL} from central differences of the objective's
     * gradient (relative step 1e-5, at least 1e-5 absolute), made exactly symmetric, inverted
     * by Cholesky (Hipparchus). Used by every maximum-likelihood fit of the module for its
     * standard errors.
     *
     * @param objective the objective, {@code -LL / n} in the coordinates of {@code theta}
     * @param theta the estimate
     * @param n the scale of the objective (customers)
     * @return the covariance of the estimate in those coordinates, or null where the
     *     objective is not finite nearby or the information is not positive definite
     */
    public static double[][] inverseInformation(Objective objective, double[] theta, double n) {
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
        try {
            return new CholeskyDecomposition(MatrixUtils.createRealMatrix(information), 1e-12, 1e-14)
                    .getSolver().getInverse().getData();
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            return null;
        }
    }
}
