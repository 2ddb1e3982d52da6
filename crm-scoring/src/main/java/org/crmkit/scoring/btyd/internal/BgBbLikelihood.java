package org.crmkit.scoring.btyd.internal;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/BB individual log-likelihood and its gradient with respect to
 * {@code (alpha, beta, gamma, delta)}.
 *
 * <p>Fader, Hardie &amp; Shang (2010), "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6), 1086-1108, eq. 5 (without the
 * binomial normalizing constants, as in the paper): for {@code x} purchases in
 * {@code n} opportunities, the last at opportunity {@code t_x},
 * <pre>
 * L = B(alpha + x, beta + n - x) / B(alpha, beta) * B(gamma, delta + n) / B(gamma, delta)
 *   + sum_{i = 0}^{n - t_x - 1} B(alpha + x, beta + t_x - x + i) / B(alpha, beta)
 *                               * B(gamma + 1, delta + t_x + i) / B(gamma, delta).
 * </pre>
 * The first term and the first summand come from {@code logBeta}; the summands decrease
 * in {@code i}, and each follows from the previous one by the ratio
 * {@code (beta + t_x - x + i) / (alpha + beta + t_x + i) * (delta + t_x + i)
 * / (gamma + delta + 1 + t_x + i)}, so the sum costs one multiplication per opportunity
 * and no further beta functions; it is accumulated relative to its first (largest) term
 * and combined with the first term in log space. The gradient uses the digamma form of
 * {@code d ln B(a, b) / da = psi(a) - psi(a + b)} for the first terms and the derivative
 * of the log ratio for the rest.
 *
 * <p>Stateless and allocation-free; thread-safe.
 */
public final class BgBbLikelihood {

    /** The length of the gradient and work array of {@link #logLikelihood}. */
    public static final int WORK_LENGTH = 5;

    private BgBbLikelihood() {
    }

    /**
     * Returns the log-likelihood of one customer.
     *
     * @param a alpha, {@code > 0}
     * @param b beta, {@code > 0}
     * @param g gamma, {@code > 0}
     * @param d delta, {@code > 0}
     * @param x the number of purchases, {@code 0 <= x <= tx}
     * @param tx the opportunity of the last purchase, {@code 0} when {@code x = 0}
     * @param n the number of opportunities, {@code >= tx}
     * @param gradient receives d/dalpha, d/dbeta, d/dgamma, d/ddelta in entries 0..3 and
     *     P(alive at opportunity n + 1) in entry 4 when not {@code null}
     * @return the log-likelihood
     */
    public static double logLikelihood(double a, double b, double g, double d, int x, int tx, int n,
            double[] gradient) {
        double lnBab = Beta.logBeta(a, b);
        double lnBgd = Beta.logBeta(g, d);
        double lnAlive = Beta.logBeta(a + x, b + n - x) - lnBab + Beta.logBeta(g, d + n) - lnBgd;
        int terms = n - tx;
        double lnFirst = terms > 0
                ? Beta.logBeta(a + x, b + tx - x) - lnBab + Beta.logBeta(g + 1.0, d + tx) - lnBgd
                : Double.NEGATIVE_INFINITY;
        // the sum relative to its first term, with its derivatives relative to the first term's
        double sum = 0.0;
        double sa = 0.0;
        double sb = 0.0;
        double sg = 0.0;
        double sd = 0.0;
        double w = 1.0;
        double wa = 0.0;
        double wb = 0.0;
        double wg = 0.0;
        double wd = 0.0;
        for (int i = 0; i < terms; i++) {
            sum += w;
            sa += w * wa;
            sb += w * wb;
            sg += w * wg;
            sd += w * wd;
            double u = b + tx - x + i;
            double v = a + b + tx + i;
            double p = d + tx + i;
            double q = g + d + 1.0 + tx + i;
            w *= (u / v) * (p / q);
            wa -= 1.0 / v;
            wb += 1.0 / u - 1.0 / v;
            wg -= 1.0 / q;
            wd += 1.0 / p - 1.0 / q;
            if (w < 1e-18 * sum && i > 0) {
                break;
            }
        }
        double lnSum = terms > 0 ? lnFirst + Math.log(sum) : Double.NEGATIVE_INFINITY;
        double m = Math.max(lnAlive, lnSum);
        double eAlive = Math.exp(lnAlive - m);
        double eSum = terms > 0 ? Math.exp(lnSum - m) : 0.0;
        double total = eAlive + eSum;
        double value = m + Math.log(total);
        if (gradient != null) {
            double psiA = Gamma.digamma(a);
            double psiB = Gamma.digamma(b);
            double psiAb = Gamma.digamma(a + b);
            double psiG = Gamma.digamma(g);
            double psiD = Gamma.digamma(d);
            double psiGd = Gamma.digamma(g + d);
            double psiAx = Gamma.digamma(a + x);
            // the alive term
            double psiAbn = Gamma.digamma(a + b + n);
            double aliveA = psiAx - psiAbn - psiA + psiAb;
            double aliveB = Gamma.digamma(b + n - x) - psiAbn - psiB + psiAb;
            double psiGdn = Gamma.digamma(g + d + n);
            double aliveG = psiG - psiGdn - psiG + psiGd;
            double aliveD = Gamma.digamma(d + n) - psiGdn - psiD + psiGd;
            double ga = eAlive * aliveA;
            double gb = eAlive * aliveB;
            double gg = eAlive * aliveG;
            double gd = eAlive * aliveD;
            if (terms > 0) {
                double psiAbt = Gamma.digamma(a + b + tx);
                double psiGdt = Gamma.digamma(g + d + 1.0 + tx);
                double firstA = psiAx - psiAbt - psiA + psiAb;
                double firstB = Gamma.digamma(b + tx - x) - psiAbt - psiB + psiAb;
                double firstG = Gamma.digamma(g + 1.0) - psiGdt - psiG + psiGd;
                double firstD = Gamma.digamma(d + tx) - psiGdt - psiD + psiGd;
                ga += eSum * (firstA + sa / sum);
                gb += eSum * (firstB + sb / sum);
                gg += eSum * (firstG + sg / sum);
                gd += eSum * (firstD + sd / sum);
            }
            gradient[0] = ga / total;
            gradient[1] = gb / total;
            gradient[2] = gg / total;
            gradient[3] = gd / total;
            // P(alive at n + 1) = alive term * (delta + n) / (gamma + delta + n) / L
            gradient[4] = eAlive / total * (d + n) / (g + d + n);
        }
        return value;
    }
}
