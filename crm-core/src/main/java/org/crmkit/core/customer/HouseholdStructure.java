package org.crmkit.core.customer;

/**
 * Structure of the household the person lives in.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum HouseholdStructure {
    /** Lives alone. */
    SINGLE_PERSON,
    /** Couple without children at home. */
    COUPLE,
    /** Couple with children at home. */
    COUPLE_WITH_CHILDREN,
    /** One parent with children at home. */
    SINGLE_PARENT,
    /** Several generations under one roof. */
    MULTI_GENERATION,
    /** Shared household of unrelated adults. */
    SHARED
}
