package org.crmkit.core.campaign;

/**
 * Which side of a campaign a customer is on.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Arm {
    /** Contacted by the campaign. */
    TARGET,
    /** Held out on purpose and not contacted, to measure what would have happened anyway. */
    CONTROL
}
