package org.crmkit.core.customer;

/**
 * Highest completed level of education.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Education {
    /** Primary school. */
    PRIMARY,
    /** Secondary school. */
    SECONDARY,
    /** Vocational training. */
    VOCATIONAL,
    /** Bachelor's degree or equivalent. */
    BACHELOR,
    /** Master's degree or equivalent. */
    MASTER,
    /** Doctorate. */
    DOCTORATE
}
