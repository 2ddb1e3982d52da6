package org.crmkit.core.customer;

/**
 * Psychographic lifestyle.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Lifestyle {
    /** Frugal: economy first. */
    FRUGAL,
    /** Fashion-oriented. */
    FASHION,
    /** Young urban professional. */
    YUPPIE
}
