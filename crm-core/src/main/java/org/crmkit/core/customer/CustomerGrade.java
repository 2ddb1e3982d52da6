package org.crmkit.core.customer;

/**
 * Grade within a status: for current customers A key, B qualified, C unqualified; for intention customers A can sign soon, B needs time.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum CustomerGrade {
    /** Key customer, or an intention customer who can sign soon. */
    A,
    /** Qualified customer, or an intention customer who needs time. */
    B,
    /** Unqualified customer. */
    C
}
