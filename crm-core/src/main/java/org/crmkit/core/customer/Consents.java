package org.crmkit.core.customer;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-channel consent of one customer. A channel never asked is {@link ConsentState#UNKNOWN}
 * and is not contactable. An opt-out takes effect at once ({@link #optOut}) and cannot be
 * undone by an older record: every change must be dated no earlier than the channel's
 * current record.
 *
 * <pre>{@code
 * Consents consents = Consents.none()
 *         .grant(ContactChannel.EMAIL, Instant.parse("2024-01-01T00:00:00Z"))
 *         .optOut(ContactChannel.EMAIL, Instant.parse("2024-02-01T00:00:00Z"));
 * consents.permits(ContactChannel.EMAIL);   // false
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param byChannel the recorded consents keyed by channel, not null
 */
public record Consents(Map<ContactChannel, ChannelConsent> byChannel) {
    private static final Consents NONE = new Consents(Map.of());

    /**
     * Copies the map and checks that each key matches its value's channel.
     *
     * @throws NullPointerException if the map, a key or a value is null
     * @throws IllegalArgumentException if a key differs from its value's channel
     */
    public Consents {
        Objects.requireNonNull(byChannel, "byChannel");
        EnumMap<ContactChannel, ChannelConsent> copy = new EnumMap<>(ContactChannel.class);
        byChannel.forEach((channel, consent) -> {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(consent, "consent");
            if (consent.channel() != channel) {
                throw new IllegalArgumentException("consent for " + consent.channel() + " filed under " + channel);
            }
            copy.put(channel, consent);
        });
        byChannel = Collections.unmodifiableMap(copy);
    }

    /**
     * Returns consents with nothing recorded.
     *
     * @return the empty consents, never null
     */
    public static Consents none() {
        return NONE;
    }

    /**
     * Returns the record of one channel.
     *
     * @param channel the channel, not null
     * @return the record, or empty if nothing was recorded
     */
    public Optional<ChannelConsent> of(ContactChannel channel) {
        return Optional.ofNullable(byChannel.get(Objects.requireNonNull(channel, "channel")));
    }

    /**
     * Tells whether the customer may be contacted on the channel.
     *
     * @param channel the channel, not null
     * @return true only if consent is granted and do-not-contact is not set
     */
    public boolean permits(ContactChannel channel) {
        return of(channel).map(ChannelConsent::permitsContact).orElse(false);
    }

    /**
     * Records that the customer granted consent (this also clears an earlier opt-out).
     *
     * @param channel the channel, not null
     * @param at when consent was given, not null, not before the channel's last record
     * @return the new consents, never null
     * @throws IllegalArgumentException if {@code at} is older than the channel's last record
     */
    public Consents grant(ContactChannel channel, Instant at) {
        return with(new ChannelConsent(channel, ConsentState.GRANTED, false, at));
    }

    /**
     * Records that the customer refused consent, without asking for do-not-contact.
     *
     * @param channel the channel, not null
     * @param at when consent was refused, not null, not before the channel's last record
     * @return the new consents, never null
     * @throws IllegalArgumentException if {@code at} is older than the channel's last record
     */
    public Consents deny(ContactChannel channel, Instant at) {
        return with(new ChannelConsent(channel, ConsentState.DENIED, false, at));
    }

    /**
     * Records an opt-out: consent denied and do-not-contact set. From now on
     * {@link #permits} is false for the channel.
     *
     * @param channel the channel, not null
     * @param at when the customer opted out, not null, not before the channel's last record
     * @return the new consents, never null
     * @throws IllegalArgumentException if {@code at} is older than the channel's last record
     */
    public Consents optOut(ContactChannel channel, Instant at) {
        return with(new ChannelConsent(channel, ConsentState.DENIED, true, at));
    }

    /**
     * Returns a copy with the given record replacing the channel's record.
     *
     * @param consent the new record, not null
     * @return the new consents, never null
     * @throws IllegalArgumentException if the record is older than the channel's last record
     */
    public Consents with(ChannelConsent consent) {
        Objects.requireNonNull(consent, "consent");
        ChannelConsent old = byChannel.get(consent.channel());
        if (old != null && consent.recordedAt().isBefore(old.recordedAt())) {
            throw new IllegalArgumentException("consent for " + consent.channel() + " recorded at "
                    + consent.recordedAt() + " is older than the current record of " + old.recordedAt());
        }
        EnumMap<ContactChannel, ChannelConsent> copy = new EnumMap<>(ContactChannel.class);
        copy.putAll(byChannel);
        copy.put(consent.channel(), consent);
        return new Consents(copy);
    }
}
