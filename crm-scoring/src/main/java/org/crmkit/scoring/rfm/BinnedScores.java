package org.crmkit.scoring.rfm;

import java.util.Arrays;

/**
 * Scores {@code 1 .. bins()} for a column of values, with the number of values per score
 * so that empty scores are visible rather than silent.
 *
 * <pre>{@code
 * BinnedScores f = QuantileScores.score(frequencies, 5, ScoreDirection.HIGHER_IS_BETTER);
 * if (f.emptyBins().length > 0) { ... } // ties made some scores impossible
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BinnedScores {
    private final byte[] scores;
    private final int bins;
    private final int[] counts;

    BinnedScores(byte[] scores, int bins) {
        this.scores = scores;
        this.bins = bins;
        this.counts = new int[bins + 1];
        for (byte s : scores) {
            counts[s]++;
        }
    }

    /**
     * Returns the number of scored values.
     *
     * @return the size
     */
    public int size() {
        return scores.length;
    }

    /**
     * Returns the number of possible scores k; scores run from 1 to k.
     *
     * @return the number of bins
     */
    public int bins() {
        return bins;
    }

    /**
     * Returns the score of value {@code i}.
     *
     * @param i the index, {@code 0 <= i < size()}
     * @return the score, {@code 1 <= score <= bins()}
     */
    public int score(int i) {
        return scores[i];
    }

    /**
     * Returns how many values got a score.
     *
     * @param score the score, {@code 1 <= score <= bins()}
     * @return the count, zero or more
     * @throws IllegalArgumentException if the score is out of range
     */
    public int count(int score) {
        if (score < 1 || score > bins) {
            throw new IllegalArgumentException("score must be in 1.." + bins + ": " + score);
        }
        return counts[score];
    }

    /**
     * Returns the scores that no value received, in ascending order (for example when
     * one value is shared by more than a bin's share of the customers).
     *
     * @return the empty scores, never null, possibly empty
     */
    public int[] emptyBins() {
        if (scores.length == 0) {
            return new int[0];
        }
        int[] empty = new int[bins];
        int n = 0;
        for (int s = 1; s <= bins; s++) {
            if (counts[s] == 0) {
                empty[n++] = s;
            }
        }
        return Arrays.copyOf(empty, n);
    }

    /**
     * Returns a copy of all scores.
     *
     * @return the scores in input order, never null
     */
    public byte[] scoreColumn() {
        return scores.clone();
    }

    byte[] raw() {
        return scores;
    }

    /**
     * Returns a description with the count per score, e.g.
     * {@code BinnedScores[bins=5, counts=[2, 2, 2, 2, 2]]}.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "BinnedScores[bins=" + bins + ", counts="
                + Arrays.toString(Arrays.copyOfRange(counts, 1, bins + 1)) + "]";
    }
}
