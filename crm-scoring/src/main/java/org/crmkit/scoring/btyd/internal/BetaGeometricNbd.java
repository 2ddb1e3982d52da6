package org.crmkit.scoring.btyd.internal;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The mathematics shared by BG/NBD (Fader, Hardie and Lee 2005, "'Counting your
 * customers' the easy way: an alternative to the Pareto/NBD model", Marketing Science
 * 24(2), 275-284) and MBG/NBD (Batislam, Denizel and Filiztekin 2007, "Empirical
 * validation and comparison of models for customer base analysis", International Journal
 * of Research in Marketing 24(3), 201-209).
 *
 * <p>Equation numbers 8, 9 and 10 below are those of the Marketing Science paper (as cited
 * by the lifetimes package, {@code lifetimes/fitters/beta_geo_fitter.py}); the likelihood
 * is cited without an equation number because its number could not be checked against
 * the paper. Batislam et al. are cited without equation numbers for the same reason.
 *
 * <p>Both: while alive, purchases follow a Poisson process with rate
 * {@code lambda ~ Gamma(r, alpha)}; after each repeat purchase the customer dies with
 * probability {@code p ~ Beta(a, b)}. MBG/NBD ({@code modified}) also lets the customer
 * die right after the first purchase at time 0.
 *
 * <p>Thread-safe: immutable.
 */
public final class BetaGeometricNbd {

    private static final int PARALLEL_ROWS = 20_000;
    private static final int CACHE_BITS = 12;
    private static final int PREDICT_CHUNK = 1 << 18;
    private static final int DISCOUNT_CHUNK = 1 << 14;

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final boolean modified;
    private final double logA;

    /**
     * Creates the model with validated parameters.
     *
     * @param r NBD shape
     * @param alpha NBD scale
     * @param a beta shape a
     * @param b beta shape b
     * @param modified true for MBG/NBD
     */
    public BetaGeometricNbd(double r, double alpha, double a, double b, boolean modified) {
        ModelSupport.requirePositive("r", r);
        ModelSupport.requirePositive("alpha", alpha);
        ModelSupport.requirePositive("a", a);
        ModelSupport.requirePositive("b", b);
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.modified = modified;
        this.logA = Math.log(a);
    }

    // ---------------------------------------------------------------- likelihood

    /**
     * The weighted log-likelihood and its gradient in (r, alpha, a, b).
     *
     * <p>BG/NBD, the likelihood of a randomly chosen customer in Fader, Hardie and Lee (2005)
 * (the individual likelihood integrated over the gamma and beta mixing distributions):
     * {@code L = B(a, b+x)/B(a, b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
     * + [x > 0] B(a+1, b+x-1)/B(a, b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))}.
     * MBG/NBD (Batislam et al. 2007): the first beta ratio is
     * {@code B(a, b+x+1)/B(a, b)}, the second {@code B(a+1, b+x)/B(a, b)} for every x.
     * The common factors are pulled out and the two terms combined by log-sum-exp; the
     * gamma and digamma terms that depend on x only are computed once per distinct
     * frequency (see {@link BtydData#frequencyLevel(int)}).
     *
     * @param p the parameters r, alpha, a, b
     * @param data the data
     * @param gradient receives the gradient, or null
     * @param modified true for MBG/NBD
     * @param parallelism where the chunks run
     * @return the log-likelihood
     */
    public static double logLikelihood(double[] p, BtydData data, double[] gradient,
            boolean modified, Parallelism parallelism) {
        double r = p[0];
        double alpha = p[1];
        double a = p[2];
        double b = p[3];
        int levels = data.frequencyLevelCount();
        double[] lgR = new double[levels];
        double[] dgR = new double[levels];
        double[] lgB = new double[levels];
        double[] dA = new double[levels];
        double[] dB = new double[levels];
        double[] c1 = new double[levels];
        double[] c2 = new double[levels];
        double lgr = Gamma.logGamma(r);
        double psir = Gamma.digamma(r);
        double lgb = Gamma.logGamma(b);
        double psib = Gamma.digamma(b);
        double lgab = Gamma.logGamma(a + b);
        double psiab = Gamma.digamma(a + b);
        double loga = Math.log(a);
        int shift = modified ? 1 : 0;
        for (int k = 0; k < levels; k++) {
            double x = data.frequencyLevel(k);
            lgR[k] = x == 0 ? 0 : Gamma.logGamma(r + x) - lgr;
            dgR[k] = x == 0 ? 0 : Gamma.digamma(r + x) - psir;
            double abx = a + b + x + shift;
            double psiAbx = Gamma.digamma(abx);
            double lgBx = x == 0 ? 0 : Gamma.logGamma(b + x) - lgb;
            double psiBx = x == 0 ? 0 : Gamma.digamma(b + x) - psib;
            lgB[k] = lgBx + lgab - Gamma.logGamma(abx);
            dA[k] = psiab - psiAbx;
            dB[k] = psiBx + psiab - psiAbx;
            if (modified) {
                c1[k] = Math.log(b + x);
                c2[k] = loga;
            } else {
                c1[k] = 0;
                c2[k] = x == 0 ? Double.NEGATIVE_INFINITY : loga - Math.log(b + x - 1);
            }
        }
        double logAlpha = Math.log(alpha);
        int n = data.size();
        boolean wantGradient = gradient != null;
        return LikelihoodSum.evaluate(n, 4, PARALLEL_ROWS, parallelism, gradient,
                (from, to, sums, at) -> accumulate(data, from, to, r, alpha, a, b, modified,
                        logAlpha, lgR, dgR, lgB, dA, dB, c1, c2, sums, at, wantGradient));
    }

