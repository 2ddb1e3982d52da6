package org.crmkit.scoring.btyd;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.btyd.internal.BgBbFormulas;
import org.crmkit.scoring.btyd.internal.BgBbLikelihood;
import org.crmkit.scoring.btyd.internal.BgBbModel;
import org.crmkit.scoring.btyd.internal.BtydSimulations;
import org.crmkit.scoring.btyd.internal.ModelSupport;

/**
 * The BG/BB ("beta-geometric / beta-Bernoulli") model of Fader, Hardie and Shang (2010),
 * "Customer-base analysis in a discrete-time noncontractual setting", Marketing Science
 * 29(6), 1086-1108, for customers who can buy at most once per discrete opportunity
 * (annual donations, yearly events): while alive a customer buys at each opportunity
 * with probability {@code p ~ beta(alpha, beta)} and dies at the start of each
 * opportunity with probability {@code theta ~ beta(gamma, delta)}.
 *
 * <p>Data are {@link BtydData} rows whose frequency {@code x} is the number of
 * opportunities with a purchase, recency {@code t_x} the last such opportunity (0 when
 * {@code x = 0}) and age the number of opportunities {@code n}; recency and age must be
 * whole numbers and {@code x <= t_x}. Weighted rows are the natural form of such data
 * (22 distinct histories for {@code n = 6}). Every window and time argument of the
 * {@link PurchaseModel} methods counts opportunities and must be a whole number.
 * {@link #probabilityAlive} is the probability of being alive at opportunity {@code n};
 * the paper's P(alive in period {@code n + 1}) is {@code probabilityAliveAt(1, x, tx, n)}.
 *
 * <p>Equation numbers cited: eq. 5 the likelihood of a randomly chosen customer (the
 * numbering of the note "The normalizing constant in the BG/BB model", SSRN 3241680,
 * which points out that eqs. 4-5 omit the binomial normalizing constants, so the
 * paper's log-likelihood is not a log joint probability), eq. 7 P(X(n) = x) and eq. 13
 * the conditional expectation (the numbering used by lifetimes'
 * {@code BetaGeoBetaBinomFitter}). E[X(n)], P(alive) and DERT are cited by name, without
 * the equation numbers, which could not be checked against the paper.
 *
 * <pre>{@code
 * BtydData data = BtydData.of(frequency, recency, periods, weights);
 * FitResult<BgBb> fit = BtydFitter.standard().fit(BgBb.model(), data);
 * BgBb model = fit.model();       // or BgBb.of(1.204, 0.750, 0.657, 2.783)
 * double next5 = model.conditionalExpectedPurchases(5, 3, 5, 6);
 * double dert = model.discountedExpectedResidualTransactions(0.1, 3, 5, 6);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares the parameter
 * values exactly.
 */
public final class BgBb extends ParametricModel implements PurchaseModel {

    /** The model name, {@value}. */
    public static final String NAME = "bg-bb";
    private static final BtydModel<BgBb> MODEL = new BgBbModel();

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double delta;

    private BgBb(double alpha, double beta, double gamma, double delta) {
        super(MODEL, alpha, beta, gamma, delta);
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.delta = delta;
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param alpha the first shape of the purchase-probability beta distribution, positive
     * @param beta the second shape of the purchase-probability beta distribution, positive
     * @param gamma the first shape of the dropout-probability beta distribution, positive
     * @param delta the second shape of the dropout-probability beta distribution, positive
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static BgBb of(double alpha, double beta, double gamma, double delta) {
        return new BgBb(alpha, beta, gamma, delta);
    }

    /**
     * Returns the model specification for fitting, persistence and the SPI.
     *
     * @return the BG/BB specification, never null
     */
    public static BtydModel<BgBb> model() {
        return MODEL;
    }

    /**
     * Returns the parameters alpha, beta, gamma, delta.
     *
     * @return the values in that order, never null
     */
    public List<Double> parameterValues() {
        return valueList();
    }

    private static void requireHistory(int row, double x, double tx, double n) {
        BgBbFormulas.requireHistory(row, x, tx, n);
    }

    private static long requireWholeWindow(String name, double t) {
        if (!(t >= 0) || t != Math.rint(t) || t > 0x1p53) {
            throw new IllegalArgumentException(name + " " + t + " is not a whole number of opportunities >= 0");
        }
        return (long) t;
    }

    /**
     * Returns the log-likelihood of one history (FHS 2010, eq. 5).
     *
     * @param x the number of opportunities with a purchase
     * @param tx the last opportunity with a purchase, 0 if none
     * @param n the number of opportunities
     * @return the log-likelihood, finite
     * @throws IllegalArgumentException if the history is invalid
     */
    public double logLikelihood(double x, double tx, double n) {
        requireHistory(0, x, tx, n);
        return BgBbLikelihood.logLikelihood(alpha, beta, gamma, delta, (int) x, (int) tx, (int) n, null);
    }

    /** {@inheritDoc} FHS 2010, E[X(n)] of a new customer; {@code t} counts opportunities. */
    @Override
    public double expectedPurchases(double t) {
        return BgBbFormulas.expectedPurchases(alpha, beta, gamma, delta, requireWholeWindow("window t", t));
    }

    /** {@inheritDoc} FHS 2010, eq. 13; {@code t} counts opportunities after {@code n}. */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        long window = requireWholeWindow("window t", t);
        requireHistory(0, x, tx, age);
        return BgBbFormulas.conditionalExpectedPurchases(alpha, beta, gamma, delta, (int) x, (int) tx,
                (int) age, window);
    }

