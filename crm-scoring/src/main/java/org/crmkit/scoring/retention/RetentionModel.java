package org.crmkit.scoring.retention;

import java.util.Map;

/**
 * A fitted (or typed-in) model of contract duration in discrete renewal periods.
 *
 * <p>Time convention, as in Fader and Hardie (2007): customers are acquired in period 0 and
 * face a renewal decision at the end of each period; {@code T} is the period in which a customer
 * churns, and the survival function {@code S(t) = P(T > t)} is the share of a cohort that has
 * made {@code t} renewals ({@code S(0) = 1}). The retention rate {@code r(t) = S(t) / S(t - 1)}
 * is the share of the customers active in period {@code t} who renew at its end. A customer
 * "with {@code m} renewals" is active and faces renewal decision {@code m + 1}.
 *
 * <p>Every method is defined for every valid argument and returns a finite number: survival
 * probabilities are computed in log space (a survival too small for a double is 0, never NaN).
 * Valuation (Fader and Hardie 2010, Marketing Science 29(1), 85-93, section 2): the discounted
 * expected residual lifetime of a customer with {@code m} renewals, evaluated just before the
 * decision on renewal {@code m + 1}, is
 * {@code DERL(d, m) = sum_{k >= 0} [S(m + 1 + k) / S(m)] / (1 + d)^k}: the expected number of
 * future renewals, the next one undiscounted, each later one discounted by one more period.
 * Times the margin a renewal brings it is the customer's residual value
 * ({@link #residualValue}).
 *
 * <pre>{@code
 * RetentionModel m = ShiftedBetaGeometric.of(0.704, 1.182);
 * double s5 = m.survival(5);                    // share of a cohort still active after 5 renewals
 * double r5 = m.retentionRate(5);               // renewal rate at the end of period 5
 * double value = m.residualValue(100, 0.10, 4); // worth of a customer with 4 renewals
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface RetentionModel permits ShiftedBetaGeometric, BetaDiscreteWeibull {

    /** The largest horizon of {@link #expectedRenewals} and {@link #survivalCurve}, in periods. */
    int MAX_HORIZON = 1_000_000;

    /**
     * The smallest discount rate per period {@link #derl} accepts: the sums have at most
     * {@code ln(1e-15 d / (1 + d)) / ln(1 / (1 + d))} terms, about 440,000 at this rate.
     */
    double MIN_DISCOUNT_RATE = 1e-4;

    /**
     * Returns the model's name as stored in JSON.
     *
     * @return {@code sbg} or {@code bdw}, never null
     */
    String modelName();

    /**
     * Returns the kind of model.
     *
     * @return the kind, never null
     */
    RetentionModelKind kind();

    /**
     * Returns the parameters by name, in the model's order.
     *
     * @return an unmodifiable map, never null
     */
    Map<String, Double> parameters();

    /**
     * Returns the survival function {@code S(t) = P(T > t)}.
     *
     * @param t the number of renewals, {@code >= 0}
     * @return the probability, in [0, 1]; 1 at {@code t = 0}
     * @throws IllegalArgumentException if {@code t < 0}
     */
    double survival(int t);

    /**
     * Returns the natural logarithm of {@link #survival}, finite even where the survival
     * underflows to 0.
     *
     * @param t the number of renewals, {@code >= 0}
     * @return {@code ln S(t)}, {@code <= 0}
     * @throws IllegalArgumentException if {@code t < 0}
     */
    double logSurvival(int t);

    /**
     * Returns the probability {@code P(T = t) = S(t - 1) - S(t)} that a customer churns at the
     * end of period {@code t}.
     *
     * @param t the period, {@code >= 1}
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if {@code t < 1}
     */
    double churnProbability(int t);

    /**
     * Returns the retention rate {@code r(t) = S(t) / S(t - 1)}.
     *
     * @param t the period, {@code >= 1}
     * @return the rate, in [0, 1]
     * @throws IllegalArgumentException if {@code t < 1}
     */
    double retentionRate(int t);

    /**
     * Returns {@code S(1), ..., S(periods)}.
     *
     * @param periods how many, 0 to {@value #MAX_HORIZON}
     * @return a new array of length {@code periods}, never null
     * @throws IllegalArgumentException if {@code periods} is out of range
     */
    default double[] survivalCurve(int periods) {
        Checks.horizon("periods", periods);
        double[] s = new double[periods];
        for (int t = 1; t <= periods; t++) {
            s[t - 1] = survival(t);
        }
        return s;
    }

    /**
     * Returns the expected number of renewals a customer with {@code renewals} renewals still
     * makes up to and including renewal {@code horizon}:
     * {@code sum_{t = renewals + 1}^{horizon} S(t) / S(renewals)} (0 when
     * {@code horizon <= renewals}). Undiscounted, over a finite horizon, so always finite.
     *
     * @param renewals the renewals made, {@code >= 0}
     * @param horizon the last renewal counted, 0 to {@value #MAX_HORIZON}
     * @return the expected count, {@code >= 0}
     * @throws IllegalArgumentException if an argument is out of range
     */
    double expectedRenewals(int renewals, int horizon);

    /**
     * Returns the discounted expected residual lifetime {@code DERL(d, m)} of a customer with
     * {@code m} renewals, just before renewal decision {@code m + 1} (see the class
     * documentation). The sum is truncated where the bound on the remainder falls below
     * {@code 1e-15} of the sum; the number of terms is bounded by the discount rate.
     *
     * @param discountRate the discount rate per period, {@value #MIN_DISCOUNT_RATE} or more, finite
     * @param renewals the renewals made, {@code >= 0}
     * @return the expected discounted number of future renewals, {@code >= 0}
     * @throws IllegalArgumentException if an argument is out of range
     */
    double derl(double discountRate, int renewals);

    /**
     * Returns the residual value of an active customer at a renewal: {@code margin * DERL}, the
     * expected present value of the margins of its future renewals (Fader and Hardie 2010,
     * section 2).
     *
     * @param margin the margin one renewal brings, finite
     * @param discountRate the discount rate per period, as for {@link #derl}
     * @param renewals the renewals made, {@code >= 0}
     * @return the residual value, finite
     * @throws IllegalArgumentException if an argument is out of range
     */
    default double residualValue(double margin, double discountRate, int renewals) {
        if (!Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be finite: " + margin);
        }
        return margin * derl(discountRate, renewals);
    }
}
