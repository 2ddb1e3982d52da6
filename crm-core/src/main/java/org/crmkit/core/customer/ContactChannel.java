package org.crmkit.core.customer;

/**
 * A channel through which a customer can be contacted, each with its own consent.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ContactChannel {
    /** E-mail. */
    EMAIL,
    /** Voice call. */
    PHONE,
    /** Text message to a mobile phone. */
    SMS,
    /** Letter to a postal address. */
    POSTAL_MAIL,
    /** Fax. */
    FAX,
    /** Visit in person at a postal address. */
    VISIT
}
