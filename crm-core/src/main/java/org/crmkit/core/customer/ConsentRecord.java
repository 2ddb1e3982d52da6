package org.crmkit.core.customer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.internal.Check;

/**
 * One entry of a customer's consent history: for one channel and purpose, whether contact is
 * allowed from {@code at} on, on which legal basis, where the statement came from and until
 * when it holds.
 *
 * <pre>{@code
 * ConsentRecord r = ConsentRecord.granted(ContactChannel.EMAIL, Purpose.MARKETING, LegalBasis.CONSENT,
 *         "web-form:newsletter", Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2028-01-05T10:00:00Z"));
 * r.permitsAt(Instant.parse("2027-01-01T00:00:00Z"));   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the channel, not null
 * @param purpose the purpose, not null
 * @param state GRANTED or DENIED (a withdrawal is a DENIED record), not UNKNOWN
 * @param legalBasis the lawful basis of a grant; for a denial the basis that no longer applies, not null
 * @param source where the statement was captured (form, call, contract id), not blank, at most 200 characters
 * @param at when it was given or withdrawn, not null
 * @param expiresAt when a grant lapses, or null if it does not; after {@code at}
 */
public record ConsentRecord(ContactChannel channel, Purpose purpose, ConsentState state, LegalBasis legalBasis,
        String source, Instant at, Instant expiresAt) {
    /**
     * Validates the record.
     *
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if the state is UNKNOWN, the source blank or too long, or the
     *     expiry not after {@code at}
     */
    public ConsentRecord {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(at, "at");
        source = Check.text(source, "source");
        if (source.length() > 200) {
            throw new IllegalArgumentException("source must be at most 200 characters, got " + source.length());
        }
        if (state == ConsentState.UNKNOWN) {
            throw new IllegalArgumentException("a consent record states GRANTED or DENIED, not UNKNOWN");
        }
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            throw new IllegalArgumentException("consent for " + channel + "/" + purpose + " expires at " + expiresAt
                    + ", not after it was given at " + at);
        }
    }

    /**
     * Returns a grant.
     *
     * @param channel the channel, not null
     * @param purpose the purpose, not null
     * @param legalBasis the lawful basis, not null
     * @param source where it was captured, not blank
     * @param at when, not null
     * @param expiresAt when it lapses, or null for never
     * @return the record, never null
     * @throws IllegalArgumentException as the constructor
     */
    public static ConsentRecord granted(ContactChannel channel, Purpose purpose, LegalBasis legalBasis, String source,
            Instant at, Instant expiresAt) {
        return new ConsentRecord(channel, purpose, ConsentState.GRANTED, legalBasis, source, at, expiresAt);
    }

    /**
     * Returns a withdrawal (or refusal) on the basis of consent.
     *
     * @param channel the channel, not null
     * @param purpose the purpose, not null
     * @param source where it was captured, not blank
     * @param at when, not null
     * @return the record, never null
     * @throws IllegalArgumentException as the constructor
     */
    public static ConsentRecord withdrawn(ContactChannel channel, Purpose purpose, String source, Instant at) {
        return new ConsentRecord(channel, purpose, ConsentState.DENIED, LegalBasis.CONSENT, source, at, null);
    }

    /** @return when the grant lapses, or empty if it does not */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * Tells whether this record, taken as the latest for its channel and purpose, allows contact
     * at an instant: granted, already given and not yet expired.
     *
     * @param instant the instant, not null
     * @return true if contact is allowed then
     */
    public boolean permitsAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return state == ConsentState.GRANTED && !at.isAfter(instant) && (expiresAt == null || instant.isBefore(expiresAt));
    }
}
