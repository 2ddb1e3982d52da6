package org.crmkit.core.customer;

/**
 * Credit rating on the usual letter scale, best first.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum CreditRating {
    /** Highest quality. */
    AAA,
    /** Very high quality. */
    AA,
    /** High quality. */
    A,
    /** Good quality. */
    BBB,
    /** Speculative. */
    BB,
    /** Highly speculative. */
    B,
    /** Substantial risk. */
    CCC,
    /** Very high risk. */
    CC,
    /** Near default. */
    C,
    /** In default. */
    D
}
