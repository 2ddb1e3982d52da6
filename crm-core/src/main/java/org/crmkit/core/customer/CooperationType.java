package org.crmkit.core.customer;

/**
 * B2B classification by cooperation history.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum CooperationType {
    /** Cooperation has just started. */
    NEW,
    /** Long-standing cooperation. */
    OLD,
    /** Buys regularly under a standing arrangement. */
    FIXED,
    /** Buys now and then. */
    OCCASIONAL
}
