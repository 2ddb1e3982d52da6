package org.crmkit.core.customer;

/**
 * Relationship type chosen by number of customers and margin (Kotler): from basic for many low-margin customers to partnership for few high-margin ones.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum RelationshipType {
    /** Sell and leave it there. */
    BASIC,
    /** Sell and invite the customer to call with problems. */
    REACTIVE,
    /** Call the customer after the sale to check satisfaction. */
    ACCOUNTABLE,
    /** Contact the customer regularly with improvements. */
    PROACTIVE,
    /** Work continuously with the customer to deliver value. */
    PARTNERSHIP
}
