package org.crmkit.core.activity;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Check;

/**
 * An after-sales, warranty, installation or maintenance request.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id, not null
 * @param customerId the customer, not null
 * @param timestamp when it was requested, not null
 * @param channel the channel, not null
 * @param actor who recorded or handles it, not null
 * @param kind the kind of service, not null
 * @param product the product concerned, not blank
 * @param description what is needed, not blank
 * @param closedAt when it was completed (not before the request), or null while open
 */
public record ServiceRequest(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
        ServiceKind kind, String product, String description, Instant closedAt) implements Activity {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if a text is blank or closedAt precedes the request
     */
    public ServiceRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(kind, "kind");
        product = Check.text(product, "product");
        description = Check.text(description, "description");
        if (closedAt != null && closedAt.isBefore(timestamp)) {
            throw new IllegalArgumentException("closedAt " + closedAt + " precedes the request at " + timestamp);
        }
    }

    /**
     * Returns the request closed at an instant.
     *
     * @param at when it was completed, not null, not before the request
     * @return the closed request, never null
     * @throws IllegalStateException if already closed
     * @throws IllegalArgumentException if {@code at} precedes the request
     */
    public ServiceRequest close(Instant at) {
        if (closedAt != null) {
            throw new IllegalStateException("service request " + id + " was already closed at " + closedAt);
        }
        return new ServiceRequest(id, customerId, timestamp, channel, actor, kind, product, description,
                Objects.requireNonNull(at, "at"));
    }

    /**
     * Tells whether the request is still open.
     *
     * @return true if not closed
     */
    public boolean isOpen() {
        return closedAt == null;
    }

    @Override
    public ServiceRequest withCustomerId(CustomerId customer) {
        return new ServiceRequest(id, customer, timestamp, channel, actor, kind, product, description, closedAt);
    }
}
