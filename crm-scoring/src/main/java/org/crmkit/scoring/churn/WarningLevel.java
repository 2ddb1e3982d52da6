package org.crmkit.scoring.churn;

/**
 * How urgently a customer needs attention: the churn warning's level, from
 * {@link #NONE} to {@link #CRITICAL}. The order of the constants is the order of urgency.
 *
 * <pre>{@code
 * WarningLevel level = WarningPolicy.defaults().modelLevel(0.93);   // CRITICAL
 * level.compareTo(WarningLevel.WATCH) > 0;                          // true
 * }</pre>
 */
public enum WarningLevel {
    /** Nothing to do. */
    NONE,
    /** Keep an eye on the customer. */
    WATCH,
    /** Act: the customer is likely to leave. */
    WARNING,
    /** Act now: the customer is very likely to leave or has other strong signs. */
    CRITICAL;

    /**
     * Returns the next more urgent level, {@link #CRITICAL} staying critical.
     *
     * @return the raised level, never null
     */
    public WarningLevel raise() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }

    /**
     * Returns the level's lower-case name as written in CSV files, e.g. {@code "watch"}.
     *
     * @return the name, never null
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
