package org.crmkit.core.customer;

/**
 * Kind of customer account.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum AccountType {
    /** Pays on order. */
    CASH,
    /** Buys on credit terms. */
    CREDIT,
    /** Pays in advance. */
    PREPAID,
    /** Key account with negotiated terms. */
    KEY_ACCOUNT
}
