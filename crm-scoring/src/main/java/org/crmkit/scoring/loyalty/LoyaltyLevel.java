package org.crmkit.scoring.loyalty;

/**
 * The CRM material's four levels of brand loyalty (品牌忠诚度: 绝对, 强, 中等, 无), strongest
 * first.
 *
 * <pre>{@code
 * LoyaltyLevel level = BrandPattern.HARD_CORE.level();   // ABSOLUTE
 * level.atLeast(LoyaltyLevel.STRONG);                    // true
 * }</pre>
 */
public enum LoyaltyLevel {
    /** Buys one brand only. */
    ABSOLUTE,
    /** Buys within a small set of two or three brands. */
    STRONG,
    /** Moves from brand to brand over time, staying a while with each. */
    MEDIUM,
    /** No loyalty. */
    NONE;

    /**
     * Tells whether this level is at least as strong as another.
     *
     * @param other the level to compare with, not null
     * @return true if this level is the same or stronger
     */
    public boolean atLeast(LoyaltyLevel other) {
        return ordinal() <= java.util.Objects.requireNonNull(other, "other").ordinal();
    }

    /**
     * Returns the lower-case name, as written in CSV files.
     *
     * @return the label, never null
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
