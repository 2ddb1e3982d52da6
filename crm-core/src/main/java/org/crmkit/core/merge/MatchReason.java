package org.crmkit.core.merge;

/**
 * Why two customer records look like the same customer: the kind of evidence a match rule found.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum MatchReason {
    /** They share an e-mail address (normalised: lower case, the domain in ASCII form). */
    EMAIL,
    /** They share a phone number (digits only, or E.164 in the fuzzy policy). */
    PHONE,
    /** They have the same normalised name and share a normalised postal code (exact-key policy). */
    NAME_AND_POSTAL_CODE,
    /** Their names are alike by Jaro-Winkler similarity (or, with a negative contribution, unlike). */
    NAME,
    /** Given and family name have the same phonetic codes. */
    NAME_PHONETIC,
    /** They share a postal code. */
    POSTAL_CODE,
    /** Their birth dates agree (or, with a negative contribution, differ). */
    BIRTH_DATE,
    /** A rule of the application's own. */
    CUSTOM
}
