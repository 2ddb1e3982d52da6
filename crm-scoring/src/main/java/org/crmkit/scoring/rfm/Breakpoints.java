package org.crmkit.scoring.rfm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Fixed score thresholds, the alternative to quantiles: k - 1 strictly ascending
 * breakpoints define scores 1..k.
 *
 * <p>A value exactly on a breakpoint gets the better of the two scores. With
 * {@link ScoreDirection#HIGHER_IS_BETTER} the score is {@code 1 + #{j : value >= b_j}};
 * with {@link ScoreDirection#LOWER_IS_BETTER} it is {@code k - #{j : value > b_j}}, so a
 * value at or below the first breakpoint scores k.
 *
 * <pre>{@code
 * // days since last purchase: <= 30 scores 5, 31..90 scores 4, ... > 365 scores 1
 * Breakpoints recency = Breakpoints.of(30, 90, 180, 365);
 * BinnedScores r = recency.score(days, ScoreDirection.LOWER_IS_BETTER);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code equals} compares the breakpoints exactly.
 */
public final class Breakpoints {
    private final double[] points;

    private Breakpoints(double[] points) {
        this.points = points;
    }

    /**
     * Creates breakpoints.
     *
     * @param points the breakpoints, finite and strictly ascending, at least one and at
     *     most {@code QuantileScores.MAX_BINS - 1}
     * @return the breakpoints, never null
     * @throws IllegalArgumentException if the points are empty, too many, not finite or
     *     not strictly ascending (the message shows them)
     */
    public static Breakpoints of(double... points) {
        Objects.requireNonNull(points, "points");
        QuantileScores.checkBins(points.length + 1);
        for (int i = 0; i < points.length; i++) {
            if (!Double.isFinite(points[i]) || (i > 0 && !(points[i] > points[i - 1]))) {
                throw new IllegalArgumentException(
                        "breakpoints must be finite and strictly ascending: "
                                + Arrays.toString(points));
            }
        }
        return new Breakpoints(points.clone());
    }

    /**
     * Returns the number of scores, one more than the number of breakpoints.
     *
     * @return the number of bins
     */
    public int bins() {
        return points.length + 1;
    }

    /**
     * Returns a copy of the breakpoints.
     *
     * @return the breakpoints, ascending, never null
     */
    public double[] points() {
        return points.clone();
    }

    /**
     * Scores values against the breakpoints.
     *
     * @param values the values, not null, all finite
     * @param direction which end scores high, not null
     * @return the scores, never null
     * @throws IllegalArgumentException if a value is not finite (the message names it)
     */
    public BinnedScores score(double[] values, ScoreDirection direction) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(direction, "direction");
        byte[] scores = new byte[values.length];
        int k = bins();
        boolean higher = direction == ScoreDirection.HIGHER_IS_BETTER;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + v);
            }
            int passed = 0;
            if (higher) {
                while (passed < points.length && v >= points[passed]) {
                    passed++;
                }
                scores[i] = (byte) (1 + passed);
            } else {
                while (passed < points.length && v > points[passed]) {
                    passed++;
                }
                scores[i] = (byte) (k - passed);
            }
        }
        return new BinnedScores(scores, k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Breakpoints && Arrays.equals(points, ((Breakpoints) o).points);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(points);
    }

    /**
     * Returns {@code Breakpoints[b1, b2, ...]}.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "Breakpoints" + Arrays.toString(points);
    }
}
