package org.crmkit.core.customer;

/**
 * The lawful basis of processing, after the six bases of GDPR Art. 6(1) (a) to (f).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum LegalBasis {
    /** (a) the data subject has given consent. */
    CONSENT,
    /** (b) necessary for a contract with the data subject. */
    CONTRACT,
    /** (c) necessary for a legal obligation of the controller. */
    LEGAL_OBLIGATION,
    /** (d) necessary to protect vital interests. */
    VITAL_INTERESTS,
    /** (e) necessary for a task in the public interest. */
    PUBLIC_TASK,
    /** (f) necessary for the legitimate interests of the controller. */
    LEGITIMATE_INTERESTS
}
