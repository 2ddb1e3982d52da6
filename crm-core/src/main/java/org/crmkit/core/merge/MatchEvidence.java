package org.crmkit.core.merge;

import java.util.Objects;

/**
 * What one match rule found for a pair of records: how similar the compared values are and how
 * much that added to (or, when negative, took from) the pair's score. It holds no personal
 * values, so it can be logged.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule's name, not blank
 * @param reason the kind of evidence, not null
 * @param similarity how alike the values are, in [0, 1]
 * @param contribution the points added to the score (negative for evidence against), finite
 */
public record MatchEvidence(String rule, MatchReason reason, double similarity, double contribution) {
    /**
     * Validates the evidence.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the rule is blank, the similarity outside [0, 1] or the
     *     contribution not finite
     */
    public MatchEvidence {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        if (rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank");
        }
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in [0, 1]: " + similarity);
        }
        if (!Double.isFinite(contribution)) {
            throw new IllegalArgumentException("contribution must be finite: " + contribution);
        }
    }
}
