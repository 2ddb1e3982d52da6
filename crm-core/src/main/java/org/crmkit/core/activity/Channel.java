package org.crmkit.core.activity;

/**
 * The channel through which an activity happened.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Channel {
    /** In a shop or branch. */
    STORE,
    /** On the web site. */
    WEB,
    /** In the mobile app. */
    MOBILE_APP,
    /** By phone. */
    PHONE,
    /** By e-mail. */
    EMAIL,
    /** By letter. */
    LETTER,
    /** At a visit of a sales rep. */
    VISIT,
    /** At a trade show. */
    TRADE_SHOW,
    /** Through the call centre. */
    CALL_CENTER,
    /** Through a partner or reseller. */
    PARTNER
}
