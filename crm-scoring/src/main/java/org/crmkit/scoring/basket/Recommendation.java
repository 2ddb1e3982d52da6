package org.crmkit.scoring.basket;

import java.util.Objects;

/**
 * One next-best-product offer: an item the customer does not own, its score and the rule
 * that fired for it.
 *
 * <pre>{@code
 * Recommendation r = nbp.recommend(Set.of("garden"), 1).get(0);
 * r.item();    // "tools"
 * r.rule();    // {garden} => {tools}
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code equals} compares the score exactly.
 *
 * @param item the recommended item, not blank
 * @param score the score under the {@link Ranking} used, finite and {@code >= 0}
 * @param rule the rule behind the offer, whose rhs holds the item, not null
 */
public record Recommendation(String item, double score, AssociationRule rule) {
    /**
     * Validates the offer.
     *
     * @throws IllegalArgumentException if the item is blank or not in the rule's rhs, or the
     *     score is negative or not finite
     */
    public Recommendation {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(rule, "rule");
        if (item.isBlank()) {
            throw new IllegalArgumentException("item is blank");
        }
        if (!rule.rhs().contains(item)) {
            throw new IllegalArgumentException("item " + item + " is not in the rhs of " + rule);
        }
        if (!(score >= 0 && Double.isFinite(score))) {
            throw new IllegalArgumentException("score must be finite and >= 0: " + score);
        }
    }
}
