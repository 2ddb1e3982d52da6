package org.crmkit.core.customer;

/**
 * Kind of phone line.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum PhoneType {
    /** Mobile phone, can receive SMS. */
    MOBILE,
    /** Fixed line. */
    LANDLINE,
    /** Fax line. */
    FAX
}
