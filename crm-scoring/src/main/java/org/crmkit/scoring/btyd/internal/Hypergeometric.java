package org.crmkit.scoring.btyd.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * The expected number of purchases of a beta-geometric/NBD process,
 * {@code G(r, alpha, a, b, t) = E[(1 - (alpha / (alpha + p t))^r) / p]} for
 * {@code p ~ Beta(a, b)}, which is
 * {@code (a + b - 1) / (a - 1) * [1 - (alpha / (alpha + t))^r 2F1(r, b; a + b - 1; z)]}
 * with {@code z = t / (alpha + t)} (Fader, Hardie and Lee 2005, Marketing Science 24(2),
 * equation 9; equation 10 is the same with updated parameters).
 *
 * <p>That closed form divides by {@code a - 1}, has a pole where {@code a + b - 1} is not
 * positive and its series converges slowly as {@code z -> 1}. Here Euler's transformation
 * {@code 2F1(r, b; c; z) = (1-z)^(c-r-b) 2F1(c-r, c-b; c; z)} with {@code c - b = a - 1}
 * turns it into
 * {@code c [(1 - (1-z)^(a-1)) / (a-1) - (1-z)^(a-1) S]} with
 * {@code S = sum_{n>=1} (c-r)_n (a)_(n-1) / ((c)_n n!) z^n}, which has no division by
 * {@code a - 1}. The series is summed while {@code z <= 0.9} and {@code c >= 0.5}
 * (at most a few hundred terms, stopped when a term no longer changes the sum);
 * otherwise the Beta mixture is integrated numerically ({@link BetaMixture}).
 * Hipparchus has no Gauss hypergeometric function, hence this class.
 *
 * <p>Thread-safe: stateless.
 */
public final class Hypergeometric {

    private static final double SERIES_MAX_Z = 0.9;
    private static final int MAX_TERMS = 2000;

    private Hypergeometric() {
    }

    /**
     * Returns {@code G(r, alpha, a, b, t)}.
     *
     * @param r the NBD shape, positive
     * @param alpha the NBD scale, positive
     * @param a the beta shape a, positive
     * @param b the beta shape b, positive
     * @param t the horizon, {@code >= 0}
     * @return the expected number of purchases, finite and {@code >= 0}
     */
    public static double expectedPurchases(double r, double alpha, double a, double b, double t) {
        if (t == 0) {
            return 0;
        }
        double z = t / (alpha + t);
        double c = a + b - 1;
        if (z <= SERIES_MAX_Z && c >= 0.5) {
            double value = series(r, a, c, z);
            if (!Double.isNaN(value)) {
                return Math.max(0, value);
            }
        }
        return quadrature(r, alpha, a, b, t);
    }

