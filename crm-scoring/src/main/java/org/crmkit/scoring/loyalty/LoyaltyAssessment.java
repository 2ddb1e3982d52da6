package org.crmkit.scoring.loyalty;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer's Dick and Basu cell with the reasons for it, from {@link LoyaltyIdentifier}.
 *
 * <pre>{@code
 * LoyaltyAssessment a = LoyaltyIdentifier.defaults().assess(evidence);
 * if (a.cell() == LoyaltyCell.SPURIOUS) { ... }   // buys, but unhappy: fix the relationship
 * a.reasons();                                    // ["6 repeat purchases >= 2", "NPS 4 <= 6: detractor", ...]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param cell the cell, not null
 * @param highPatronage whether repeat patronage is high
 * @param highAttitude whether the attitude is high, empty when no survey answer is known
 * @param reasons each rule's outcome with its figure, not null
 */
public record LoyaltyAssessment(String customerId, LoyaltyCell cell, boolean highPatronage,
        Optional<Boolean> highAttitude, List<String> reasons) {
    /** @throws NullPointerException if a component is null */
    public LoyaltyAssessment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(highAttitude, "highAttitude");
        reasons = List.copyOf(reasons);
    }
}
