package org.crmkit.scoring.btyd;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.special.Beta;

/**
 * Brute-force reference computations for tests, deliberately independent of the
 * production routes (no hypergeometric functions, no tanh-sinh quadrature).
 */
final class Numeric {

    private Numeric() {
    }

    /** Composite Simpson rule on [lo, hi] with n (even) intervals. */
    static double simpson(DoubleUnaryOperator f, double lo, double hi, int n) {
        double h = (hi - lo) / n;
        double s = f.applyAsDouble(lo) + f.applyAsDouble(hi);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(lo + i * h);
        }
        return s * h / 3;
    }

    /**
     * E[g(p)] for p ~ Beta(a, b) with b >= 1, by Simpson's rule after u = p^a (which
     * removes the p^(a-1) singularity at 0).
     */
    static double betaExpectation(double a, double b, DoubleUnaryOperator g) {
        double norm = 1 / (a * Math.exp(Beta.logBeta(a, b)));
        return norm * simpson(u -> {
            double p = Math.pow(u, 1 / a);
            return g.applyAsDouble(p) * Math.pow(1 - p, b - 1);
        }, 0, 1, 200_000);
    }

    /** Gauss hypergeometric 2F1(a, b; c; z) by its defining series, for |z| < 0.9. */
    static double hyp2f1(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < 100_000; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                return sum;
            }
        }
        throw new AssertionError("2F1 series did not converge");
    }
}
