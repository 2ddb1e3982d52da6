package org.crmkit.scoring.basket;

/**
 * How {@link NextBestProduct} scores an item that a fired rule recommends.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Ranking {
    /** The rule's confidence: the estimated probability that the customer buys the item. */
    CONFIDENCE,
    /** The rule's lift: how much more likely than for a customer picked at random. */
    LIFT,
    /**
     * Expected value: confidence x the item's margin x the customer's probability of being
     * alive (still a customer) from a purchase model such as BG/NBD
     * ({@link org.crmkit.scoring.btyd.PurchaseModel#probabilityAlive}). Needs margins.
     */
    EXPECTED_VALUE
}
