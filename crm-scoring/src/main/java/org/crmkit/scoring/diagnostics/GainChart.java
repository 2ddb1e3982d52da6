package org.crmkit.scoring.diagnostics;

import java.util.Objects;
import org.crmkit.scoring.churn.ChurnEvaluation;

/**
 * The cumulative gain and lift curves of a churn score, from a {@link ChurnEvaluation}:
 * targeting the share {@code q} of customers with the highest scores finds the share
 * {@code gain(q) = recall@(q n)} of all churners, and {@code lift(q) = precision@(q n) /
 * (P / n)} times as many churners as targeting at random would (Berry and Linoff 2004,
 * "Data Mining Techniques", 2nd ed., ch. 4, cumulative gains and lift charts). Ties are
 * shared as the evaluation shares them (their expectation under random tie-breaking).
 *
 * <p>Points: {@code q = j / m}, {@code j = 0..m} for the gain curve (gain(0) = 0) and
 * {@code j = 1..m} for the lift curve, with {@code q n} rounded to the nearest customer
 * (at least one).
 *
 * <pre>{@code
 * GainChart g = GainChart.of(ChurnEvaluation.of(risk, churned, true), 100);
 * double[] gains = g.gain();
 * }</pre>
 *
 * <p>Immutable and thread-safe; array accessors return copies.
 */
public final class GainChart {
    private final double[] share;
    private final double[] gain;
    private final double[] lift;

    private GainChart(double[] share, double[] gain, double[] lift) {
        this.share = share;
        this.gain = gain;
        this.lift = lift;
    }

    /**
     * Takes the curves of an evaluation.
     *
     * @param evaluation the churn evaluation, not null
     * @param steps m, the number of steps from 0 to 1, {@code 1 <= m <= 10000}
     * @return the curves, never null
     * @throws IllegalArgumentException if steps is out of range
     */
    public static GainChart of(ChurnEvaluation evaluation, int steps) {
        Objects.requireNonNull(evaluation, "evaluation");
        if (steps < 1 || steps > 10_000) {
            throw new IllegalArgumentException("steps " + steps + " is not in 1..10000");
        }
        int n = evaluation.customers();
        double rate = (double) evaluation.churners() / n;
        double[] share = new double[steps + 1];
        double[] gain = new double[steps + 1];
        double[] lift = new double[steps + 1];
        for (int j = 0; j <= steps; j++) {
            share[j] = (double) j / steps;
            if (j == 0) {
                continue;
            }
            int k = (int) Math.max(1, Math.min(n, Math.round(share[j] * n)));
            gain[j] = evaluation.recallAt(k);
            lift[j] = evaluation.precisionAt(k) / rate;
        }
        return new GainChart(share, gain, lift);
    }

    /**
     * Returns the targeted shares {@code 0, 1/m, .., 1}.
     *
     * @return a copy, never null
     */
    public double[] shares() {
        return share.clone();
    }

    /**
     * Returns the cumulative gain at each share (0 at share 0).
     *
     * @return a copy, in [0, 1], never null
     */
    public double[] gain() {
        return gain.clone();
    }

    /**
     * Returns the cumulative lift at each share from {@code 1/m} (the first element, share
     * 0, is left out).
     *
     * @return a copy of m values, positive or 0, never null
     */
    public double[] lift() {
        return java.util.Arrays.copyOfRange(lift, 1, lift.length);
    }

    /**
     * Returns the gain chart's numbers: x {@code targeted_share}, series {@code model}
     * (the gain) and {@code random} (the diagonal).
     *
     * @return the table, never null
     */
    public PlotTable gainTable() {
        return new PlotTable.Builder("targeted_share", share).add("model", gain).add("random", share).build();
    }

    /**
     * Returns the lift chart's numbers: x {@code targeted_share} from {@code 1/m}, series
     * {@code model} (the lift) and {@code random} (1).
     *
     * @return the table, never null
     */
    public PlotTable liftTable() {
        double[] x = java.util.Arrays.copyOfRange(share, 1, share.length);
        double[] one = new double[x.length];
        java.util.Arrays.fill(one, 1);
        return new PlotTable.Builder("targeted_share", x).add("model", lift()).add("random", one).build();
    }

    /**
     * Returns the format {@code GainChart[m steps, lift at 10%=..]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "GainChart[" + (share.length - 1) + " steps]";
    }
}