    /**
     * {@inheritDoc} Here: alive at opportunity {@code n}, i.e. survived {@code n} death
     * draws; equal to 1 when the last opportunity had a purchase.
     */
    @Override
    public double probabilityAlive(double x, double tx, double age) {
        requireHistory(0, x, tx, age);
        return BgBbFormulas.probabilityAliveAt(alpha, beta, gamma, delta, (int) x, (int) tx, (int) age, 0);
    }

    /**
     * {@inheritDoc} FHS 2010, P(alive in period n + 1) for {@code t = 1}; {@code t} counts
     * opportunities.
     */
    @Override
    public double probabilityAliveAt(double t, double x, double tx, double age) {
        long m = requireWholeWindow("time t", t);
        requireHistory(0, x, tx, age);
        return BgBbFormulas.probabilityAliveAt(alpha, beta, gamma, delta, (int) x, (int) tx, (int) age, m);
    }

    /** {@inheritDoc} FHS 2010, eq. 7; {@code t} counts opportunities. */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        ModelSupport.requirePurchaseCount(n);
        long window = requireWholeWindow("window t", t);
        if (window < 1) {
            throw new IllegalArgumentException("window t " + t + " is not positive");
        }
        return n > window ? 0.0 : BgBbFormulas.probabilityOfPurchases(alpha, beta, gamma, delta, (int) window, n);
    }

    /**
     * {@inheritDoc} Given alive at {@code n}, the next opportunities follow BG/BB with the
     * posterior parameters {@code (alpha + x, beta + n - x, gamma, delta + n)}; given
     * dead, no purchase.
     */
    @Override
    public double conditionalProbabilityOfPurchases(int k, double t, double x, double tx,
            double age) {
        ModelSupport.requirePurchaseCount(k);
        long window = requireWholeWindow("window t", t);
        if (window < 1) {
            throw new IllegalArgumentException("window t " + t + " is not positive");
        }
        requireHistory(0, x, tx, age);
        double alive = probabilityAlive(x, tx, age);
        double given = k > window ? 0.0 : BgBbFormulas.probabilityOfPurchases(alpha + x, beta + age - x, gamma,
                delta + age, (int) window, k);
        return Math.min(1.0, alive * given + (k == 0 ? 1.0 - alive : 0.0));
    }

    /**
     * {@inheritDoc} For BG/BB the per-period sum is FHS 2010's DERT truncated
     * after {@code periods} opportunities, computed in one pass by the ratio of successive
     * survival terms, stopped once a term is below {@code 1e-17} of the sum; without
     * discounting, the closed form of eq. 13.
     */
    @Override
    public double discountedExpectedPurchases(long periods, double discountRate, double x,
            double tx, double age) {
        ModelSupport.requireDiscounting(periods, discountRate);
        requireHistory(0, x, tx, age);
        if (discountRate == 0 || periods > Integer.MAX_VALUE) {
            // undiscounted it telescopes to E[Y(periods)] (eq. 13); a longer horizon than
            // 2^31 opportunities adds less than the recurrence's cut-off to a discounted sum
            if (discountRate == 0) {
                return conditionalExpectedPurchases(periods, x, tx, age);
            }
            periods = Integer.MAX_VALUE;
        }
        return BgBbFormulas.discountedExpectedPurchases(alpha, beta, gamma, delta, (int) x, (int) tx,
                (int) age, (int) periods, discountRate);
    }

    /**
     * Returns the discounted expected residual transactions over an unlimited horizon,
     * FHS 2010's DERT: the expected purchase at opportunity {@code n + k} discounted by
     * {@code (1 + d)^-k}, summed over {@code k >= 1}.
     *
     * @param discountRate the discount rate per opportunity, {@code > 0}
     * @param x the number of opportunities with a purchase
     * @param tx the last opportunity with a purchase
     * @param n the number of opportunities
     * @return DERT, finite and {@code >= 0}
     * @throws IllegalArgumentException if the rate is not positive or the history invalid
     */
    public double discountedExpectedResidualTransactions(double discountRate, double x, double tx,
            double n) {
        if (!(discountRate > 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("discount rate " + discountRate + " is not positive and finite");
        }
        requireHistory(0, x, tx, n);
        return BgBbFormulas.discountedExpectedResidualTransactions(alpha, beta, gamma, delta, (int) x,
                (int) tx, (int) n, discountRate);
    }

    /** {@inheritDoc} Ages and holdout count opportunities and must be whole numbers. */
    @Override
    public SimulatedCohort simulate(double[] ages, double holdout, long seed) {
        return BtydSimulations.bgBb(alpha, beta, gamma, delta, Objects.requireNonNull(ages, "ages"), holdout, seed);
    }
}
