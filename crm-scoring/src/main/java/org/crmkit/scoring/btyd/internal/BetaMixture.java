package org.crmkit.scoring.btyd.internal;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.special.Beta;

/**
 * Expectations {@code E[h(p)]} of a positive function over {@code p ~ Beta(a, b)} by
 * double-exponential (tanh-sinh) quadrature.
 *
 * <p>Hipparchus offers Gauss-Legendre and Romberg integrators but none that copes with the
 * endpoint singularities {@code p^(a-1)} and {@code (1-p)^(b-1)} for shape parameters down
 * to 1e-4, nor with the steep transition of {@code (1 - (1 + p t/alpha)^-r) / p} near
 * {@code p = alpha / t}. So the integral is split at the mean {@code m = a / (a + b)}; on
 * each part the substitution {@code p = m s^(1/a)} (resp. {@code 1 - p = (1 - m) s^(1/b)})
 * absorbs the singular weight exactly, and the remaining smooth integrand over {@code s} in (0, 1) is
 * integrated with tanh-sinh nodes, which cluster double-exponentially at both ends.
 * Everything is in log space, so the normalising constant {@code B(a, b)} never
 * overflows. When both shapes are at least 1 the density is instead integrated in
 * {@code logit(p)} by the trapezoid rule around its mode (see {@code logitTrapezoid}),
 * which copes with the narrow peaks of large shapes. Used where the hypergeometric series
 * of the closed forms would converge too slowly; the tests check both routes against each
 * other.
 *
 * <p>Thread-safe: stateless.
 */
public final class BetaMixture {

    private static final double STEP = 1.0 / 16;
    private static final int HALF_WIDTH = 64;
    private static final double[] LOG_S;
    private static final double[] LOG_WEIGHT;

    static {
        int n = 2 * HALF_WIDTH + 1;
        LOG_S = new double[n];
        LOG_WEIGHT = new double[n];
        for (int k = -HALF_WIDTH; k <= HALF_WIDTH; k++) {
            double u = k * STEP;
            double v = Math.PI / 2 * Math.sinh(u);
            // s = (1 + tanh v) / 2 = 1 / (1 + exp(-2v)); ds = (pi/4) cosh(u) sech^2(v) du
            LOG_S[k + HALF_WIDTH] = -log1pExp(-2 * v);
            double logCoshV = Math.abs(v) + Math.log1p(Math.exp(-2 * Math.abs(v))) - Math.log(2);
            LOG_WEIGHT[k + HALF_WIDTH] = Math.log(STEP * Math.PI / 4 * Math.cosh(u)) - 2 * logCoshV;
        }
    }

    private BetaMixture() {
    }

    /**
     * For {@code a, b >= 1} there is no endpoint singularity but the mass may be narrow
     * (sd ~ 1/sqrt(a + b)); in {@code y = logit(p)} the density {@code p^a (1-p)^b / B} is
     * smooth, log-concave and decays exponentially, where the trapezoid rule with a step
     * of an eighth of its width converges geometrically.
     */
    private static double logitTrapezoid(double a, double b, double logBeta,
            DoubleUnaryOperator logH) {
        double mode = Math.log(a / b);
        double sd = Math.sqrt(1 / a + 1 / b);
        double step = sd / 8;
        double lower = mode - 12 * sd - 50 / a;
        double upper = mode + 12 * sd + 50 / b;
        int n = (int) Math.ceil((upper - lower) / step);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double y = lower + i * step;
            double logP = -log1pExp(-y);
            double logQ = -log1pExp(y);
            double p = Math.exp(logP);
            sum += Math.exp(logH.applyAsDouble(p) + a * logP + b * logQ - logBeta);
        }
        return sum * step;
    }

    private static double log1pExp(double y) {
        return y > 30 ? y + Math.exp(-y) : Math.log1p(Math.exp(y));
    }

    /**
     * Returns {@code E[h(p)]} for {@code p ~ Beta(a, b)}, where {@code logH} gives
     * {@code ln h(p)} for p in [0, 1] (it must accept the endpoints).
     *
     * @param a the first shape, positive
     * @param b the second shape, positive
     * @param logH the logarithm of the positive integrand
     * @return the expectation
     */
    public static double expectation(double a, double b, DoubleUnaryOperator logH) {
        double logBeta = Beta.logBeta(a, b);
        if (a >= 1 && b >= 1) {
            return logitTrapezoid(a, b, logBeta, logH);
        }
        // split at the mean, where the mass is, so that both halves see a smooth integrand
        // even when the distribution is concentrated near an endpoint or around its mode
        double split = Math.min(1 - 1e-15, Math.max(1e-300, a / (a + b)));
        double logSplit = Math.log(split);
        double logRest = Math.log1p(-split);
        double logFactorA = a * logSplit - Math.log(a) - logBeta;
        double logFactorB = b * logRest - Math.log(b) - logBeta;
        double sum = 0;
        for (int k = 0; k < LOG_S.length; k++) {
            double logS = LOG_S[k];
            // lower part: p = split * s^(1/a), so p^(a-1) dp = split^a / a ds
            double p = Math.exp(logSplit + logS / a);
            double termA = logH.applyAsDouble(p) + (b - 1) * Math.log1p(-p) + logFactorA;
            // upper part: 1 - p = (1 - split) * s^(1/b)
            double q = Math.exp(logRest + logS / b);
            double termB = logH.applyAsDouble(1 - q) + (a - 1) * Math.log1p(-q) + logFactorB;
            sum += Math.exp(LOG_WEIGHT[k] + termA) + Math.exp(LOG_WEIGHT[k] + termB);
        }
        return sum;
    }
}