    /**
     * Fills {@code out[k - 1] = G(r, alpha, a, b, k)} for the whole periods
     * {@code k = 1 .. out.length}, equal to {@link #expectedPurchases} at each. Where every
     * period takes the series route with non-negative terms, the series of all periods are
     * summed together: the term ratio {@code (c-r+n)(a+n-1) / ((c+n)(n+1))} is the same for
     * every period and only the power of {@code z} differs, so one division per term serves
     * them all, and each period's sum stops where it would stop alone. Otherwise each period
     * is computed on its own.
     *
     * @param r the NBD shape, positive
     * @param alpha the NBD scale, positive
     * @param a the beta shape a, positive
     * @param b the beta shape b, positive
     * @param out receives the expected purchases
     */
    public static void expectedPurchasesAtPeriods(double r, double alpha, double a, double b, double[] out) {
        int m = out.length;
        double c = a + b - 1;
        double cr = c - r;
        if (m == 0 || c < 0.5 || cr < 0 || m / (alpha + m) > SERIES_MAX_Z) {
            for (int k = 1; k <= m; k++) {
                out[k - 1] = expectedPurchases(r, alpha, a, b, k);
            }
            return;
        }
        double[] z = new double[m];
        double[] term = new double[m];
        double[] sum = new double[m];
        boolean[] done = new boolean[m];
        for (int k = 0; k < m; k++) {
            z[k] = (k + 1) / (alpha + (k + 1));
            term[k] = cr / c * z[k];
            sum[k] = term[k];
        }
        int open = m;
        for (int n = 1; n < MAX_TERMS && open > 0; n++) {
            double ratio = (cr + n) * (a + n - 1) / ((c + n) * (n + 1));
            for (int k = 0; k < m; k++) {
                if (!done[k]) {
                    // the same product as the one-period series: ratio first, then z
                    term[k] *= ratio * z[k];
                    double next = sum[k] + term[k];
                    if (next == sum[k]) {
                        done[k] = true;
                        open--;
                    } else {
                        sum[k] = next;
                    }
                }
            }
        }
        for (int k = 0; k < m; k++) {
            double s = sum[k];
            if (!done[k] || !Double.isFinite(s)) {
                out[k] = expectedPurchases(r, alpha, a, b, k + 1);
                continue;
            }
            double logOneMinusZ = Math.log1p(-z[k]);
            double u = (a - 1) * logOneMinusZ;
            double first = Math.abs(u) < 1e-8 ? -logOneMinusZ * (1 + u / 2) : -Math.expm1(u) / (a - 1);
            out[k] = Math.max(0, c * (first - Math.exp(u) * s));
        }
    }

    /**
     * The series route; NaN if it did not converge.
     */
    static double series(double r, double a, double c, double z) {
        double logOneMinusZ = Math.log1p(-z);
        double u = (a - 1) * logOneMinusZ;
        double first = Math.abs(u) < 1e-8 ? -logOneMinusZ * (1 + u / 2) : -Math.expm1(u) / (a - 1);
        double oneMinusZPow = Math.exp(u);
        double cr = c - r;
        // term_1 = (c-r) / c * z ; term_{n+1} = term_n (c-r+n)(a+n-1) / ((c+n)(n+1)) z
        double term = cr / c * z;
        double s = term;
        if (cr >= 0) {
            // all terms >= 0: no cancellation; the ratio is off the multiply chain
            for (int n = 1; n < MAX_TERMS; n++) {
                term *= (cr + n) * (a + n - 1) / ((c + n) * (n + 1)) * z;
                double next = s + term;
                if (next == s) {
                    return Double.isFinite(s) ? c * (first - oneMinusZPow * s) : Double.NaN;
                }
                s = next;
            }
            return Double.NaN;
        }
        double largest = Math.abs(term);
        for (int n = 1; n < MAX_TERMS; n++) {
            term *= (cr + n) * (a + n - 1) / ((c + n) * (n + 1)) * z;
            if (!Double.isFinite(term)) {
                return Double.NaN;
            }
            largest = Math.max(largest, Math.abs(term));
            double next = s + term;
            if (next == s) {
                // terms of mixed sign much larger than the sum: cancellation, not trusted
                return largest > 1e6 * Math.abs(s) ? Double.NaN : c * (first - oneMinusZPow * s);
            }
            s = next;
        }
        return Double.NaN;
    }

    /**
     * The quadrature route.
     */
    static double quadrature(double r, double alpha, double a, double b, double t) {
        double k = t / alpha;
        double logK = Math.log(k);
        DoubleUnaryOperator logH = p -> logK + logPhi(r, k * p);
        return BetaMixture.expectation(a, b, logH);
    }

    /**
     * {@code ln[(1 - (1 + y)^-r) / y]}, equal to {@code ln r} at {@code y = 0}.
     */
    static double logPhi(double r, double y) {
        if (y < 1e-12) {
            return Math.log(r) + Math.log1p(-(r + 1) * y / 2);
        }
        double l = r * Math.log1p(y);
        double numerator = l < 1e-3 ? -Math.expm1(-l) : 1 - Math.exp(-l);
        return Math.log(numerator) - Math.log(y);
    }
}
