package org.crmkit.core.merge;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.customer.CustomerId;

/**
 * Two customer records that may describe the same customer, with every reason they matched.
 * The smaller id comes first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param first the smaller id, not null
 * @param second the larger id, not null
 * @param reasons why they matched, not null, not empty
 */
public record DuplicateCandidate(CustomerId first, CustomerId second, Set<MatchReason> reasons) {
    /**
     * Validates the pair.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the ids are not in ascending order or no reason is given
     */
    public DuplicateCandidate {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(reasons, "reasons");
        if (first.compareTo(second) >= 0) {
            throw new IllegalArgumentException("first id must be smaller than second: " + first + ", " + second);
        }
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one reason: " + first + ", " + second);
        }
        reasons = java.util.Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    }
}
