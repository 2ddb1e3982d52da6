package org.crmkit.core.customer;

/**
 * State of a customer's consent for one contact channel.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ConsentState {
    /** The customer agreed to be contacted. */
    GRANTED,
    /** The customer refused. */
    DENIED,
    /** Not asked yet. */
    UNKNOWN
}