    private static void accumulate(BtydData data, int from, int to, double r, double alpha,
            double a, double b, boolean modified, double logAlpha, double[] lgR, double[] dgR,
            double[] lgB, double[] dA, double[] dB, double[] c1, double[] c2, double[] acc,
            int at, boolean wantGradient) {
        double ll = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        for (int i = from; i < to; i++) {
            int k = data.frequencyLevelIndex(i);
            double x = data.frequency(i);
            double w = data.weight(i);
            double aT = alpha + data.age(i);
            double aTx = alpha + data.recency(i);
            double lT = Math.log(aT);
            double lTx = Math.log(aTx);
            double rx = r + x;
            double d1 = c1[k] - rx * lT;
            double d2 = c2[k] - rx * lTx;
            double w1;
            double w2;
            double lse;
            if (d2 == Double.NEGATIVE_INFINITY) {
                lse = d1;
                w1 = 1;
                w2 = 0;
            } else if (d1 >= d2) {
                double e = Math.exp(d2 - d1);
                lse = d1 + Math.log1p(e);
                w1 = 1 / (1 + e);
                w2 = e * w1;
            } else {
                double e = Math.exp(d1 - d2);
                lse = d2 + Math.log1p(e);
                w2 = 1 / (1 + e);
                w1 = e * w2;
            }
            ll += w * (lgR[k] + r * logAlpha + lgB[k] + lse);
            if (wantGradient) {
                gr += w * (dgR[k] + logAlpha - w1 * lT - w2 * lTx);
                galpha += w * (r / alpha - rx * (w1 / aT + w2 / aTx));
                ga += w * (dA[k] + w2 / a);
                gb += w * (dB[k] + (modified ? w1 / (b + x) : w2 == 0 ? 0 : -w2 / (b + x - 1)));
            }
        }
        acc[at] += ll;
        acc[at + 1] += gr;
        acc[at + 2] += galpha;
        acc[at + 3] += ga;
        acc[at + 4] += gb;
    }

    // ---------------------------------------------------------------- predictions

    /**
     * {@code E[X(t)]}: BG/NBD equation 9 of Fader, Hardie and Lee (2005); MBG/NBD
     * Batislam et al. (2007): {@code b/(a+b)} times the BG/NBD expectation
     * with {@code b + 1}.
     *
     * @param t the horizon
     * @return the expected purchases
     */
    public double expectedPurchases(double t) {
        requireHorizon(t);
        if (modified) {
            return b / (a + b) * Hypergeometric.expectedPurchases(r, alpha, a, b + 1, t);
        }
        return Hypergeometric.expectedPurchases(r, alpha, a, b, t);
    }

