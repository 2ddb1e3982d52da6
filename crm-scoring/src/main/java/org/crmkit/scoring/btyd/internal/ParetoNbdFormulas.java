package org.crmkit.scoring.btyd.internal;

import org.hipparchus.special.Gamma;

/**
 * Pareto/NBD predictions for one customer, given the four parameters.
 *
 * <p>All formulas condition on the posterior given {@code (x, t_x, T)}: alive at {@code T}
 * with probability {@link #probabilityAlive}, and then, given alive, the purchase rate is
 * gamma({@code r + x}, {@code alpha + T}) and the dropout rate gamma({@code s},
 * {@code beta + T}), independently (Fader &amp; Hardie 2005, "A note on deriving the
 * Pareto/NBD model and related expressions", sections 5-6; Schmittlein, Morrison &amp;
 * Colombo 1987). Powers of the form
 * {@code (1 - (b / (b + t))^e) / e} are computed with {@code expm1}/{@code log1p} so that
 * {@code s} close to 1 (where the textbook formula is 0/0) stays exact.
 *
 * <p>Stateless; thread-safe.
 */
public final class ParetoNbdFormulas {

    private ParetoNbdFormulas() {
    }

    /**
     * P(alive at T | x, t_x, T): Fader &amp; Hardie 2005 note, section 5.
     */
    public static double probabilityAlive(double r, double alpha, double s, double beta, double x,
            double tx, double t) {
        if (tx >= t) {
            return 1.0;
        }
        double lnGammaRatio = Gamma.logGamma(r + x) - Gamma.logGamma(r);
        double lnL = ParetoNbdLikelihood.logLikelihood(r, alpha, s, beta, x, tx, t, lnGammaRatio, 0.0, null);
        // the alive term of the likelihood: prefix times (alpha + T)^-(r + x) (beta + T)^-s
        double lnAliveTerm = lnGammaRatio + r * Math.log(alpha / (alpha + t))
                - x * Math.log(alpha + t) + s * Math.log(beta / (beta + t));
        return Math.min(1.0, Math.exp(lnAliveTerm - lnL));
    }

    /**
     * P(alive at T + u | x, t_x, T): alive at {@code T}, then survives {@code u} more under
     * the posterior gamma({@code s}, {@code beta + T}) dropout rate.
     */
    public static double probabilityAliveAt(double r, double alpha, double s, double beta, double x,
            double tx, double t, double u) {
        double alive = probabilityAlive(r, alpha, s, beta, x, tx, t);
        return alive * Math.exp(-s * Math.log1p(u / (beta + t)));
    }

    /**
     * E[X(t)] for a newly acquired customer: Fader &amp; Hardie 2005 note, eq. 27 (also in
     * Schmittlein et al. 1987): {@code r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)]}.
     */
    public static double expectedPurchases(double r, double alpha, double s, double beta, double t) {
        return r / alpha * beta * powerIntegral(s - 1.0, Math.log1p(t / beta));
    }

    /**
     * E[Y(t) | x, t_x, T], the expected purchases in {@code (T, T + t]}: Fader &amp; Hardie
     * 2005 note, section 6 (also in Schmittlein et al. 1987).
     */
    public static double conditionalExpectedPurchases(double r, double alpha, double s, double beta,
            double x, double tx, double t, double horizon) {
        double alive = probabilityAlive(r, alpha, s, beta, x, tx, t);
        double bt = beta + t;
        return alive * (r + x) / (alpha + t) * bt * powerIntegral(s - 1.0, Math.log1p(horizon / bt));
    }

    /**
     * Returns {@code (1 - exp(-e L)) / e}, the limit {@code L} at {@code e = 0}.
     */
    public static double powerIntegral(double e, double logRatio) {
        double el = e * logRatio;
        if (Math.abs(el) < 1e-8) {
            return logRatio * (1.0 - 0.5 * el);
        }
        return -Math.expm1(-el) / e;
    }

