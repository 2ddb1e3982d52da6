package org.crmkit.scoring.btyd.internal;

import org.crmkit.scoring.btyd.BtydData;
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
        double fast = probabilityAliveBySeries(r, alpha, s, beta, x, tx, t);
        return fast >= 0.0 ? fast : probabilityAliveRobust(r, alpha, s, beta, x, tx, t);
    }

    /** Largest argument of the fast route's power series: at most ~56 terms to 2^-56. */
    static final double SERIES_MAX_Z = 0.5;
    /** Largest {@code ln rho} of the fast route, far from overflow of {@code exp}. */
    static final double SERIES_MAX_LOG_RATIO = 600.0;
    private static final int SERIES_MAX_TERMS = 200;
    private static final double SERIES_EPSILON = 0x1p-56;

    /**
     * P(alive) by the fast route, or {@code -1} where it does not apply (then the caller
     * takes {@link #probabilityAliveRobust}).
     *
     * <p>P(alive) is the alive term of the likelihood over the likelihood (Fader &amp;
     * Hardie 2005 note, sections 3 and 5), so the prefix {@code Gamma(r + x) alpha^r beta^s
     * / Gamma(r)} cancels and no gamma function is needed:
     * {@code 1 / P(alive) = 1 + s (J(t_x) - J(T)) / ((alpha + T)^-(r+x) (beta + T)^-s)}
     * with {@code J} the tail integral of {@link ParetoNbdLikelihood}. After Euler's
     * transformation (see there) {@code J(t) = (alpha + t)^-(r+x) (beta + t)^-s phi(z_t) / c}
     * with {@code c = r + s + x}, {@code z_t = |alpha - beta| / (max(alpha, beta) + t)} and
     * {@code phi(z) = F(z)} when {@code alpha >= beta}, {@code (1 - z) F(z)} otherwise,
     * {@code F(z) = 2F1(1, q; c + 1; z)}, {@code q = r + x} resp. {@code s + 1}. Hence
     * {@code 1 / P(alive) = 1 + (s / c) [rho phi(z_tx) - phi(z_T)]} with
     * {@code rho = ((alpha + T) / (alpha + t_x))^(r+x) ((beta + T) / (beta + t_x))^s}. The two
     * series share their coefficients {@code (q)_n / (c + 1)_n}, all positive and each
     * ratio below {@code z}, so summing both in one loop until a term is below
     * {@code 2^-56} of its sum is exact to rounding for {@code z_tx <= 1/2}; farther out, or
     * where {@code rho} would overflow, the robust route applies.
     */
    public static double probabilityAliveBySeries(double r, double alpha, double s, double beta,
            double x, double tx, double t) {
        return probabilityAliveBySeries(r, alpha, s, beta, x, tx, t, null);
    }

    /**
     * The same with the series coefficients {@code (q)_n / (c + 1)_n} of this {@code x}
     * precomputed by {@link #seriesCoefficients} (or null to compute them on the way).
     */
    static double probabilityAliveBySeries(double r, double alpha, double s, double beta,
            double x, double tx, double t, double[] coefficients) {
        double rx = r + x;
        double logRho = rx * Math.log((alpha + t) / (alpha + tx)) + s * Math.log((beta + t) / (beta + tx));
        if (!(logRho <= SERIES_MAX_LOG_RATIO)) {
            return -1.0;
        }
        boolean alphaLarger = alpha >= beta;
        double big = alphaLarger ? alpha : beta;
        double gap = alphaLarger ? alpha - beta : beta - alpha;
        double zx = gap / (big + tx);
        if (!(zx <= SERIES_MAX_Z)) {
            return -1.0;
        }
        double zt = gap / (big + t);
        double c = rx + s;
        double sumX = 1.0;
        double sumT = 1.0;
        if (coefficients != null) {
            // both sums share the coefficients; two terms per step (z^n and z^(n+1)) halve
            // the dependent chain of powers
            double zx2 = zx * zx;
            double zt2 = zt * zt;
            double powX = zx;
            double powT = zt;
            int n = 1;
            for (; n + 1 < coefficients.length; n += 2) {
                double termX = coefficients[n] * powX + coefficients[n + 1] * (powX * zx);
                sumX += termX;
                sumT += coefficients[n] * powT + coefficients[n + 1] * (powT * zt);
                powX *= zx2;
                powT *= zt2;
                if (termX <= SERIES_EPSILON * sumX) {
                    break;
                }
            }
            if (n + 1 >= coefficients.length) {
                return -1.0;
            }
        } else {
            double q = alphaLarger ? rx : s + 1.0;
            double termX = 1.0;
            double termT = 1.0;
            int n = 0;
            while (termX > SERIES_EPSILON * sumX) {
                if (++n > SERIES_MAX_TERMS) {
                    return -1.0;
                }
                double ratio = (q + n - 1) / (c + n);
                termX *= ratio * zx;
                termT *= ratio * zt;
                sumX += termX;
                sumT += termT;
            }
        }
        if (!alphaLarger) {
            sumX *= 1.0 - zx;
            sumT *= 1.0 - zt;
        }
        double bracket = Math.exp(logRho) * sumX - sumT;
        double odds = s / c * Math.max(0.0, bracket);
        return 1.0 / (1.0 + odds);
    }

    /** Terms of the precomputed fast-route series: enough for {@code z <= 1/2} to 2^-56. */
    static final int SERIES_TABLE_TERMS = 64;

    /**
     * The coefficients {@code (q)_n / (c + 1)_n}, {@code n < SERIES_TABLE_TERMS}, of the
     * fast route for frequency {@code x}.
     */
    static double[] seriesCoefficients(double r, double alpha, double s, double beta, double x) {
        double q = alpha >= beta ? r + x : s + 1.0;
        double c = r + x + s;
        double[] k = new double[SERIES_TABLE_TERMS];
        k[0] = 1.0;
        for (int n = 1; n < k.length; n++) {
            k[n] = k[n - 1] * (q + n - 1) / (c + n);
        }
        return k;
    }

    /**
     * P(alive) as the alive term over the whole likelihood of
     * {@link ParetoNbdLikelihood}: valid everywhere, slower.
     */
    public static double probabilityAliveRobust(double r, double alpha, double s, double beta, double x,
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
     * Bulk P(alive) and E[Y(t) | x, t_x, T] for rows {@code from .. to - 1}, sharing P(alive)
     * between the two and allocating nothing; either output may be null. Each row is
     * validated as {@link BtydData#validateRow} does, naming its index.
     *
     * @param r purchase-rate shape
     * @param alpha purchase-rate rate
     * @param s dropout-rate shape
     * @param beta dropout-rate rate
     * @param horizon the future window t, finite and {@code >= 0}
     * @param x frequencies
     * @param tx recencies
     * @param age ages T
     * @param expected receives E[Y(t) | x, t_x, T], or null
     * @param alive receives P(alive), or null
     * @param from the first row
     * @param to one past the last row
     */
    public static void predict(double r, double alpha, double s, double beta, double horizon,
            double[] x, double[] tx, double[] age, double[] expected, double[] alive, int from, int to) {
        double sm1 = s - 1.0;
        // series coefficients per whole frequency below the table size, made on first use
        double[][] table = new double[FREQUENCY_TABLE][];
        for (int i = from; i < to; i++) {
            double xi = x[i];
            double txi = tx[i];
            double ti = age[i];
            ModelSupport.requireHistory(i, xi, txi, ti);
            double p = 1.0;
            if (txi < ti) {
                double[] coefficients = null;
                if (xi < FREQUENCY_TABLE) {
                    int k = (int) xi;
                    coefficients = table[k];
                    if (coefficients == null) {
                        coefficients = seriesCoefficients(r, alpha, s, beta, xi);
                        table[k] = coefficients;
                    }
                }
                p = probabilityAliveBySeries(r, alpha, s, beta, xi, txi, ti, coefficients);
                if (!(p >= 0.0)) {
                    p = probabilityAliveRobust(r, alpha, s, beta, xi, txi, ti);
                }
            }
            if (alive != null) {
                alive[i] = p;
            }
            if (expected != null) {
                double bt = beta + ti;
                expected[i] = horizon == 0.0 ? 0.0
                        : p * (r + xi) / (alpha + ti) * bt * powerIntegral(sm1, ModelSupport.log1p(horizon / bt));
            }
        }
    }

    private static final int FREQUENCY_TABLE = 256;

    /**
     * Returns {@code (1 - exp(-e L)) / e}, the limit {@code L} at {@code e = 0}.
     */
    public static double powerIntegral(double e, double logRatio) {
        double el = e * logRatio;
        if (Math.abs(el) < 1e-8) {
            return logRatio * (1.0 - 0.5 * el);
        }
        return -ModelSupport.expm1(-el) / e;
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
