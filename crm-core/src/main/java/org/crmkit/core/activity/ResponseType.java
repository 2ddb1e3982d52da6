package org.crmkit.core.activity;

/**
 * How a customer responded to a campaign.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ResponseType {
    /** Placed an order. */
    ORDER,
    /** Asked for information. */
    INQUIRY,
    /** Answered a survey. */
    SURVEY,
    /** Responded to an advertisement. */
    AD_RESPONSE,
    /** Redeemed a promotion. */
    PROMOTION
}
