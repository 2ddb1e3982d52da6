package org.crmkit.core.merge;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.customer.CustomerId;

/**
 * Two customer records that may describe the same customer, with the score their match rules
 * gave and every piece of evidence behind it. The smaller id comes first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param first the smaller id, not null
 * @param second the larger id, not null
 * @param reasons the kinds of evidence that counted for the match, not null, not empty
 * @param score the sum of the rules' contributions, finite
 * @param evidence what each applicable rule found, in the policy's rule order, not null
 */
public record DuplicateCandidate(CustomerId first, CustomerId second, Set<MatchReason> reasons, double score,
        List<MatchEvidence> evidence) {
    /**
     * Validates the pair.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the ids are not in ascending order, no reason is given
     *     or the score is not finite
     */
    public DuplicateCandidate {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(reasons, "reasons");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("first id must be smaller than second: " + first + ", " + second);
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one reason: " + first + ", " + second);
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite: " + score);
        }
        reasons = java.util.Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    }

    /**
     * A candidate of the exact-key kind: score = number of reasons, no detailed evidence.
     *
     * @param first the smaller id, not null
     * @param second the larger id, not null
     * @param reasons why they matched, not null, not empty
     */
    public DuplicateCandidate(CustomerId first, CustomerId second, Set<MatchReason> reasons) {
        this(first, second, reasons, Objects.requireNonNull(reasons, "reasons").size(), List.of());
    }
}
