package org.crmkit.scoring.btyd.internal;

import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD individual log-likelihood and its gradient with respect to
 * {@code (r, alpha, s, beta)}.
 *
 * <p>Conditional on the purchase rate {@code lambda} and the dropout rate {@code mu}, a
 * customer with {@code x} repeat purchases, the last at {@code t_x}, observed until
 * {@code T} has likelihood {@code lambda^x e^-(lambda + mu) T} (alive at {@code T}) plus
 * {@code lambda^x mu e^-(lambda + mu) tau} integrated over the death time
 * {@code tau in (t_x, T]}. Integrating over the gamma mixing distributions gives
 * (Fader &amp; Hardie 2005, "A note on deriving the Pareto/NBD model and related
 * expressions", www.brucehardie.com/notes/009/, section 3, before the hypergeometric
 * substitution):
 * <pre>
 * L = Gamma(r + x) alpha^r beta^s / Gamma(r)
 *     * [ (alpha + T)^-(r + x) (beta + T)^-s + s (J(t_x) - J(T)) ],
 * J(t) = integral from t to infinity of (alpha + tau)^-(r + x) (beta + tau)^-(s + 1) dtau.
 * </pre>
 * {@code J(t)} is, with {@code m = max(alpha, beta)}, {@code z = |alpha - beta| / (m + t)}
 * and {@code c = r + s + x}, the term {@code 2F1(c, b; c + 1; z) / (c (m + t)^c)} of the
 * note's closed form ({@code b = s + 1} when {@code alpha >= beta}, {@code b = r + x}
 * otherwise, so that {@code z} lies in {@code [0, 1)}). After Euler's transformation it
 * is {@code (alpha + t)^-(r + x) (beta + t)^-(s + 1) (min(alpha, beta) + t) / c
 * * 2F1(1, q; c + 1; z)} with {@code q = r + x} when {@code alpha >= beta} and
 * {@code q = s + 1} otherwise, evaluated by
 * {@link HypergeometricContinuedFraction} for {@code z <= 0.999}; for {@code z} closer to
 * one (the smaller of alpha and beta is tiny compared with the other and with {@code t}
 * small), where every series and continued fraction slows down as
 * {@code (1 - z)^-1/2}, the integral {@code J(t)} itself is evaluated by
 * {@link LogConcaveQuadrature} in the variable {@code v = ln(min(alpha, beta) + tau)}, in
 * which its integrand is log-concave. Both routes give the gradient as well: forward-mode
 * differentiation of the continued fraction, or weighted means under the integrand.
 *
 * <p>For comparison: R's BTYD sums the plain power series of that closed form (Hardie's
 * {@code h2f1}), whose terms grow for thousands of steps when {@code x} is large and
 * {@code z} is near one; Python's lifetimes uses the same branch on
 * {@code alpha >= beta} with scipy's {@code hyp2f1}. The formulation here is our own: the
 * transformation keeps every step of the continued fraction bounded and yields exact
 * derivatives.
 *
 * <p>The bracket is a sum of positive terms minus {@code s J(T)}, and
 * {@code s J(T) <= (alpha + T)^-(r + x) (beta + T)^-s}, so the subtraction loses at most a
 * few units in the last place; everything is combined in log space relative to the
 * largest term. Stateless and allocation-free on the continued-fraction route;
 * thread-safe.
 */
public final class ParetoNbdLikelihood {

    /** Beyond this argument the continued fraction needs more than a few hundred steps. */
    public static final double CONTINUED_FRACTION_LIMIT = 0.999;

    /** The length of the gradient and work array of {@link #logLikelihood}. */
    public static final int WORK_LENGTH = 19;

    private ParetoNbdLikelihood() {
    }

