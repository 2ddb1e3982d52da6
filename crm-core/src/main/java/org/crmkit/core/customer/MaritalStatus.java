package org.crmkit.core.customer;

/**
 * Marital status.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum MaritalStatus {
    /** Never married. */
    SINGLE,
    /** Married. */
    MARRIED,
    /** In a registered or de-facto partnership. */
    PARTNERED,
    /** Divorced or separated. */
    DIVORCED,
    /** Widowed. */
    WIDOWED
}
