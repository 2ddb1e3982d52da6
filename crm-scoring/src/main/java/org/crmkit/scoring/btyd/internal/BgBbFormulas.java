package org.crmkit.scoring.btyd.internal;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;
import org.hipparchus.util.CombinatoricsUtils;
import org.crmkit.scoring.btyd.BtydData;

/**
 * BG/BB predictions for one customer, given {@code (alpha, beta, gamma, delta)}.
 *
 * <p>Fader, Hardie &amp; Shang (2010), "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6), 1086-1108: P(X(n) = x) eq. 7 and
 * conditional expectations eq. 13 (numbering as cited by lifetimes'
 * {@code BetaGeoBetaBinomFitter}); P(alive), E[X(n)] and DERT are cited by name because
 * their equation numbers could not be checked. A customer
 * alive at opportunity {@code t} has survived {@code t} draws of {@code 1 - theta}, so
 * {@code P(alive at t) = B(gamma, delta + t) / B(gamma, delta)}; successive ratios are
 * {@code (delta + t) / (gamma + delta + t)}, which the sums below use instead of beta
 * functions. Stateless; thread-safe.
 */
public final class BgBbFormulas {

    /** Up to this many periods a survival sum is added up term by term. */
    private static final int DIRECT_SUM_LIMIT = 4096;

    private BgBbFormulas() {
    }

    /**
     * Checks a BG/BB history: a valid summary with whole-number recency and
     * opportunities and at most one purchase per opportunity.
     *
     * @param row the row index for the message
     * @param x the number of opportunities with a purchase
     * @param tx the last opportunity with a purchase
     * @param n the number of opportunities
     * @throws IllegalArgumentException naming the row and the offending value
     */
    public static void requireHistory(int row, double x, double tx, double n) {
        BtydData.validateRow(row, x, tx, n, 0, 1);
        if (tx != Math.rint(tx) || n != Math.rint(n)) {
            throw new IllegalArgumentException("row " + row + ": bg-bb needs whole-number recency and periods, got recency "
                    + tx + ", periods " + n);
        }
        if (x > tx) {
            throw new IllegalArgumentException("row " + row + ": frequency " + x + " > recency " + tx
                    + " (at most one purchase per opportunity)");
        }
        if (n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("row " + row + ": periods " + n + " is too large");
        }
    }

    /** P(alive at opportunity n + 1 | x, t_x, n): FHS 2010, P(alive in period n + 1). */
    public static double probabilityAlive(double a, double b, double g, double d, int x, int tx, int n) {
        double[] work = new double[BgBbLikelihood.WORK_LENGTH];
        BgBbLikelihood.logLikelihood(a, b, g, d, x, tx, n, work);
        return Math.min(1.0, work[4]);
    }

    /**
     * P(alive at opportunity n + m | x, t_x, n) for {@code m >= 1}: FHS 2010's P(alive) with
     * the survival {@code B(gamma, delta + n + m) / B(gamma, delta)} in place of
     * {@code B(gamma, delta + n + 1) / B(gamma, delta)}.
     */
    public static double probabilityAliveAt(double a, double b, double g, double d, int x, int tx, int n,
            long m) {
        double lnL = BgBbLikelihood.logLikelihood(a, b, g, d, x, tx, n, null);
        double lnAlive = Beta.logBeta(a + x, b + n - x) - Beta.logBeta(a, b)
                + Beta.logBeta(g, d + n + m) - Beta.logBeta(g, d);
        return Math.min(1.0, Math.exp(lnAlive - lnL));
    }

    /**
     * Returns {@code sum_{t = from + 1}^{from + count} B(gamma, delta + t) / B(gamma, delta)},
     * the expected number of opportunities alive among the next {@code count} after
     * {@code from}. Term by term for short windows or {@code gamma} close to 1; otherwise by
     * the closed form behind FHS 2010's E[X(n)] and eq. 13,
     * {@code delta / (gamma - 1) Gamma(gamma + delta) / Gamma(1 + delta)
     * [Gamma(1 + delta + from) / Gamma(gamma + delta + from) - (same at from + count)]}.
     */
    public static double survivalSum(double g, double d, long from, long count) {
        return Math.exp(logSurvivalSum(g, d, from, count));
    }

