package org.crmkit.core.activity;

/**
 * The kind of a touchpoint (接触点).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum InteractionType {
    /** A letter. */
    LETTER,
    /** A phone call. */
    PHONE_CALL,
    /** A personal visit. */
    VISIT,
    /** A meeting at a trade show. */
    TRADE_SHOW,
    /** An e-mail. */
    EMAIL,
    /** A web contact such as chat or form. */
    WEB
}