    /**
     * {@code P(alive | x, t_x, T)}: for BG/NBD
     * {@code 1 / (1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))} (Fader, Hardie
     * and Lee 2008, "Computing P(alive) using the BG/NBD model"); for MBG/NBD
     * {@code 1 / (1 + a/(b+x) (...)^(r+x))} for every x (Batislam et al. 2007).
     *
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the probability
     */
    public double probabilityAlive(double x, double tx, double age) {
        BtydData.validateRow(-1, x, tx, age, 0, 1);
        if (x == 0 && !modified) {
            return 1;
        }
        double logOdds = logA - Math.log(modified ? b + x : b + x - 1)
                + (r + x) * Math.log((alpha + age) / (alpha + tx));
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /** The second shape of the posterior of p for an alive customer with x purchases. */
    private double posteriorB(double x) {
        return modified ? b + x + 1 : b + x;
    }

    /**
     * {@code E[Y(t) | x, t_x, T]}: BG/NBD equation 10 of Fader, Hardie and Lee (2005),
     * the MBG/NBD analogue in Batislam et al. (2007). Computed as
     * {@code P(alive) * G(r + x, alpha + T, a, b')} where, given alive, the rate has the
     * posterior {@code Gamma(r + x, alpha + T)} and the drop-out probability
     * {@code Beta(a, b')} with {@code b' = b + x} (BG/NBD) or {@code b + x + 1} (MBG/NBD).
     *
     * @param t the future window
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the expected purchases
     */
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        requireHorizon(t);
        double alive = probabilityAlive(x, tx, age);
        if (alive == 0 || t == 0) {
            return 0;
        }
        return alive * Hypergeometric.expectedPurchases(r + x, alpha + age, a, posteriorB(x), t);
    }

    /**
     * Bulk expected purchases and, when {@code aliveOut} is non-null, P(alive), in one pass.
     * Within a chunk the expensive factor {@code G(r + x, alpha + T, a, b')}, which
     * depends on (x, T) only, is kept in a small direct-mapped cache: summaries computed
     * from dated transactions take few distinct (x, T) pairs, so most customers then cost
     * one P(alive) evaluation.
     *
     * @param t the future window
     * @param x frequencies
     * @param tx recencies
     * @param age ages
     * @param out expected purchases
     * @param aliveOut probabilities alive, or null
     * @param parallelism where the chunks run
     */
    public void predict(double t, double[] x, double[] tx, double[] age, double[] out,
            double[] aliveOut, Parallelism parallelism) {
        requireHorizon(t);
        int n = x.length;
        // large chunks: every chunk recomputes the distinct (x, T) factors
        parallelism.forEachChunk(n, PREDICT_CHUNK, (c, from, to) -> predictRange(t, x, tx, age, out,
                aliveOut, from, to));
    }

    /** One chunk of {@link #predict}: one pass, nothing allocated per customer. */
    private void predictRange(double t, double[] x, double[] tx, double[] age, double[] out,
            double[] aliveOut, int from, int to) {
        // ln(a / (b + x - 1)) (BG/NBD) or ln(a / (b + x)) (MBG/NBD) per whole frequency
        double[] logBase = new double[FREQUENCY_TABLE];
        for (int k = 0; k < FREQUENCY_TABLE; k++) {
            logBase[k] = logBase(k);
        }
        PairCache cache = out == null ? null : new PairCache(
                (xi, ti) -> Hypergeometric.expectedPurchases(r + xi, alpha + ti, a, posteriorB(xi), t));
        for (int i = from; i < to; i++) {
            double xi = x[i];
            double txi = tx[i];
            double ti = age[i];
            ModelSupport.requireHistory(i, xi, txi, ti);
            double alive;
            if (xi == 0 && !modified) {
                // most customers of a typical base (60% of CDNOW's): skipping the log and the exp
                // pays more than the branch costs
                alive = 1;
            } else {
                double base = xi < FREQUENCY_TABLE ? logBase[(int) xi] : logBase(xi);
                double logOdds = base + (r + xi) * Math.log((alpha + ti) / (alpha + txi));
                // 1 / (1 + e^L) as e^-L / (1 + e^-L) for L > 0, so tiny values keep their digits;
                // a select, not a branch: the sign of L is unpredictable from one customer to the
                // next (8% faster at 10 M resampled CDNOW rows on one thread)
                double e = Math.exp(-Math.abs(logOdds));
                alive = (logOdds > 0 ? e : 1) / (1 + e);
            }
            if (aliveOut != null) {
                aliveOut[i] = alive;
            }
            if (out == null) {
                continue;
            }
            if (alive == 0 || t == 0) {
                out[i] = 0;
                continue;
            }
            out[i] = alive * cache.get(xi, ti);
        }
    }

    private static final int FREQUENCY_TABLE = 256;

    /** {@code ln(a / (b + x - 1))} (BG/NBD, -inf at x = 0) or {@code ln(a / (b + x))} (MBG/NBD). */
    private double logBase(double x) {
        if (x == 0 && !modified) {
            return Double.NEGATIVE_INFINITY; // not used: P(alive) is 1 there
        }
        return logA - Math.log(modified ? b + x : b + x - 1);
    }

