package org.crmkit.scoring.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How well a churn score ranks and predicts known outcomes: AUC, Brier score, the
 * calibration / lift / capture table by decile, and precision and recall among the top
 * {@code k}.
 *
 * <p>Definitions (higher score = more likely to churn; {@code P} churners, {@code N}
 * others):
 * <ul>
 *   <li><b>AUC</b>: the probability that a random churner scores higher than a random
 *       non-churner, ties counting one half; computed as the Mann-Whitney statistic with
 *       mid-ranks, {@code (R_P - P (P + 1) / 2) / (P N)} where {@code R_P} is the sum of the
 *       churners' mid-ranks (Hanley and McNeil 1982, Radiology 143, 29-36).</li>
 *   <li><b>Brier score</b> (Brier 1950, Monthly Weather Review 78(1)): the mean of
 *       {@code (p_i - y_i)^2}, only for scores that are probabilities.</li>
 *   <li><b>Deciles</b>: customers sorted by score, highest first; decile {@code d} holds
 *       positions {@code floor((d-1) n / 10) .. floor(d n / 10) - 1}. See {@link DecileRow}
 *       for the columns.</li>
 *   <li><b>precision@k</b> = churners among the top k / k, <b>recall@k</b> = churners
 *       among the top k / P.</li>
 * </ul>
 * Every "top k" count treats ties by their expectation under random tie-breaking: a group
 * of {@code g} equal scores with {@code c} churners that is cut after {@code j} of its
 * members contributes {@code c j / g}. The results therefore do not depend on input order.
 *
 * <pre>{@code
 * ChurnEvaluation e = ChurnEvaluation.of(risk, churned, true);
 * e.auc(); e.brier(); e.precisionAt(100); e.deciles();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ChurnEvaluation {

    private final int customers;
    private final int churners;
    private final double auc;
    private final OptionalDouble brier;
    private final double[] sortedScore;     // descending
    private final double[] cumulativeChurn; // expected churners in the top m, m = 0..n
    private final double[] cumulativeScore; // sum of scores of the top m
    private final List<DecileRow> deciles;

    private ChurnEvaluation(int customers, int churners, double auc, OptionalDouble brier, double[] sortedScore,
            double[] cumulativeChurn, double[] cumulativeScore) {
        this.customers = customers;
        this.churners = churners;
        this.auc = auc;
        this.brier = brier;
        this.sortedScore = sortedScore;
        this.cumulativeChurn = cumulativeChurn;
        this.cumulativeScore = cumulativeScore;
        this.deciles = makeDeciles();
    }

    /**
     * Evaluates a score against outcomes.
     *
     * @param score one finite score per customer, higher = more likely to churn, not null
     * @param churned the outcome per customer, not null, same length
     * @param probability whether the scores are probabilities in [0, 1] (then the Brier score
     *     is computed)
     * @return the evaluation, never null
     * @throws IllegalArgumentException if lengths differ, a score is not finite (or not in
     *     [0, 1] for a probability), or the outcomes are all equal (AUC is then undefined)
     */
    public static ChurnEvaluation of(double[] score, boolean[] churned, boolean probability) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(churned, "churned");
        int n = score.length;
        if (churned.length != n) {
            throw new IllegalArgumentException("scores " + n + " and outcomes " + churned.length + " differ in length");
        }
        int positives = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double s = score[i];
            if (!Double.isFinite(s) || (probability && (s < 0 || s > 1))) {
                throw new IllegalArgumentException("row " + i + ": score " + s
                        + (probability ? " is not a probability" : " is not finite"));
            }
            if (churned[i]) {
                positives++;
            }
            double d = s - (churned[i] ? 1 : 0);
            squares += d * d;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("the outcomes of all " + n + " customers are equal ("
                    + (positives == 0 ? "no churner" : "all churners") + "): the score cannot be evaluated");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        double[] sorted = new double[n];
        double[] cumChurn = new double[n + 1];
        double[] cumScore = new double[n + 1];
        double rankSumOfPositives = 0; // ranks ascending: the lowest score has rank 1
        int start = 0;
        while (start < n) {
            int end = start;
            int groupChurners = 0;
            while (end < n && score[order[end]] == score[order[start]]) {
                groupChurners += churned[order[end]] ? 1 : 0;
                end++;
            }
            int g = end - start;
            // descending positions start..end-1 are ascending ranks n-end+1 .. n-start
            double midRank = ((n - end + 1) + (n - start)) / 2.0;
            rankSumOfPositives += groupChurners * midRank;
            for (int m = start; m < end; m++) {
                sorted[m] = score[order[m]];
                cumChurn[m + 1] = cumChurn[start] + groupChurners * (double) (m + 1 - start) / g;
                cumScore[m + 1] = cumScore[m] + sorted[m];
            }
            start = end;
        }
        double p = positives;
        double q = n - positives;
        double auc = (rankSumOfPositives - p * (p + 1) / 2) / (p * q);
        return new ChurnEvaluation(n, positives, auc, probability ? OptionalDouble.of(squares / n)
                : OptionalDouble.empty(), sorted, cumChurn, cumScore);
    }

    private List<DecileRow> makeDeciles() {
        List<DecileRow> rows = new ArrayList<>(10);
        double overall = (double) churners / customers;
        for (int d = 1; d <= 10; d++) {
            int from = (int) ((long) (d - 1) * customers / 10);
            int to = (int) ((long) d * customers / 10);
            int size = to - from;
            double c = Math.max(0, cumulativeChurn[to] - cumulativeChurn[from]);
            double rate = size == 0 ? 0 : c / size;
            double mean = size == 0 ? 0 : (cumulativeScore[to] - cumulativeScore[from]) / size;
            rows.add(new DecileRow(d, size, Math.min(c, size), mean, rate, rate / overall,
                    Math.min(1, cumulativeChurn[to] / churners)));
        }
        return List.copyOf(rows);
    }

    /**
     * Returns the number of customers.
     *
     * @return the count, {@code >= 2}
     */
    public int customers() {
        return customers;
    }

    /**
     * Returns the number of churners.
     *
     * @return the count, in {@code [1, customers())}
     */
    public int churners() {
        return churners;
    }

    /**
     * Returns the area under the ROC curve, ties counting one half.
     *
     * @return the AUC in [0, 1]
     */
    public double auc() {
        return auc;
    }

    /**
     * Returns the Brier score of a probability score.
     *
     * @return the mean squared error in [0, 1], or empty for a score that is not a probability
     */
    public OptionalDouble brier() {
        return brier;
    }

    /**
     * Returns the ten decile rows, highest scores first.
     *
     * @return an unmodifiable list of ten rows, never null
     */
    public List<DecileRow> deciles() {
        return deciles;
    }

    /**
     * Returns the share of churners among the k highest scores.
     *
     * @param k the number of customers taken, {@code 1 <= k <= customers()}
     * @return the precision in [0, 1]
     * @throws IllegalArgumentException if k is out of range
     */
    public double precisionAt(int k) {
        requireK(k);
        return Math.min(1, cumulativeChurn[k] / k);
    }

    /**
     * Returns the share of all churners found among the k highest scores.
     *
     * @param k the number of customers taken, {@code 1 <= k <= customers()}
     * @return the recall in [0, 1]
     * @throws IllegalArgumentException if k is out of range
     */
    public double recallAt(int k) {
        requireK(k);
        return Math.min(1, cumulativeChurn[k] / churners);
    }

    /**
     * Returns the k-th highest score.
     *
     * @param k 1-based position, {@code 1 <= k <= customers()}
     * @return the score at that position
     * @throws IllegalArgumentException if k is out of range
     */
    public double scoreAt(int k) {
        requireK(k);
        return sortedScore[k - 1];
    }

    private void requireK(int k) {
        if (k < 1 || k > customers) {
            throw new IllegalArgumentException("k " + k + " is not in 1.." + customers);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ChurnEvaluation[%d customers, %d churners, AUC %.4f%s]",
                customers, churners, auc, brier.isPresent() ? String.format(java.util.Locale.ROOT, ", Brier %.4f",
                        brier.getAsDouble()) : "");
    }
}
