package org.crmkit.scoring.concentration;

/**
 * ABC classes of customers by cumulative share of revenue (the 80/20 rule).
 *
 * <p>Immutable and thread-safe.
 */
public enum AbcClass {
    /** The top customers who together bring the first share (default 80 %). */
    A,
    /** The next customers up to the second share (default 95 %). */
    B,
    /** The rest. */
    C
}