    /**
     * {@link #probabilityAlive(double, double, double)}, the same value, with
     * {@code ln(a / (b + x - 1))} (or {@code ln(a / (b + x))}) kept per whole frequency below
     * {@link #FREQUENCY_TABLE} in {@code logBase} (NaN where not yet computed).
     */
    private double alive(double x, double tx, double age, double[] logBase) {
        BtydData.validateRow(-1, x, tx, age, 0, 1);
        if (x == 0 && !modified) {
            return 1;
        }
        double base;
        int k = (int) x;
        if (k == x && k < FREQUENCY_TABLE) {
            base = logBase[k];
            if (base != base) {
                base = logA - Math.log(modified ? b + x : b + x - 1);
                logBase[k] = base;
            }
        } else {
            base = logA - Math.log(modified ? b + x : b + x - 1);
        }
        double logOdds = base + (r + x) * Math.log((alpha + age) / (alpha + tx));
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /**
     * A small direct-mapped cache of a factor that depends on (x, T) only, for one chunk of the
     * bulk methods: summaries computed from dated transactions take few distinct (x, T) pairs,
     * so most customers find their factor here. Not thread-safe: one per chunk.
     */
    private static final class PairCache {
        private final DoubleBinaryOperator factor;
        private final double[] keyX = new double[1 << CACHE_BITS];
        private final double[] keyT = new double[1 << CACHE_BITS];
        private final double[] value = new double[1 << CACHE_BITS];

        PairCache(DoubleBinaryOperator factor) {
            this.factor = factor;
            Arrays.fill(keyT, Double.NaN);
        }

        /** The factor of (x, T), computed on a miss (a NaN key never matches, so empty slots miss). */
        double get(double x, double t) {
            // Fibonacci hashing: the high bits of the product mix every input bit
            long bits = (Double.doubleToLongBits(x) * 31 + Double.doubleToLongBits(t)) * 0x9E3779B97F4A7C15L;
            int slot = (int) (bits >>> (64 - CACHE_BITS));
            if (keyT[slot] == t && keyX[slot] == x) {
                return value[slot];
            }
            double g = factor.applyAsDouble(x, t);
            keyX[slot] = x;
            keyT[slot] = t;
            value[slot] = g;
            return g;
        }
    }

    /**
     * The discounted expected purchases over {@code periods} whole periods
     * ({@link DiscountedSum}): {@code P(alive)} times the discounted sum of the posterior
     * {@code G(r + x, alpha + T, a, b', u)}, since given alive the future depends on (x, T)
     * only.
     *
     * @param periods the horizon
     * @param discountRate the rate per period
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the discounted purchases
     */
    public double discountedExpectedPurchases(long periods, double discountRate, double x,
            double tx, double age) {
        ModelSupport.requireDiscounting(periods, discountRate);
        double alive = probabilityAlive(x, tx, age);
        return alive == 0 || periods == 0 ? 0
                : alive * posteriorDiscounted(periods, discountRate, x, age, series(periods, discountRate));
    }

    /** The per-age series of {@link DiscountedPosterior} where it applies to the horizon, else null. */
    private DiscountedPosterior series(long periods, double discountRate) {
        return DiscountedPosterior.applies(periods, discountRate)
                ? new DiscountedPosterior(r, alpha, a, b, modified, periods, discountRate) : null;
    }

    /**
     * The discounted posterior purchases of an alive customer: the series of
     * {@link DiscountedPosterior} where it applies, otherwise {@link DiscountedSum} over
     * the posterior expected purchases.
     */
    private double posteriorDiscounted(long periods, double discountRate, double x, double age,
            DiscountedPosterior series) {
        if (series != null) {
            double value = series.value(x, age);
            if (!Double.isNaN(value)) {
                return value;
            }
        }
        double rx = r + x;
        double at = alpha + age;
        double bx = posteriorB(x);
        return DiscountedSum.of(u -> Hypergeometric.expectedPurchases(rx, at, a, bx, u),
                out -> Hypergeometric.expectedPurchasesAtPeriods(rx, at, a, bx, out), periods, discountRate);
    }

    /**
     * Bulk {@link #discountedExpectedPurchases(long, double, double, double, double)}, the
     * posterior factor once per distinct (x, T) of a chunk.
     *
     * @param periods the horizon
     * @param discountRate the rate per period
     * @param x frequencies
     * @param tx recencies
     * @param age ages
     * @param out results
     * @param parallelism where the chunks run
     */
    public void discountedExpectedPurchases(long periods, double discountRate, double[] x,
            double[] tx, double[] age, double[] out, Parallelism parallelism) {
        ModelSupport.requireDiscounting(periods, discountRate);
        // large chunks: every chunk recomputes the per-age weights and per-(x, T) factors
        parallelism.forEachChunk(x.length, DISCOUNT_CHUNK, (c, from, to) -> {
            DiscountedPosterior series = series(periods, discountRate);
            PairCache cache = new PairCache((xi, ti) -> posteriorDiscounted(periods, discountRate, xi, ti, series));
            double[] logBase = new double[FREQUENCY_TABLE];
            Arrays.fill(logBase, Double.NaN);
            for (int i = from; i < to; i++) {
                double xi = x[i];
                double ti = age[i];
                double alive = alive(xi, tx[i], ti, logBase);
                if (alive == 0 || periods == 0) {
                    out[i] = 0;
                    continue;
                }
                out[i] = alive * cache.get(xi, ti);
            }
        });
    }

    /**
     * {@code P(alive at T + t | x, t_x, T)}: alive at T, and every purchase in
     * {@code (T, T + t]} survived; given {@code (lambda, p)} that has probability
     * {@code exp(-lambda p t)}, so the answer is
     * {@code P(alive) E[((alpha+T) / (alpha+T+p t))^(r+x)]} over {@code p ~ Beta(a, b')}.
     *
     * @param t time after T
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the probability
     */
    public double probabilityAliveAt(double t, double x, double tx, double age) {
        requireHorizon(t);
        double alive = probabilityAlive(x, tx, age);
        if (alive == 0 || t == 0) {
            return alive;
        }
        double rx = r + x;
        double k = t / (alpha + age);
        double survive = BetaMixture.expectation(a, posteriorB(x), p -> -rx * Math.log1p(k * p));
        return clampProbability(alive * Math.min(1, survive));
    }

    /**
     * {@code P(X(t) = n)}: BG/NBD equation 8 of Fader, Hardie and Lee (2005); for
     * MBG/NBD {@code B(a, b+n+1)/B(a,b) NB(n) + B(a+1, b+n)/B(a,b) P(N >= n)}
     * (alive after n purchases, or dead right after the n-th, or at time 0 when n = 0),
     * where {@code NB} is the negative binomial count of the rate mixture and
     * {@code P(N >= n) = I_{t/(alpha+t)}(n, r)} a regularized incomplete beta.
     *
     * @param n the count
     * @param t the window
     * @return the probability
     */
    public double probabilityOfPurchases(int n, double t) {
        ModelSupport.requirePurchaseCount(n);
        ModelSupport.requirePositiveWindow(t);
        if (modified) {
            double logBab = Beta.logBeta(a, b);
            double alive = Math.exp(Beta.logBeta(a, b + n + 1) - logBab + logNegativeBinomial(r, alpha, n, t));
            double dead = Math.exp(Beta.logBeta(a + 1, b + n) - logBab) * tailAtLeast(r, alpha, n, t);
            return clampProbability(alive + dead);
        }
        return bgPmf(n, t, r, alpha, a, b);
    }

    /**
     * {@code P(Y(t) = n | x, t_x, T)}: dead at T (only n = 0), or alive and then a
     * BG/NBD process with the posterior parameters {@code (r + x, alpha + T, a, b')}.
     *
     * @param n the count
     * @param t the window
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the probability
     */
    public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx,
            double age) {
        ModelSupport.requirePurchaseCount(n);
        ModelSupport.requirePositiveWindow(t);
        double alive = probabilityAlive(x, tx, age);
        double p = alive == 0 ? 0 : alive * bgPmf(n, t, r + x, alpha + age, a, posteriorB(x));
        return clampProbability(n == 0 ? 1 - alive + p : p);
    }

