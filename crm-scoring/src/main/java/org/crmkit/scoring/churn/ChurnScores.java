package org.crmkit.scoring.churn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;

/**
 * The churn scores of a customer base, column by column, from {@link ChurnScorer#score}:
 * risk, P(alive), the level from the model risk and the hiatus (the evidence a summary
 * holds), and the value at risk when the scorer has a spend model.
 *
 * <pre>{@code
 * ChurnScores scores = scorer.score(summaries);
 * double risk = scores.risk(0);
 * Map<WarningLevel, Integer> counts = scores.countByLevel();
 * List<ChurnWarning> top = scores.watchList(10);
 * }</pre>
 *
 * <p>Immutable (arrays are copied out) and thread-safe.
 */
public final class ChurnScores {

    private final ChurnScorer scorer;
    private final String[] ids;
    private final double[] x;
    private final double[] tx;
    private final double[] age;
    private final double[] risk;
    private final double[] alive;
    private final byte[] levels;
    private final double[] value;

    ChurnScores(ChurnScorer scorer, String[] ids, double[] x, double[] tx, double[] age, double[] risk,
            double[] alive, byte[] levels, double[] value) {
        this.scorer = scorer;
        this.ids = ids;
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.risk = risk;
        this.alive = alive;
        this.levels = levels;
        this.value = value;
    }

    /**
     * Returns the number of customers.
     *
     * @return the size, {@code >= 0}
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns a customer's id.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the id, never null
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public String customerId(int i) {
        return ids[i];
    }

    /**
     * Returns a customer's risk, the probability of no purchase in the window.
     *
     * @param i the row
     * @return the risk in [0, 1]
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public double risk(int i) {
        return risk[i];
    }

    /**
     * Returns a customer's probability of being alive.
     *
     * @param i the row
     * @return P(alive) in [0, 1]
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public double probabilityAlive(int i) {
        return alive[i];
    }

    /**
     * Returns a customer's level from the model risk and the hiatus rule.
     *
     * @param i the row
     * @return the level, never null
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public WarningLevel level(int i) {
        return WarningLevel.values()[levels[i]];
    }

    /**
     * Tells whether values at risk were computed (the scorer had a spend model).
     *
     * @return true if {@link #valueAtRisk(int)} is available
     */
    public boolean hasValue() {
        return value != null;
    }

    /**
     * Returns a customer's value at risk.
     *
     * @param i the row
     * @return risk times the expected residual lifetime value, finite and {@code >= 0}
     * @throws IllegalStateException if no spend model was given
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public double valueAtRisk(int i) {
        if (value == null) {
            throw new IllegalStateException("no value at risk: the scorer has no spend model");
        }
        return value[i];
    }

    /**
     * Returns every customer's risk.
     *
     * @return a copy of the risk column, never null
     */
    public double[] riskColumn() {
        return risk.clone();
    }

    /**
     * Returns every customer's P(alive).
     *
     * @return a copy of the column, never null
     */
    public double[] probabilityAliveColumn() {
        return alive.clone();
    }

    /**
     * Returns one customer's warning with its reasons (from the summary: model risk and hiatus).
     *
     * @param i the row
     * @return the warning, never null
     * @throws IndexOutOfBoundsException if the row is out of range
     */
    public ChurnWarning warning(int i) {
        ChurnAssessment a = scorer.policy().assess(risk[i], alive[i], scorer.window(), x[i], tx[i], age[i],
                ChurnEvidence.none());
        return new ChurnWarning(ids[i], risk[i], alive[i], a,
                value == null ? OptionalDouble.empty() : OptionalDouble.of(value[i]));
    }

    /**
     * Returns the number of customers per level, every level present.
     *
     * @return an unmodifiable map in level order, never null
     */
    public Map<WarningLevel, Integer> countByLevel() {
        int[] counts = new int[WarningLevel.values().length];
        for (byte b : levels) {
            counts[b]++;
        }
        Map<WarningLevel, Integer> m = new EnumMap<>(WarningLevel.class);
        for (WarningLevel l : WarningLevel.values()) {
            m.put(l, counts[l.ordinal()]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Returns the watch list: the customers with a level above {@link WarningLevel#NONE},
     * highest value at risk first (without a spend model: highest risk first); ties by
     * higher risk, then by customer id.
     *
     * @param k the maximum length, {@code >= 0}
     * @return at most k warnings, never null
     * @throws IllegalArgumentException if k is negative
     */
    public List<ChurnWarning> watchList(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k " + k + " is negative");
        }
        double[] key = value != null ? value : risk;
        Comparator<Integer> order = Comparator.<Integer>comparingDouble(i -> key[i])
                .thenComparingDouble(i -> risk[i])
                .thenComparing(i -> ids[i], Comparator.reverseOrder());
        PriorityQueue<Integer> heap = new PriorityQueue<>(Math.max(1, k + 1), order);
        for (int i = 0; i < ids.length && k > 0; i++) {
            if (levels[i] == 0) {
                continue;
            }
            heap.add(i);
            if (heap.size() > k) {
                heap.poll();
            }
        }
        List<Integer> rows = new ArrayList<>(heap);
        rows.sort(order.reversed());
        List<ChurnWarning> out = new ArrayList<>(rows.size());
        for (int i : rows) {
            out.add(warning(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ChurnScores[" + ids.length + " customers, " + countByLevel() + "]";
    }

}