    /**
     * Returns the log-likelihood of one customer.
     *
     * @param r the shape of the purchase-rate gamma, {@code > 0}
     * @param alpha the rate of the purchase-rate gamma, {@code > 0}
     * @param s the shape of the dropout-rate gamma, {@code > 0}
     * @param beta the rate of the dropout-rate gamma, {@code > 0}
     * @param x the number of repeat purchases, {@code >= 0}
     * @param tx the time of the last purchase, {@code 0 <= tx <= T}
     * @param t the length of observation {@code T}, {@code > 0}
     * @param gradient receives {@code d/dr, d/dalpha, d/ds, d/dbeta} in entries 0..3 and
     *     P(alive at T | x, t_x, T) in entry 4 when not {@code null}; entries 5..18 are
     *     scratch space, so the length must be at least {@link #WORK_LENGTH}
     * @return the log-likelihood
     */
    public static double logLikelihood(double r, double alpha, double s, double beta, double x, double tx,
            double t, double[] gradient) {
        double lnGammaRatio = Gamma.logGamma(r + x) - Gamma.logGamma(r);
        double digammaRatio = gradient == null ? 0.0 : Gamma.digamma(r + x) - Gamma.digamma(r);
        return logLikelihood(r, alpha, s, beta, x, tx, t, lnGammaRatio, digammaRatio, gradient);
    }

    /**
     * The same with {@code ln Gamma(r + x) - ln Gamma(r)} and
     * {@code psi(r + x) - psi(r)} supplied by the caller, who can compute them once per
     * distinct frequency.
     *
     * @param lnGammaRatio {@code ln Gamma(r + x) - ln Gamma(r)}
     * @param digammaRatio {@code psi(r + x) - psi(r)}; ignored without a gradient
     */
    public static double logLikelihood(double r, double alpha, double s, double beta, double x, double tx,
            double t, double lnGammaRatio, double digammaRatio, double[] gradient) {
        double lnAlphaT = Math.log(alpha + t);
        double lnBetaT = Math.log(beta + t);
        double lnPrefix = lnGammaRatio + r * Math.log(alpha) + s * Math.log(beta);
        double lnK1 = -(r + x) * lnAlphaT - s * lnBetaT;
        double value;
        if (tx >= t) {
            // died exactly at the end or alive: the tail integrals cancel
            value = lnPrefix + lnK1;
            if (gradient != null) {
                prefixGradient(r, alpha, s, beta, digammaRatio, gradient);
                gradient[0] += -lnAlphaT;
                gradient[1] += -(r + x) / (alpha + t);
                gradient[2] += -lnBetaT;
                gradient[3] += -s / (beta + t);
                gradient[4] = 1.0;
            }
            return value;
        }
        // tail gradients at 5..8 (t_x) and 12..15 (T), each followed by 3 scratch entries
        double lnJx = logTail(r, alpha, s, beta, x, tx, gradient, 5);
        double lnJt = logTail(r, alpha, s, beta, x, t, gradient, 12);
        double lnS = Math.log(s);
        double m = Math.max(lnK1, lnS + lnJx);
        double e1 = Math.exp(lnK1 - m);
        double ex = Math.exp(lnS + lnJx - m);
        double et = Math.exp(lnS + lnJt - m);
        double bracket = e1 + ex - et;
        if (!(bracket >= e1)) {
            // mathematically J(t_x) >= J(T); rounding must not make the bracket smaller
            bracket = e1;
        }
        value = lnPrefix + m + Math.log(bracket);
        if (gradient != null) {
            prefixGradient(r, alpha, s, beta, digammaRatio, gradient);
            gradient[0] += (e1 * -lnAlphaT + ex * gradient[5] - et * gradient[12]) / bracket;
            gradient[1] += (e1 * (-(r + x) / (alpha + t)) + ex * gradient[6] - et * gradient[13])
                    / bracket;
            gradient[2] += (e1 * -lnBetaT + ex * gradient[7] - et * gradient[14] + (ex - et) / s)
                    / bracket;
            gradient[3] += (e1 * (-s / (beta + t)) + ex * gradient[8] - et * gradient[15]) / bracket;
            gradient[4] = Math.min(1.0, e1 / bracket);
        }
        return value;
    }

    private static void prefixGradient(double r, double alpha, double s, double beta,
            double digammaRatio, double[] gradient) {
        gradient[0] = digammaRatio + Math.log(alpha);
        gradient[1] = r / alpha;
        gradient[2] = Math.log(beta);
        gradient[3] = s / beta;
    }

