package org.crmkit.scoring.btyd;

import java.util.Arrays;
import java.util.Objects;

/**
 * A synthetic cohort drawn from a {@link PurchaseModel}: per-customer calibration
 * summaries, holdout purchase counts, and the full transaction log.
 *
 * <p>Times are measured from each customer's first purchase (which is at time 0 and is
 * part of the log). The log is ordered by customer, then time.
 *
 * <pre>{@code
 * SimulatedCohort cohort = BgNbd.of(0.25, 4, 0.8, 2.5).simulate(ages, 39, 42L);
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), cohort.calibration());
 * }</pre>
 *
 * <p>Instances are immutable (accessors return copies) and thread-safe.
 */
public final class SimulatedCohort {

    private final double[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] holdoutFrequency;
    private final double holdout;
    private final int[] logCustomer;
    private final double[] logTime;

    /**
     * Creates a cohort from its columns; the arrays are copied.
     *
     * @param frequency repeat purchases in (0, T] per customer, not null
     * @param recency time of the last repeat purchase in (0, T], not null
     * @param age the calibration age T, not null
     * @param holdoutFrequency purchases in (T, T + holdout], not null
     * @param holdout the holdout length, {@code >= 0}
     * @param logCustomer the customer (index) of each transaction, not null
     * @param logTime the time of each transaction, not null
     * @throws IllegalArgumentException if the lengths disagree
     */
    public SimulatedCohort(double[] frequency, double[] recency, double[] age,
            double[] holdoutFrequency, double holdout, int[] logCustomer, double[] logTime) {
        int n = Objects.requireNonNull(frequency, "frequency").length;
        if (Objects.requireNonNull(recency, "recency").length != n
                || Objects.requireNonNull(age, "age").length != n
                || Objects.requireNonNull(holdoutFrequency, "holdoutFrequency").length != n) {
            throw new IllegalArgumentException("summary columns differ in length");
        }
        if (Objects.requireNonNull(logCustomer, "logCustomer").length
                != Objects.requireNonNull(logTime, "logTime").length) {
            throw new IllegalArgumentException("log columns differ in length");
        }
        if (!(holdout >= 0) || Double.isInfinite(holdout)) {
            throw new IllegalArgumentException("holdout " + holdout + " is invalid");
        }
        this.frequency = frequency.clone();
        this.recency = recency.clone();
        this.age = age.clone();
        this.holdoutFrequency = holdoutFrequency.clone();
        this.holdout = holdout;
        this.logCustomer = logCustomer.clone();
        this.logTime = logTime.clone();
    }

    /**
     * Returns the number of customers.
     *
     * @return the cohort size
     */
    public int size() {
        return frequency.length;
    }

    /**
     * Returns the calibration summaries as model input.
     *
     * @return the compressed data, never null
     */
    public BtydData calibration() {
        return BtydData.of(frequency, recency, age);
    }

    /**
     * Returns the repeat purchase counts in the calibration period.
     *
     * @return a copy, never null
     */
    public double[] frequency() {
        return frequency.clone();
    }

    /**
     * Returns the recencies.
     *
     * @return a copy, never null
     */
    public double[] recency() {
        return recency.clone();
    }

    /**
     * Returns the calibration ages T.
     *
     * @return a copy, never null
     */
    public double[] age() {
        return age.clone();
    }

    /**
     * Returns the purchase counts in the holdout period.
     *
     * @return a copy, never null
     */
    public double[] holdoutFrequency() {
        return holdoutFrequency.clone();
    }

    /**
     * Returns the length of the holdout period.
     *
     * @return the holdout length
     */
    public double holdout() {
        return holdout;
    }

    /**
     * Returns the customer index of each logged transaction.
     *
     * @return a copy, never null
     */
    public int[] transactionCustomers() {
        return logCustomer.clone();
    }

    /**
     * Returns the time of each logged transaction since the customer's first purchase.
     *
     * @return a copy, never null
     */
    public double[] transactionTimes() {
        return logTime.clone();
    }

    /**
     * Returns the format {@code SimulatedCohort[customers=.., transactions=.., holdout=..]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "SimulatedCohort[customers=" + frequency.length + ", transactions="
                + logTime.length + ", holdout=" + holdout + ", meanFrequency="
                + Arrays.stream(frequency).average().orElse(0) + "]";
    }
}
