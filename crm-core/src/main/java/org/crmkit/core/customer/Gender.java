package org.crmkit.core.customer;

/**
 * Gender as recorded by the customer.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Gender {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Diverse or non-binary. */
    DIVERSE,
    /** Not disclosed. */
    UNDISCLOSED
}
