package org.crmkit.core.activity;

/**
 * Net promoter category of an answer on the 0..10 scale (Reichheld 2003, Harvard Business Review 81(12)).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum NpsCategory {
    /** 0 to 6. */
    DETRACTOR,
    /** 7 or 8. */
    PASSIVE,
    /** 9 or 10. */
    PROMOTER
}
