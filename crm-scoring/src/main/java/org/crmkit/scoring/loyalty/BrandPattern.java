package org.crmkit.scoring.loyalty;

/**
 * The behavioural brand-loyalty pattern of a purchase sequence, after Brown (1952), "Brand
 * loyalty - fact or fiction?", Advertising Age 23, as taught in Kotler's Marketing
 * Management (the four patterns of brand A, B, C purchases): hard-core {@code AAAAAA},
 * split {@code AABABB}, shifting {@code AAABBB}, switcher {@code ABCDBD}. Each pattern maps
 * onto one of the CRM material's four loyalty levels ({@link #level()}).
 *
 * <pre>{@code
 * BrandPattern.SPLIT.level();   // LoyaltyLevel.STRONG
 * }</pre>
 */
public enum BrandPattern {
    /** One brand throughout: absolute loyalty. */
    HARD_CORE(LoyaltyLevel.ABSOLUTE),
    /** Two or three brands alternating: strong loyalty (to a small set). */
    SPLIT(LoyaltyLevel.STRONG),
    /** Moved from one brand to another: medium loyalty. */
    SHIFTING(LoyaltyLevel.MEDIUM),
    /** No pattern: no loyalty. */
    SWITCHER(LoyaltyLevel.NONE),
    /** Too few purchases to tell: no loyalty shown yet. */
    UNDETERMINED(LoyaltyLevel.NONE);

    private final LoyaltyLevel level;

    BrandPattern(LoyaltyLevel level) {
        this.level = level;
    }

    /**
     * Returns the loyalty level of this pattern.
     *
     * @return the level, never null
     */
    public LoyaltyLevel level() {
        return level;
    }

    /**
     * Returns the lower-case name with hyphens, as written in CSV files, e.g. {@code hard-core}.
     *
     * @return the label, never null
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
