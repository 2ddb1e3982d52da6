package org.crmkit.core.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * The consent recorded for one contact channel, with the do-not-contact flag and when it
 * was recorded.
 *
 * <p>A channel is usable only if consent is {@link ConsentState#GRANTED} and the
 * do-not-contact flag is not set ({@link #permitsContact()}). Immutable and thread-safe.
 *
 * @param channel the channel, not null
 * @param state the consent state, not null
 * @param doNotContact true if the customer asked not to be contacted on this channel
 * @param recordedAt when this was recorded, not null
 */
public record ChannelConsent(ContactChannel channel, ConsentState state, boolean doNotContact, Instant recordedAt) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if do-not-contact is combined with granted consent
     */
    public ChannelConsent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (doNotContact && state == ConsentState.GRANTED) {
            throw new IllegalArgumentException("channel " + channel + " cannot be both GRANTED and do-not-contact");
        }
    }

    /**
     * Tells whether this consent allows contacting the customer.
     *
     * @return true if granted and not marked do-not-contact
     */
    public boolean permitsContact() {
        return state == ConsentState.GRANTED && !doNotContact;
    }
}
