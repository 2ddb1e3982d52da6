package org.crmkit.scoring.evaluation;

import java.util.Objects;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.SummaryCsv;

/**
 * Per-customer calibration summaries together with what each customer did in a holdout
 * period: the input of {@link HoldoutEvaluation} and {@link ModelComparison}.
 *
 * <p>Row {@code i} is one customer: frequency, recency and age T in the calibration
 * period, the number of purchases made in the holdout period and the length of that
 * period (the same time unit). Rows are kept in input order (not compressed), so
 * per-customer predictions line up with the input.
 *
 * <pre>{@code
 * HoldoutData data = HoldoutData.of(x, tx, T, holdoutPurchases, holdoutDuration);
 * HoldoutEvaluation e = HoldoutEvaluation.evaluate(BgNbd.of(0.243, 4.414, 0.793, 2.426), data);
 * }</pre>
 *
 * <p>Immutable (arrays are copied in and out) and thread-safe.
 */
public final class HoldoutData {

    private final double[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] holdoutPurchases;
    private final double[] holdoutDuration;

    private HoldoutData(double[] frequency, double[] recency, double[] age,
            double[] holdoutPurchases, double[] holdoutDuration) {
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.holdoutPurchases = holdoutPurchases;
        this.holdoutDuration = holdoutDuration;
    }

    /**
     * Creates the data; the arrays are copied and validated like {@link BtydData}.
     *
     * @param frequency calibration repeat purchases, not null
     * @param recency calibration recency, not null
     * @param age calibration age T, not null
     * @param holdoutPurchases purchases in the holdout period, whole numbers {@code >= 0}, not null
     * @param holdoutDuration length of each customer's holdout period, {@code > 0}, not null
     * @return the data, never null
     * @throws IllegalArgumentException naming row and value when something is invalid
     */
    public static HoldoutData of(double[] frequency, double[] recency, double[] age,
            double[] holdoutPurchases, double[] holdoutDuration) {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(holdoutPurchases, "holdoutPurchases");
        Objects.requireNonNull(holdoutDuration, "holdoutDuration");
        int n = frequency.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty table: at least one customer is needed");
        }
        if (recency.length != n || age.length != n || holdoutPurchases.length != n
                || holdoutDuration.length != n) {
            throw new IllegalArgumentException("columns differ in length: frequency " + n
                    + ", recency " + recency.length + ", T " + age.length + ", holdout purchases "
                    + holdoutPurchases.length + ", holdout duration " + holdoutDuration.length);
        }
        for (int i = 0; i < n; i++) {
            BtydData.validateRow(i, frequency[i], recency[i], age[i], 0, 1);
            double h = holdoutPurchases[i];
            if (!(h >= 0) || h != Math.rint(h) || Double.isInfinite(h)) {
                throw new IllegalArgumentException("row " + i + ": holdout purchases " + h
                        + " is not a whole number >= 0");
            }
            double d = holdoutDuration[i];
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("row " + i + ": holdout duration " + d
                        + " is not positive and finite");
            }
        }
        return new HoldoutData(frequency.clone(), recency.clone(), age.clone(),
                holdoutPurchases.clone(), holdoutDuration.clone());
    }

    /**
     * The evaluation input of per-customer summaries with holdout columns (as written by
     * {@code crm summarize --observation-end} and read by {@link SummaryCsv}): frequency,
     * recency and T of the calibration period, {@code frequency_holdout} as the holdout
     * purchases and {@code duration_holdout} as the holdout length, in row order.
     *
     * <pre>{@code
     * CustomerSummaries s = SummaryCsv.read(Path.of("summary_with_holdout.csv"));
     * HoldoutEvaluation e = HoldoutEvaluation.evaluate(model, HoldoutData.from(s));
     * }</pre>
     *
     * @param summaries the summaries, not null
     * @return the data, never null
     * @throws IllegalArgumentException if the summaries have no holdout columns or weights
     *     (each row must be one customer), or a row is invalid (the message names the
     *     customer)
     */
    public static HoldoutData from(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        if (!summaries.hasHoldout()) {
            throw new IllegalArgumentException("the summaries have no holdout columns "
                    + "(frequency_holdout, monetary_value_holdout, duration_holdout)");
        }
        if (summaries.hasWeights()) {
            throw new IllegalArgumentException("weighted summaries cannot be evaluated per customer");
        }
        int n = summaries.size();
        double[] purchases = new double[n];
        for (int i = 0; i < n; i++) {
            purchases[i] = summaries.frequencyHoldout(i);
            double d = summaries.durationHoldout(i);
            if (!(d > 0)) {
                throw new IllegalArgumentException("customer '" + summaries.customerId(i)
                        + "': duration_holdout " + d + " is not positive");
            }
        }
        BtydData.validateAll(summaries);
        return of(BtydData.frequencies(summaries), summaries.recencyColumn(), summaries.tColumn(),
                purchases, summaries.durationHoldoutColumn());
    }

    /**
     * Returns the number of customers.
     *
     * @return the row count, positive
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

    double frequency(int i) {
        return frequency[i];
    }

    double recency(int i) {
        return recency[i];
    }

    double age(int i) {
        return age[i];
    }

    double holdoutPurchases(int i) {
        return holdoutPurchases[i];
    }

    double holdoutDuration(int i) {
        return holdoutDuration[i];
    }
}
