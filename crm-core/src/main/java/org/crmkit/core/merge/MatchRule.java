package org.crmkit.core.merge;

import java.util.Optional;

/**
 * One comparison of two customer records inside a {@link MatchPolicy}: it returns evidence with
 * a contribution to the pair's score, or nothing when it does not apply (a value is missing on
 * one side). Built-in rules come from {@link MatchRules}; implement this interface for your own.
 *
 * <pre>{@code
 * MatchRule sameVatId = new MatchRule() {
 *     public String name() { return "vat-id"; }
 *     public Optional<MatchEvidence> compare(MatchFeatures a, MatchFeatures b) {
 *         Optional<String> x = a.customer().attributes().get(VAT_ID), y = b.customer().attributes().get(VAT_ID);
 *         return x.isPresent() && x.equals(y)
 *                 ? Optional.of(new MatchEvidence(name(), MatchReason.CUSTOM, 1.0, 8.0)) : Optional.empty();
 *     }
 * };
 * MatchPolicy policy = MatchPolicy.fuzzy().toBuilder().rule(sameVatId).build();
 * }</pre>
 *
 * <p>Implementations must be stateless or thread-safe, and cheap: the detector calls them for
 * every candidate pair.
 */
public interface MatchRule {
    /** @return the rule's name, as evidence reports it, not blank */
    String name();

    /**
     * Compares two records.
     *
     * @param a the first record's features, never null
     * @param b the second record's features, never null
     * @return the evidence, or empty if the rule does not apply to this pair
     */
    Optional<MatchEvidence> compare(MatchFeatures a, MatchFeatures b);
}
