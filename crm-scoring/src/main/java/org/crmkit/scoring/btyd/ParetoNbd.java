package org.crmkit.scoring.btyd;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.internal.AgeCache;
import org.crmkit.scoring.btyd.internal.BtydSimulations;
import org.crmkit.scoring.btyd.internal.DiscountedSum;
import org.crmkit.scoring.btyd.internal.ModelSupport;
import org.crmkit.scoring.btyd.internal.ParetoNbdFormulas;
import org.crmkit.scoring.btyd.internal.ParetoNbdLikelihood;
import org.crmkit.scoring.btyd.internal.ParetoNbdModel;

/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), "Counting your
 * customers: who are they and what will they do next?", Management Science 33(1), 1-24,
 * with parameters {@code r, alpha} (gamma heterogeneity of the Poisson purchase rate) and
 * {@code s, beta} (gamma heterogeneity of the exponential dropout rate).
 *
 * <p>Formulas follow Fader and Hardie (2005), "A note on deriving the Pareto/NBD model
 * and related expressions", www.brucehardie.com/notes/009/ (section 3 the likelihood,
 * section 4 the mean E[X(t)] (eq. 27), section 5 P(alive), section 6 the conditional
 * expectation; the other equation numbers of the note are not quoted because they could
 * not be checked), and Fader and Hardie, "Deriving an expression for P(X(t) = x) under the
 * Pareto/NBD model", www.brucehardie.com/notes/012/. The CDNOW estimates in the example,
 * r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669 (LL = -9595.0), are those reported
 * for the Pareto/NBD in Fader, Hardie and Lee (2005), Marketing Science 24(2), as quoted
 * by the CLVTools and lifetimes test suites. The Gauss hypergeometric terms are evaluated for every input (large
 * {@code x}, large {@code T}, {@code alpha} close to or far from {@code beta}) through
 * Euler's transformation and a continued fraction, with a log-concave quadrature of the
 * underlying integral where even that would be slow; see the internal
 * {@code ParetoNbdLikelihood} for the argument.
 *
 * <pre>{@code
 * FitResult<ParetoNbd> fit = BtydFitter.standard().fit(ParetoNbd.model(), data);
 * ParetoNbd model = fit.model();      // or ParetoNbd.of(0.553, 10.578, 0.606, 11.669)
 * double alive = model.probabilityAlive(2, 30.43, 38.86);
 * double next52 = model.conditionalExpectedPurchases(52, 2, 30.43, 38.86);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares the parameter
 * values exactly.
 */
public final class ParetoNbd extends ParametricModel implements PurchaseModel {

    /** The model name, {@value}. */
    public static final String NAME = "pareto-nbd";
    private static final BtydModel<ParetoNbd> MODEL = new ParetoNbdModel();

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;

    private ParetoNbd(double r, double alpha, double s, double beta) {
        super(MODEL, r, alpha, s, beta);
        this.r = r;
        this.alpha = alpha;
        this.s = s;
        this.beta = beta;
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param r the shape of the purchase-rate gamma distribution, positive
     * @param alpha the rate (inverse scale) of the purchase-rate gamma distribution, positive
     * @param s the shape of the dropout-rate gamma distribution, positive
     * @param beta the rate of the dropout-rate gamma distribution, positive
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static ParetoNbd of(double r, double alpha, double s, double beta) {
        return new ParetoNbd(r, alpha, s, beta);
    }

    /**
     * Returns the model specification for fitting, persistence and the SPI.
     *
     * @return the Pareto/NBD specification, never null
     */
    public static BtydModel<ParetoNbd> model() {
        return MODEL;
    }

    /**
     * Returns the parameters r, alpha, s, beta.
     *
     * @return the values in that order, never null
     */
    public List<Double> parameterValues() {
        return valueList();
    }

    private static void requireHistory(double x, double tx, double age) {
        BtydData.validateRow(0, x, tx, age, 0, 1);
    }

    private static void requireWindow(String name, double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException(name + " " + t + " is not finite and >= 0");
        }
    }

    /**
     * Returns the log-likelihood of one customer history (Fader and Hardie 2005 note, section 3).
     *
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the log-likelihood, finite
     * @throws IllegalArgumentException if the history is invalid
     */
    public double logLikelihood(double x, double tx, double age) {
        requireHistory(x, tx, age);
        return ParetoNbdLikelihood.logLikelihood(r, alpha, s, beta, x, tx, age, null);
    }

    /**
     * {@inheritDoc} Fader and Hardie 2005 note, eq. 27 (section 4; also in Schmittlein et
     * al. 1987), {@code r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)]}, with its limit at
     * {@code s = 1}.
     */
    @Override
    public double expectedPurchases(double t) {
        requireWindow("window t", t);
        return ParetoNbdFormulas.expectedPurchases(r, alpha, s, beta, t);
    }

    /** {@inheritDoc} Fader and Hardie 2005 note, section 6. */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        requireWindow("window t", t);
        requireHistory(x, tx, age);
        return ParetoNbdFormulas.conditionalExpectedPurchases(r, alpha, s, beta, x, tx, age, t);
    }

    /**
     * {@inheritDoc} One pass per chunk computes P(alive) once per customer for both outputs;
     * see {@link #probabilityAlive(double, double, double)} for the fast and the robust
     * routes.
     */
    @Override
    public void predict(double t, double[] x, double[] tx, double[] age, double[] expected,
            double[] alive, Parallelism parallelism) {
        bulk(t, x, tx, age, Objects.requireNonNull(expected, "expected"),
                Objects.requireNonNull(alive, "alive"), parallelism);
    }

    @Override
    public void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age,
            double[] out, Parallelism parallelism) {
        bulk(t, x, tx, age, Objects.requireNonNull(out, "out"), null, parallelism);
    }

    @Override
    public void probabilityAlive(double[] x, double[] tx, double[] age, double[] out,
            Parallelism parallelism) {
        bulk(0, x, tx, age, null, Objects.requireNonNull(out, "out"), parallelism);
    }

    private void bulk(double t, double[] x, double[] tx, double[] age, double[] expected,
            double[] alive, Parallelism parallelism) {
        requireWindow("window t", t);
        Objects.requireNonNull(parallelism, "parallelism");
        int n = Objects.requireNonNull(x, "x").length;
        if (Objects.requireNonNull(tx, "tx").length != n || Objects.requireNonNull(age, "age").length != n
                || expected != null && expected.length != n || alive != null && alive.length != n) {
            throw new IllegalArgumentException("arrays differ in length: x " + n + ", tx " + tx.length
                    + ", T " + age.length + ", out " + (expected != null ? expected.length : alive.length));
        }
        parallelism.forEachChunk(n, CHUNK, (c, from, to) -> ParetoNbdFormulas.predict(r, alpha, s, beta, t,
                x, tx, age, expected, alive, from, to));
    }

    /**
     * {@inheritDoc} Fader and Hardie 2005 note, section 5. P(alive) is the alive term of
     * the likelihood over the likelihood, so the gamma functions cancel; where
     * {@code |alpha - beta| / (max(alpha, beta) + t_x) <= 1/2} (the usual case: the CDNOW
     * estimates give at most 0.094) the two hypergeometric terms are summed as one power
     * series with shared coefficients, elsewhere the robust route of the likelihood
     * (continued fraction or quadrature) is taken. Both agree with a 60-digit evaluation of
     * the note's closed form to a relative 1e-10 over the parameter space.
     */
    @Override
    public double probabilityAlive(double x, double tx, double age) {
        requireHistory(x, tx, age);
        return ParetoNbdFormulas.probabilityAlive(r, alpha, s, beta, x, tx, age);
    }

    /**
     * {@inheritDoc} P(alive at T) times the posterior survival
     * {@code ((beta + T) / (beta + T + t))^s}.
     */
    @Override
    public double probabilityAliveAt(double t, double x, double tx, double age) {
        requireWindow("time t", t);
        requireHistory(x, tx, age);
        return ParetoNbdFormulas.probabilityAliveAt(r, alpha, s, beta, x, tx, age, t);
    }

    /**
     * {@inheritDoc} Fader and Hardie, "Deriving an expression for P(X(t) = x) under the
     * Pareto/NBD model" (www.brucehardie.com/notes/012/), with the integral over the dropout
     * time evaluated by quadrature instead of the alternating sum, which loses all digits
     * for large {@code n}.
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        ModelSupport.requirePurchaseCount(n);
        ModelSupport.requirePositiveWindow(t);
        return ParetoNbdFormulas.probabilityOfPurchases(r, alpha, s, beta, t, n);
    }

    /**
     * {@inheritDoc} Given alive at T (probability {@link #probabilityAlive}), the future
     * is a Pareto/NBD process with the posterior parameters
     * {@code (r + x, alpha + T, s, beta + T)}; given dead, no purchase.
     */
    @Override
    public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx,
            double age) {
        ModelSupport.requirePurchaseCount(n);
        ModelSupport.requirePositiveWindow(t);
        requireHistory(x, tx, age);
        double alive = ParetoNbdFormulas.probabilityAlive(r, alpha, s, beta, x, tx, age);
        double given = ParetoNbdFormulas.probabilityOfPurchases(r + x, alpha + age, s, beta + age, t, n);
        return Math.min(1.0, alive * given + (n == 0 ? 1.0 - alive : 0.0));
    }

    /**
     * {@inheritDoc} Given alive at T, the expected purchases in {@code (T, T + u]} are
     * {@code (r + x) / (alpha + T) A(u)} with {@code A(u) = Integral_0^u ((beta + T) /
     * (beta + T + w))^s dw} the expected time alive in the window (the note's section 6), so
     * the discounted sum factors as
     * {@code P(alive) (r + x) / (alpha + T) sum_k v^k (A(k) - A(k - 1))}: the history enters
     * through P(alive) and the rate factor only, and the discounted sum of {@code A} depends
     * on the age T alone ({@link DiscountedSum}: the periods one by one up to 256, the
     * Euler-Maclaurin formula beyond). The bulk form computes that sum once per distinct age.
     */
    @Override
    public double discountedExpectedPurchases(long periods, double discountRate, double x,
            double tx, double age) {
        ModelSupport.requireDiscounting(periods, discountRate);
        requireHistory(x, tx, age);
        if (periods == 0) {
            return 0;
        }
        if (discountRate == 0) {
            // undiscounted the sum telescopes to E[Y(K)]
            return ParetoNbdFormulas.conditionalExpectedPurchases(r, alpha, s, beta, x, tx, age, periods);
        }
        double alive = ParetoNbdFormulas.probabilityAlive(r, alpha, s, beta, x, tx, age);
        return alive * (r + x) / (alpha + age) * discountedAliveTime(periods, discountRate, age);
    }

    /**
     * {@inheritDoc} Per chunk: P(alive) by the bulk route of
     * {@link #probabilityAlive(double[], double[], double[], double[], Parallelism)}, and the
     * discounted expected time alive once per distinct age (a small direct-mapped cache; a
     * cohort summary holds few distinct ages), so the cost is one P(alive) per customer plus
     * one discounted sum per distinct age, not one per customer and period.
     */
    @Override
    public void discountedExpectedPurchases(long periods, double discountRate, double[] x,
            double[] tx, double[] age, double[] out, Parallelism parallelism) {
        ModelSupport.requireDiscounting(periods, discountRate);
        int n = HistoryArrays.requireSameLength(x, tx, age, out);
        Objects.requireNonNull(parallelism, "parallelism").forEachChunk(n, CHUNK, (c, from, to) -> {
            if (periods == 0 || discountRate == 0) {
                // nothing, or undiscounted: the sum telescopes to E[Y(K)]
                ParetoNbdFormulas.predict(r, alpha, s, beta, periods, x, tx, age, out, null, from, to);
                return;
            }
            ParetoNbdFormulas.predict(r, alpha, s, beta, 0, x, tx, age, null, out, from, to);
            AgeCache cache = new AgeCache();
            for (int i = from; i < to; i++) {
                double t = age[i];
                double sum = cache.get(t);
                if (Double.isNaN(sum)) {
                    sum = discountedAliveTime(periods, discountRate, t);
                    cache.put(t, sum);
                }
                out[i] = out[i] * (r + x[i]) / (alpha + t) * sum;
            }
        });
    }

    /**
     * {@code sum_{k=1..K} v^k (A(k) - A(k - 1))} with {@code A(u) = (beta + T) I(s - 1,
     * ln(1 + u / (beta + T)))} the expected time alive in {@code (T, T + u]} of a customer
     * alive at T ({@link ParetoNbdFormulas#powerIntegral}).
     */
    private double discountedAliveTime(long periods, double discountRate, double age) {
        double bt = beta + age;
        double sm1 = s - 1.0;
        return DiscountedSum.of(u -> bt * ParetoNbdFormulas.powerIntegral(sm1, Math.log1p(u / bt)),
                periods, discountRate);
    }

    /**
     * Returns the continuously discounted expected purchases in {@code (T, T + horizon]} of
     * a customer with the given history: the posterior expected purchase rate
     * {@code P(alive) (r + x) / (alpha + T) ((beta + T) / (beta + T + u))^s} at
     * {@code T + u}, discounted by {@code (1 + d)^-u} and integrated over {@code u}
     * numerically. With an infinite horizon this is the discounted expected residual
     * transactions (DERT) of Fader, Hardie and Lee (2005), "RFM and CLV: using iso-value
     * curves for customer base analysis", Journal of Marketing Research 42(4), 415-430, with
     * continuous rate
     * {@code ln(1 + d)}.
     *
     * <pre>{@code
     * double dert = model.discountedResidualPurchases(Double.POSITIVE_INFINITY, 0.0017, 2, 30.43, 38.86);
     * }</pre>
     *
     * @param horizon the horizon in time units, {@code >= 0}; may be infinite when the
     *     rate is positive
     * @param discountRate the discount rate per time unit, {@code >= 0}
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the discounted expected purchases, finite and {@code >= 0}
     * @throws IllegalArgumentException if an argument is invalid or the horizon is
     *     infinite without discounting
     */
    public double discountedResidualPurchases(double horizon, double discountRate, double x,
            double tx, double age) {
        if (!(horizon >= 0)) {
            throw new IllegalArgumentException("horizon " + horizon + " is not >= 0");
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("discount rate " + discountRate + " is invalid");
        }
        if (horizon == Double.POSITIVE_INFINITY && discountRate == 0) {
            throw new IllegalArgumentException("an infinite horizon needs a positive discount rate");
        }
        requireHistory(x, tx, age);
        if (horizon == 0) {
            return 0;
        }
        return ParetoNbdFormulas.discountedExpectedPurchases(r, alpha, s, beta, x, tx, age, horizon, discountRate);
    }

    @Override
    public SimulatedCohort simulate(double[] ages, double holdout, long seed) {
        return BtydSimulations.paretoNbd(r, alpha, s, beta, Objects.requireNonNull(ages, "ages"), holdout, seed);
    }
}
