package org.crmkit.core.customer;

/**
 * Classification by status (客户分类): the stages of the status pipeline.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum CustomerStatus {
    /** Potential customer (潜在客户): known, not yet in contact. */
    POTENTIAL,
    /** Intention customer (意向客户): has shown intention to buy. */
    INTENTION,
    /** Current customer (现有客户): buys or holds a contract. */
    CURRENT,
    /** Terminated customer (已终止合作客户): the relationship has ended. */
    TERMINATED
}
