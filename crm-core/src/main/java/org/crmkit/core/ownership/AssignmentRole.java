package org.crmkit.core.ownership;

/**
 * The role an account manager plays for a customer.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum AssignmentRole {
    /** The one manager primarily responsible; at most one at a time. */
    PRIMARY,
    /** A supporting manager, for example a key-account team member. */
    SUPPORT
}
