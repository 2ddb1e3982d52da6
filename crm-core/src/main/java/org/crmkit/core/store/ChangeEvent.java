package org.crmkit.core.store;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * A committed change of one customer, as a {@link ChangeListener} and the JDBC store's outbox
 * table report it. It carries ids and versions only, never personal data, so it can be
 * forwarded to a search index or a data warehouse, which then reads what it needs.
 *
 * <pre>{@code
 * store.addListener(event -> index.refresh(event.customerId()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequence the store's sequence number of the change, increasing in commit order for one
 *     store instance (the JDBC outbox's identity column); at least 1
 * @param type what changed, not null
 * @param customerId the customer, not null
 * @param version the customer's version after the change (0 after a removal)
 * @param at when the store committed it, by the store's clock, not null
 */
public record ChangeEvent(long sequence, ChangeType type, CustomerId customerId, long version, Instant at) {
    /**
     * Validates the event.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the sequence is below 1 or the version negative
     */
    public ChangeEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(at, "at");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }
}
