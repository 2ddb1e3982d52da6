package org.crmkit.core.customer;

/**
 * Size class of an organization by head count (EU recommendation 2003/361/EC: small below 50, medium below 250 employees).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum CompanySize {
    /** Fewer than 50 employees. */
    SMALL,
    /** 50 to 249 employees. */
    MEDIUM,
    /** 250 employees or more. */
    LARGE
}
