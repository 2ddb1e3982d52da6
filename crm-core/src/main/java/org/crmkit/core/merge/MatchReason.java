package org.crmkit.core.merge;

/**
 * Why two customer records look like the same customer.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum MatchReason {
    /** They share an e-mail address, compared in lower case. */
    EMAIL,
    /** They share a phone number, compared as digits only. */
    PHONE,
    /** They have the same normalised name and share a normalised postal code. */
    NAME_AND_POSTAL_CODE
}
