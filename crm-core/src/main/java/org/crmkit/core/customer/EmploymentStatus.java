package org.crmkit.core.customer;

/**
 * Employment status.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum EmploymentStatus {
    /** Employed. */
    EMPLOYED,
    /** Self-employed. */
    SELF_EMPLOYED,
    /** Unemployed. */
    UNEMPLOYED,
    /** In education. */
    STUDENT,
    /** Retired. */
    RETIRED,
    /** Homemaker. */
    HOMEMAKER
}
