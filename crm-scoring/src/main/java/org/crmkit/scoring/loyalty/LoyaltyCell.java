package org.crmkit.scoring.loyalty;

/**
 * The four cells of Dick and Basu (1994), "Customer loyalty: toward an integrated
 * conceptual framework", Journal of the Academy of Marketing Science 22(2), 99-113:
 * relative attitude (high / low) crossed with repeat patronage (high / low).
 *
 * <pre>{@code
 * LoyaltyCell.of(true, true);    // TRUE_LOYALTY
 * LoyaltyCell.of(false, true);   // SPURIOUS: buys often but does not like us
 * }</pre>
 */
public enum LoyaltyCell {
    /** High attitude, high repeat patronage: the loyal customers. */
    TRUE_LOYALTY,
    /** High attitude, low repeat patronage: something (price, access) holds them back. */
    LATENT,
    /** Low attitude, high repeat patronage: inertia or convenience; the first to leave. */
    SPURIOUS,
    /** Low attitude, low repeat patronage. */
    NONE,
    /** No survey answer, so the attitude and the cell are not known. */
    UNDETERMINED;

    /**
     * Returns the cell of an attitude and a patronage.
     *
     * @param highAttitude whether the relative attitude is high
     * @param highPatronage whether repeat patronage is high
     * @return the cell, never null (never {@link #UNDETERMINED})
     */
    public static LoyaltyCell of(boolean highAttitude, boolean highPatronage) {
        return highAttitude ? (highPatronage ? TRUE_LOYALTY : LATENT) : (highPatronage ? SPURIOUS : NONE);
    }

    /**
     * Returns the lower-case name with hyphens, e.g. {@code true-loyalty}.
     *
     * @return the label, never null
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
