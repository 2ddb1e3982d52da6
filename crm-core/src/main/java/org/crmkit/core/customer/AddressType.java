package org.crmkit.core.customer;

/**
 * Settlement type of a postal address.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum AddressType {
    /** In a city. */
    URBAN,
    /** In a suburb. */
    SUBURBAN,
    /** In the countryside. */
    RURAL
}
