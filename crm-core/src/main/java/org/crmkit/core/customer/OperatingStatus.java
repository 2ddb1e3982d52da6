package org.crmkit.core.customer;

/**
 * Operating status of an organization.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum OperatingStatus {
    /** Trading normally. */
    ACTIVE,
    /** Registered but not trading. */
    DORMANT,
    /** Being wound up. */
    IN_LIQUIDATION,
    /** No longer exists. */
    DISSOLVED
}
