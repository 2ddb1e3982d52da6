package org.crmkit.core.activity;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Check;
import org.crmkit.core.money.Money;

/**
 * A customer's response to a marketing campaign, with the value it brought.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id, not null
 * @param customerId the customer, not null
 * @param timestamp when, not null
 * @param channel the response channel, not null
 * @param actor who recorded it, not null
 * @param campaign the campaign code, not blank
 * @param type the kind of response, not null
 * @param value the value of the response (order value, or zero), not null, not negative
 */
public record CampaignResponse(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
        String campaign, ResponseType type, Money value) implements Activity {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the campaign is blank or the value negative
     */
    public CampaignResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        campaign = Check.text(campaign, "campaign");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isNegative()) {
            throw new IllegalArgumentException("value of a campaign response must not be negative: " + value);
        }
    }

    @Override
    public CampaignResponse withCustomerId(CustomerId customer) {
        return new CampaignResponse(id, customer, timestamp, channel, actor, campaign, type, value);
    }
}