    /**
     * Returns {@code ln J(t)}, {@code J(t)} the integral from {@code t} to infinity of
     * {@code (alpha + tau)^-(r + x) (beta + tau)^-(s + 1)}.
     *
     * @param g receives the gradient of {@code ln J} w.r.t. (r, alpha, s, beta) at
     *     {@code off .. off + 3} and uses {@code off + 4 .. off + 6} as scratch, or null
     */
    public static double logTail(double r, double alpha, double s, double beta, double x, double t,
            double[] g, int off) {
        double c = r + s + x;
        boolean alphaLarger = alpha >= beta;
        double big = alphaLarger ? alpha : beta;
        double small = alphaLarger ? beta : alpha;
        double z = (big - small) / (big + t);
        if (z > CONTINUED_FRACTION_LIMIT) {
            return logTailByQuadrature(r, alpha, s, beta, x, t, g, off);
        }
        double lnA = Math.log(alpha + t);
        double lnB = Math.log(beta + t);
        if (alphaLarger) {
            double lnF = HypergeometricContinuedFraction.logValue(r + x, c, z, g, off + 4);
            double value = -(r + x) * lnA - s * lnB - Math.log(c) + lnF;
            if (g != null) {
                double hq = g[off + 4];
                double hc = g[off + 5];
                double hz = g[off + 6];
                double at = alpha + t;
                g[off] = -lnA - 1.0 / c + hq + hc;
                g[off + 1] = -(r + x) / at + hz * (beta + t) / (at * at);
                g[off + 2] = -lnB - 1.0 / c + hc;
                g[off + 3] = -s / (beta + t) - hz / at;
            }
            return value;
        }
        double lnF = HypergeometricContinuedFraction.logValue(s + 1.0, c, z, g, off + 4);
        double value = -(s + 1.0) * lnB - (r + x - 1.0) * lnA - Math.log(c) + lnF;
        if (g != null) {
            double hq = g[off + 4];
            double hc = g[off + 5];
            double hz = g[off + 6];
            double bt = beta + t;
            g[off] = -lnA - 1.0 / c + hc;
            g[off + 1] = -(r + x - 1.0) / (alpha + t) - hz / bt;
            g[off + 2] = -lnB - 1.0 / c + hq + hc;
            g[off + 3] = -(s + 1.0) / bt + hz * (alpha + t) / (bt * bt);
        }
        return value;
    }

    /**
     * {@code ln J(t)} by quadrature in {@code v = ln(min(alpha, beta) + tau)}, where the
     * integrand is {@code exp((1 - q) v - p ln(D + e^v))} with {@code D = |alpha - beta|},
     * {@code p} the exponent on the larger constant and {@code q} on the smaller.
     */
    public static double logTailByQuadrature(double r, double alpha, double s, double beta, double x,
            double t, double[] g, int off) {
        boolean alphaLarger = alpha >= beta;
        double d = Math.abs(alpha - beta);
        double lnD = Math.log(d);
        double p = alphaLarger ? r + x : s + 1.0;
        double q = alphaLarger ? s + 1.0 : r + x;
        double small = alphaLarger ? beta : alpha;
        double v0 = Math.log(small + t);
        LogConcaveQuadrature.Integrand f = new LogConcaveQuadrature.Integrand() {
            @Override
            public double logDensity(double v) {
                return (1.0 - q) * v - p * logDPlusExp(lnD, v);
            }

            @Override
            public double slope(double v) {
                return (1.0 - q) - p / (1.0 + Math.exp(lnD - v));
            }

            @Override
            public void weights(double v, double[] out) {
                out[0] = v;
                out[1] = logDPlusExp(lnD, v);
                out[2] = Math.exp(-logDPlusExp(lnD, v));
            }
        };
        double[] means = new double[3];
        double value = LogConcaveQuadrature.logIntegral(f, v0, Double.POSITIVE_INFINITY, 3, means);
        if (g != null) {
            double dD = -p * means[2];
            double dSmall = -Math.exp(f.logDensity(v0) - value) / (small + t);
            if (alphaLarger) {
                g[off] = -means[1];
                g[off + 2] = -means[0];
                g[off + 1] = dD;
                g[off + 3] = -dD + dSmall;
            } else {
                g[off] = -means[0];
                g[off + 2] = -means[1];
                g[off + 3] = dD;
                g[off + 1] = -dD + dSmall;
            }
        }
        return value;
    }

    /** Returns {@code ln(e^lnD + e^v)} without overflow. */
    public static double logDPlusExp(double lnD, double v) {
        return Math.max(lnD, v) + Math.log1p(Math.exp(-Math.abs(v - lnD)));
    }
}
