package org.crmkit.core.view;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.InteractionType;

/**
 * The latest interaction with a customer: when, by whom, how.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at when, not null
 * @param by who had the contact, not null
 * @param channel the channel, not null
 * @param type the kind of touchpoint, not null
 * @param interaction the id of the interaction, not null
 */
public record LastContact(Instant at, Actor by, Channel channel, InteractionType type, ActivityId interaction) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public LastContact {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(interaction, "interaction");
    }
}