    private static double bgPmf(int n, double t, double r, double alpha, double a, double b) {
        double logBab = Beta.logBeta(a, b);
        double alive = Math.exp(Beta.logBeta(a, b + n) - logBab + logNegativeBinomial(r, alpha, n, t));
        if (n == 0) {
            return clampProbability(alive);
        }
        double dead = Math.exp(Beta.logBeta(a + 1, b + n - 1) - logBab) * tailAtLeast(r, alpha, n, t);
        return clampProbability(alive + dead);
    }

    /** ln P(N = n) for N negative binomial(r, alpha/(alpha+t)): the Gamma-Poisson count. */
    private static double logNegativeBinomial(double r, double alpha, int n, double t) {
        double logQ = -Math.log1p(t / alpha);
        double logOneMinusQ = -Math.log1p(alpha / t);
        return Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0)
                + r * logQ + n * logOneMinusQ;
    }

    /** P(N >= n) for the same count; 1 for n = 0. */
    private static double tailAtLeast(double r, double alpha, int n, double t) {
        if (n == 0) {
            return 1;
        }
        double z = t / (alpha + t);
        double value;
        try {
            value = Beta.regularizedBeta(z, n, r, 1e-15, 100_000);
        } catch (RuntimeException notConverged) {
            // fall back on summing the pmf in log space (monotone, no cancellation issue
            // when the tail is large, which is when the continued fraction struggles)
            double head = 0;
            for (int j = 0; j < n; j++) {
                head += Math.exp(logNegativeBinomial(r, alpha, j, t));
            }
            value = 1 - head;
        }
        return clampProbability(value);
    }

    private static double clampProbability(double p) {
        if (Double.isNaN(p)) {
            return 0;
        }
        return Math.max(0, Math.min(1, p));
    }

    private static void requireHorizon(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("horizon t " + t + " is not finite and >= 0");
        }
    }

    // ---------------------------------------------------------------- simulation

    /**
     * Draws a cohort: {@code lambda ~ Gamma(r, 1/alpha)}, {@code p ~ Beta(a, b)},
     * exponential inter-purchase times, death with probability p after each repeat
     * purchase (MBG/NBD: also after the first purchase).
     *
     * @param ages calibration ages
     * @param holdout holdout length
     * @param seed random seed
     * @return the cohort
     */
    public SimulatedCohort simulate(double[] ages, double holdout, long seed) {
        if (!(holdout >= 0) || Double.isInfinite(holdout)) {
            throw new IllegalArgumentException("holdout " + holdout + " is not finite and >= 0");
        }
        RandomDataGenerator random = new RandomDataGenerator(seed);
        int n = ages.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] hold = new double[n];
        int[] logCustomer = new int[Math.max(16, n * 2)];
        double[] logTime = new double[logCustomer.length];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double age = ages[i];
            if (!(age > 0) || Double.isInfinite(age)) {
                throw new IllegalArgumentException("age " + i + " = " + age + " is not positive and finite");
            }
            double lambda = random.nextGamma(r, 1 / alpha);
            double p = random.nextBeta(a, b);
            if (size == logCustomer.length) {
                logCustomer = Arrays.copyOf(logCustomer, size * 2);
                logTime = Arrays.copyOf(logTime, size * 2);
            }
            logCustomer[size] = i;
            logTime[size++] = 0;
            boolean alive = !modified || random.nextDouble() >= p;
            double end = age + holdout;
            double time = 0;
            while (alive && lambda > 0) {
                time += random.nextExponential(1 / lambda);
                if (!(time <= end)) {
                    break;
                }
                if (size == logCustomer.length) {
                    logCustomer = Arrays.copyOf(logCustomer, size * 2);
                    logTime = Arrays.copyOf(logTime, size * 2);
                }
                logCustomer[size] = i;
                logTime[size++] = time;
                if (time <= age) {
                    x[i]++;
                    tx[i] = time;
                } else {
                    hold[i]++;
                }
                alive = random.nextDouble() >= p;
            }
        }
        return new SimulatedCohort(x, tx, ages, hold, holdout, Arrays.copyOf(logCustomer, size),
                Arrays.copyOf(logTime, size));
    }

    /**
     * Starting points: a moment-style guess from the data, then fixed alternatives.
     *
     * @param data the data
     * @return starting points
     */
    public static java.util.List<double[]> startingPoints(BtydData data) {
        double meanX = Math.max(data.meanFrequency(), 0.05);
        double meanT = data.meanAge();
        // a customer with rate ~ meanX / meanT: r = 1, alpha = meanT / meanX
        return java.util.List.of(
                new double[] {1, Math.max(1e-3, meanT / meanX), 1, 1},
                new double[] {0.5, Math.max(1e-3, 0.5 * meanT / meanX), 0.5, 2},
                new double[] {2, Math.max(1e-3, 2 * meanT / meanX), 2, 5},
                new double[] {0.1, 1, 0.1, 0.1});
    }

    /**
     * Returns the parameters as an array r, alpha, a, b.
     *
     * @return a new array
     */
    public double[] parameters() {
        return new double[] {r, alpha, a, b};
    }
}
