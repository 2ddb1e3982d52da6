package org.crmkit.core.customer;

/**
 * Monthly income band, relative to the market's median household income.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum IncomeBand {
    /** Below 50% of the median. */
    LOW,
    /** 50% to 90% of the median. */
    LOWER_MIDDLE,
    /** 90% to 150% of the median. */
    MIDDLE,
    /** 150% to 250% of the median. */
    UPPER_MIDDLE,
    /** Above 250% of the median. */
    HIGH
}
