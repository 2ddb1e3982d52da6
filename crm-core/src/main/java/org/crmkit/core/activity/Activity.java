package org.crmkit.core.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * Something a customer did, or something done with a customer, at one instant.
 *
 * <p>Each activity has its own id, the customer it belongs to, a timestamp, the channel
 * and the actor who carried it out or recorded it. Activities are immutable; a complaint
 * that moves on is a new {@link Complaint} value with the same id.
 *
 * <pre>{@code
 * Activity a = Purchase.of(ActivityId.of("P-1"), customerId, at, Channel.WEB, Actor.CUSTOMER,
 *         "SKU-42", "books", 2, Money.of("EUR", "31.80"));
 * a.requireNotAfter(clock);   // throws FutureTimestampException when dated after now
 * }</pre>
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Activity
        permits Purchase, Interaction, CampaignResponse, Complaint, ServiceRequest, SatisfactionSurvey {
    /** @return the activity id, never null */
    ActivityId id();

    /** @return the customer the activity belongs to, never null */
    CustomerId customerId();

    /** @return when it happened, never null */
    Instant timestamp();

    /** @return the channel, never null */
    Channel channel();

    /** @return who carried it out or recorded it, never null */
    Actor actor();

    /**
     * Returns the same activity re-assigned to another customer; used when merging
     * duplicates.
     *
     * @param customer the new customer, not null
     * @return the re-assigned copy, never null
     */
    Activity withCustomerId(CustomerId customer);

    /**
     * Checks that the activity is not dated after the clock's current instant.
     *
     * @param clock the clock, not null
     * @return this activity
     * @throws FutureTimestampException if the timestamp is after now
     */
    default Activity requireNotAfter(Clock clock) {
        Instant now = Objects.requireNonNull(clock, "clock").instant();
        if (timestamp().isAfter(now)) {
            throw new FutureTimestampException("timestamp of activity " + id(), timestamp(), now);
        }
        return this;
    }
}
