package org.crmkit.core.store;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * The store's record that a customer's personal data was erased on request. It holds no
 * personal value: only the id, who erased it and when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param actor who carried out the erasure, not blank
 * @param at when, not null
 */
public record ErasureRecord(CustomerId customerId, String actor, Instant at) {
    /**
     * Validates the record.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the actor is blank
     */
    public ErasureRecord {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(at, "at");
        actor = Audit.actor(actor);
    }
}
