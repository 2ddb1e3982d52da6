package org.crmkit.scoring.loyalty;

import java.util.List;
import java.util.Objects;

/**
 * One customer's behavioural brand loyalty, from {@link BrandPatternClassifier}.
 *
 * <pre>{@code
 * BrandLoyalty b = classifier.classify("C-1", List.of("A", "A", "B", "A", "B", "B"));
 * b.pattern();        // SPLIT
 * b.level();          // STRONG
 * b.reasons();        // ["2 brands cover 100% of 6 purchases, alternating in 4 runs"]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param pattern the pattern, not null
 * @param leadingBrand the most bought brand (the latest on a tie), not null
 * @param leadingShare its share of the purchases, in [0, 1]
 * @param purchases the number of purchases, {@code >= 0}
 * @param runs the number of runs of the same brand, {@code >= 0}
 * @param reasons why the pattern was chosen, with the figures, not null
 */
public record BrandLoyalty(String customerId, BrandPattern pattern, String leadingBrand, double leadingShare,
        int purchases, int runs, List<String> reasons) {
    /** @throws IllegalArgumentException if a figure is out of range */
    public BrandLoyalty {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(leadingBrand, "leadingBrand");
        reasons = List.copyOf(reasons);
        if (!(leadingShare >= 0 && leadingShare <= 1) || purchases < 0 || runs < 0 || runs > purchases) {
            throw new IllegalArgumentException("share " + leadingShare + ", purchases " + purchases + ", runs " + runs
                    + " are inconsistent");
        }
    }

    /**
     * Returns the loyalty level of the pattern.
     *
     * @return the level, never null
     */
    public LoyaltyLevel level() {
        return pattern.level();
    }
}
