package org.crmkit.core.store;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * The store's record that a duplicate was merged into a surviving customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param survivorId the customer that stayed, not null
 * @param mergedAwayId the record merged into it, not null, not the survivor
 * @param actor who merged them, not blank
 * @param at when, not null
 */
public record MergeRecord(CustomerId survivorId, CustomerId mergedAwayId, String actor, Instant at) {
    /**
     * Validates the record.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the ids are equal or the actor is blank
     */
    public MergeRecord {
        Objects.requireNonNull(survivorId, "survivorId");
        Objects.requireNonNull(mergedAwayId, "mergedAwayId");
        Objects.requireNonNull(at, "at");
        actor = Audit.actor(actor);
        if (survivorId.equals(mergedAwayId)) {
            throw new IllegalArgumentException("a customer cannot be merged into itself: " + survivorId);
        }
    }
}