    /** The logarithm of {@link #survivalSum}, {@code -infinity} for an empty window. */
    public static double logSurvivalSum(double g, double d, long from, long count) {
        if (count <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (count <= DIRECT_SUM_LIMIT || Math.abs(g - 1.0) < 1e-3) {
            double lnFirst = Beta.logBeta(g, d + from + 1) - Beta.logBeta(g, d);
            double term = 1.0;
            double sum = 0.0;
            for (long t = from + 1; t <= from + count; t++) {
                sum += term;
                term *= (d + t) / (g + d + t);
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            return lnFirst + Math.log(sum);
        }
        double lnHead = Gamma.logGamma(1.0 + d + from) - Gamma.logGamma(g + d + from);
        double lnTail = Gamma.logGamma(1.0 + d + from + count) - Gamma.logGamma(g + d + from + count);
        double lnScale = Gamma.logGamma(g + d) - Gamma.logGamma(1.0 + d) + lnHead;
        // d / (g - 1) and 1 - exp(lnTail - lnHead) have the same sign
        return Math.log(d / Math.abs(g - 1.0)) + lnScale + Math.log(Math.abs(Math.expm1(lnTail - lnHead)));
    }

    /** E[X(n*)] for a newly acquired customer: FHS 2010, E[X(n)]. */
    public static double expectedPurchases(double a, double b, double g, double d, long periods) {
        return a / (a + b) * survivalSum(g, d, 0, periods);
    }

    /** E[X(n, n + n*) | x, t_x, n]: FHS 2010, eq. 13. */
    public static double conditionalExpectedPurchases(double a, double b, double g, double d, int x,
            int tx, int n, long periods) {
        double lnL = BgBbLikelihood.logLikelihood(a, b, g, d, x, tx, n, null);
        double lnP = Beta.logBeta(a + x + 1.0, b + n - x) - Beta.logBeta(a, b);
        return Math.exp(lnP - lnL + logSurvivalSum(g, d, n, periods));
    }

    /**
     * DERT(d | x, t_x, n): FHS 2010's DERT, {@code B(alpha + x + 1, beta + n - x) / B(alpha, beta)
     * * B(gamma, delta + n + 1) / ((1 + d) B(gamma, delta))
     * * 2F1(1, delta + n + 1; gamma + delta + n + 1; 1 / (1 + d)) / L}, with the
     * hypergeometric function from {@link HypergeometricContinuedFraction}.
     *
     * @param rate the discount rate per opportunity, {@code > 0}
     */
    public static double discountedExpectedResidualTransactions(double a, double b, double g, double d,
            int x, int tx, int n, double rate) {
        double lnL = BgBbLikelihood.logLikelihood(a, b, g, d, x, tx, n, null);
        double lnP = Beta.logBeta(a + x + 1.0, b + n - x) - Beta.logBeta(a, b);
        double lnAlive = Beta.logBeta(g, d + n + 1.0) - Beta.logBeta(g, d);
        double lnF = HypergeometricContinuedFraction.logValue(d + n + 1.0, g + d + n,
                1.0 / (1.0 + rate), null, 0);
        return Math.exp(lnP + lnAlive - Math.log1p(rate) + lnF - lnL);
    }

    /**
     * The expected purchases of each of the next {@code periods} opportunities discounted
     * by {@code (1 + rate)^-k} and summed: FHS 2010's DERT truncated at {@code periods}.
     */
    public static double discountedExpectedPurchases(double a, double b, double g, double d, int x,
            int tx, int n, int periods, double rate) {
        if (periods == 0) {
            return 0.0;
        }
        double lnL = BgBbLikelihood.logLikelihood(a, b, g, d, x, tx, n, null);
        double lnP = Beta.logBeta(a + x + 1.0, b + n - x) - Beta.logBeta(a, b);
        double lnFirst = Beta.logBeta(g, d + n + 1.0) - Beta.logBeta(g, d);
        double term = 1.0;
        double factor = 1.0 / (1.0 + rate);
        double discount = factor;
        double sum = 0.0;
        for (int k = 1; k <= periods; k++) {
            sum += term * discount;
            term *= (d + n + k) / (g + d + n + k);
            discount *= factor;
            if (term * discount < 1e-17 * sum) {
                break;
            }
        }
        return Math.exp(lnP - lnL + lnFirst + Math.log(sum));
    }

    /**
     * P(X(n) = x) for a newly acquired customer: FHS 2010, eq. 7,
     * {@code C(n, x) B(alpha + x, beta + n - x) / B(alpha, beta) B(gamma, delta + n) / B(gamma, delta)
     * + sum_{i = x}^{n - 1} C(i, x) B(alpha + x, beta + i - x) / B(alpha, beta)
     * B(gamma + 1, delta + i) / B(gamma, delta)}, each term in log space and the sum
     * accumulated relative to its running maximum.
     */
    public static double probabilityOfPurchases(double a, double b, double g, double d, int n, int x) {
        double lnBab = Beta.logBeta(a, b);
        double lnBgd = Beta.logBeta(g, d);
        double lnAlive = CombinatoricsUtils.binomialCoefficientLog(n, x) + Beta.logBeta(a + x, b + n - x) - lnBab
                + Beta.logBeta(g, d + n) - lnBgd;
        double max = lnAlive;
        double sum = 1.0;
        if (x < n) {
            double term = Beta.logBeta(a + x, b) - lnBab + Beta.logBeta(g + 1.0, d + x) - lnBgd;
            for (int i = x; i < n; i++) {
                if (term > max) {
                    sum = sum * Math.exp(max - term) + 1.0;
                    max = term;
                } else {
                    sum += Math.exp(term - max);
                }
                term += Math.log((i + 1.0) / (i + 1.0 - x) * (b + i - x) / (a + b + i)
                        * (d + i) / (g + d + 1.0 + i));
            }
        }
        return Math.min(1.0, Math.exp(max + Math.log(sum)));
    }

}
