package org.crmkit.core.activity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Check;

/**
 * A touchpoint (接触点): a letter, call, visit, trade-show meeting, e-mail or web contact,
 * with what was said and what was promised.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id, not null
 * @param customerId the customer, not null
 * @param timestamp when, not null
 * @param channel the channel, not null
 * @param actor the employee who had the contact, not null
 * @param type the kind of touchpoint, not null
 * @param summary what was discussed, not blank
 * @param promises what was promised to the customer, not null, possibly empty
 */
public record Interaction(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
        InteractionType type, String summary, List<String> promises) implements Activity {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the summary or a promise is blank
     */
    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        summary = Check.text(summary, "summary");
        promises = Check.list(promises, "promises");
        promises.forEach(p -> Check.text(p, "promise"));
    }

    @Override
    public Interaction withCustomerId(CustomerId customer) {
        return new Interaction(id, customer, timestamp, channel, actor, type, summary, promises);
    }
}