    /**
     * P(X(t) = n) for a newly acquired customer (Fader &amp; Hardie, "Deriving an
     * expression for P(X(t) = x) under the Pareto/NBD model", www.brucehardie.com/notes/012/,
     * before its hypergeometric evaluation): the probability of being alive at {@code t} with
     * {@code n} purchases, NBD times the gamma survival, plus the probability of dying at
     * some {@code tau < t} after {@code n} purchases,
     * <pre>
     * s beta^s alpha^r Gamma(r + n) / (Gamma(r) n!)
     *   * integral_0^t tau^n (alpha + tau)^-(r + n) (beta + tau)^-(s + 1) dtau.
     * </pre>
     * The note evaluates the integral with a finite alternating sum and a 2F1, which loses
     * all digits for large {@code n}; here it is integrated directly by
     * {@link LogConcaveQuadrature} in {@code v = ln tau}, where the integrand is log-concave.
     */
    public static double probabilityOfPurchases(double r, double alpha, double s, double beta, double t,
            int n) {
        double lnNbd = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0)
                + r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t));
        double aliveTerm = Math.exp(lnNbd - s * Math.log1p(t / beta));
        double lnAlpha = Math.log(alpha);
        double lnBeta = Math.log(beta);
        LogConcaveQuadrature.Integrand f = new LogConcaveQuadrature.Integrand() {
            @Override
            public double logDensity(double v) {
                return (n + 1.0) * v - (r + n) * ParetoNbdLikelihood.logDPlusExp(lnAlpha, v)
                        - (s + 1.0) * ParetoNbdLikelihood.logDPlusExp(lnBeta, v);
            }

            @Override
            public double slope(double v) {
                return (n + 1.0) - (r + n) / (1.0 + Math.exp(lnAlpha - v))
                        - (s + 1.0) / (1.0 + Math.exp(lnBeta - v));
            }
        };
        double lnIntegral = LogConcaveQuadrature.logIntegral(f, Double.NEGATIVE_INFINITY,
                Math.log(t), 0, null);
        double lnDead = Math.log(s) + s * lnBeta + r * lnAlpha + Gamma.logGamma(r + n)
                - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0) + lnIntegral;
        return Math.min(1.0, aliveTerm + Math.exp(lnDead));
    }

    /**
     * Discounted expected purchases in {@code (T, T + horizon]} given {@code (x, t_x, T)}.
     *
     * <p>Method: the expected purchase rate at {@code T + u} given the history is
     * {@code P(alive) (r + x) / (alpha + T) ((beta + T) / (beta + T + u))^s} (the posterior
     * mean of {@code lambda e^-mu u} given alive). It is discounted continuously at the
     * force of interest {@code ln(1 + d)}, equivalent to the per-period rate {@code d}, and
     * integrated over {@code (0, horizon]} by {@link LogConcaveQuadrature} in
     * {@code v = ln(beta + T + u)}, where the integrand is log-concave. With
     * {@code horizon = infinity} this is the DERT of Fader, Hardie &amp; Lee (2005, "RFM and
     * CLV", Journal of Marketing Research 42(4)), there written with the confluent hypergeometric function of the
     * second kind; with {@code d = 0} it is {@link #conditionalExpectedPurchases}.
     *
     * @param horizon the horizon, {@code > 0}, may be infinite when {@code d > 0}
     * @param d the discount rate per period, {@code >= 0}
     */
    public static double discountedExpectedPurchases(double r, double alpha, double s, double beta,
            double x, double tx, double t, double horizon, double d) {
        double alive = probabilityAlive(r, alpha, s, beta, x, tx, t);
        double force = Math.log1p(d);
        double bt = beta + t;
        double lnBt = Math.log(bt);
        LogConcaveQuadrature.Integrand f = new LogConcaveQuadrature.Integrand() {
            @Override
            public double logDensity(double v) {
                // u = e^v - (beta + T); the integrand times du = e^v dv
                return (1.0 - s) * (v - lnBt) - force * bt * Math.expm1(v - lnBt);
            }

            @Override
            public double slope(double v) {
                return (1.0 - s) - force * Math.exp(v);
            }
        };
        double hi = horizon == Double.POSITIVE_INFINITY ? horizon : lnBt + Math.log1p(horizon / bt);
        double lnIntegral = LogConcaveQuadrature.logIntegral(f, lnBt, hi, 0, null);
        return alive * (r + x) / (alpha + t) * bt * Math.exp(lnIntegral);
    }
}
