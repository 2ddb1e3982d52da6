package org.crmkit.scoring.rfm;

/**
 * An inclusive range of scores, {@code min..max}, as used by segment rules.
 *
 * <p>JSON form: {@code {"min":4,"max":5}}. Immutable and thread-safe.
 *
 * @param min the lowest score in the range, {@code >= 1}
 * @param max the highest score in the range, {@code >= min}
 */
public record ScoreRange(int min, int max) {
    /**
     * Validates the range.
     *
     * @param min see the record component
     * @param max see the record component
     * @throws IllegalArgumentException if {@code min < 1} or {@code max < min}
     */
    public ScoreRange {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("score range must satisfy 1 <= min <= max: "
                    + min + ".." + max);
        }
    }

    /**
     * Creates a range.
     *
     * @param min the lowest score, {@code >= 1}
     * @param max the highest score, {@code >= min}
     * @return the range, never null
     * @throws IllegalArgumentException if the bounds are invalid
     */
    public static ScoreRange of(int min, int max) {
        return new ScoreRange(min, max);
    }

    /**
     * Tells whether a score lies in the range.
     *
     * @param score the score
     * @return true if {@code min <= score <= max}
     */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }
}
