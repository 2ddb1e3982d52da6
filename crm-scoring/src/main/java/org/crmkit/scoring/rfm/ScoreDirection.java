package org.crmkit.scoring.rfm;

/**
 * Which end of a measure earns the high score.
 *
 * <p>Immutable and thread-safe.
 */
public enum ScoreDirection {
    /** Larger values score higher (frequency, monetary value). */
    HIGHER_IS_BETTER,
    /** Smaller values score higher (time since the last purchase: recent is high). */
    LOWER_IS_BETTER
}
