package org.crmkit.core.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The full, append-only history of a customer's consent per channel and purpose. Nothing is
 * overwritten: a withdrawal is a new record, so the history answers what was allowed on any date.
 *
 * <pre>{@code
 * ConsentHistory h = ConsentHistory.none()
 *         .with(ConsentRecord.granted(EMAIL, Purpose.MARKETING, LegalBasis.CONSENT, "web-form", jan, null))
 *         .with(ConsentRecord.withdrawn(EMAIL, Purpose.MARKETING, "unsubscribe-link", mar));
 * h.permits(EMAIL, Purpose.MARKETING, feb);   // true
 * h.permits(EMAIL, Purpose.MARKETING, apr);   // false
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param records the records, ordered by time (stable for equal times), not null
 */
public record ConsentHistory(List<ConsentRecord> records) {
    private static final ConsentHistory NONE = new ConsentHistory(List.of());
    private static final Comparator<ConsentRecord> BY_TIME = Comparator.comparing(ConsentRecord::at);

    /**
     * Copies and orders the records by time.
     *
     * @throws NullPointerException if the list or a record is null
     */
    public ConsentHistory {
        List<ConsentRecord> copy = new ArrayList<>(Objects.requireNonNull(records, "records"));
        copy.forEach(r -> Objects.requireNonNull(r, "records must not contain null"));
        copy.sort(BY_TIME);
        records = List.copyOf(copy);
    }

    /** @return the empty history, never null */
    public static ConsentHistory none() {
        return NONE;
    }

    /**
     * Returns the history with one more record.
     *
     * @param record the record, not null, not older than the latest record of its channel and purpose
     * @return the new history, never null
     * @throws IllegalArgumentException if the record is older than the latest one for its channel and purpose
     */
    public ConsentHistory with(ConsentRecord record) {
        Objects.requireNonNull(record, "record");
        Optional<ConsentRecord> last = latest(record.channel(), record.purpose());
        if (last.isPresent() && record.at().isBefore(last.get().at())) {
            throw new IllegalArgumentException("consent for " + record.channel() + "/" + record.purpose() + " at "
                    + record.at() + " is older than the latest record of " + last.get().at());
        }
        List<ConsentRecord> copy = new ArrayList<>(records);
        copy.add(record);
        return new ConsentHistory(copy);
    }

    /**
     * Returns the union of two histories (for a merge), ordered by time.
     *
     * @param other the other history, not null
     * @return the union, never null
     */
    public ConsentHistory union(ConsentHistory other) {
        Objects.requireNonNull(other, "other");
        List<ConsentRecord> all = new ArrayList<>(records);
        other.records.stream().filter(r -> !records.contains(r)).forEach(all::add);
        return new ConsentHistory(all);
    }

    /**
     * Returns the latest record for a channel and purpose.
     *
     * @param channel the channel, not null
     * @param purpose the purpose, not null
     * @return the record, or empty if none
     */
    public Optional<ConsentRecord> latest(ContactChannel channel, Purpose purpose) {
        return latestAt(channel, purpose, Instant.MAX);
    }

    /**
     * Returns the record in force at an instant: the latest for the channel and purpose given at
     * or before it (on equal times the one recorded last).
     *
     * @param channel the channel, not null
     * @param purpose the purpose, not null
     * @param at the instant, not null
     * @return the record, or empty if none was given by then
     */
    public Optional<ConsentRecord> latestAt(ContactChannel channel, Purpose purpose, Instant at) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        ConsentRecord found = null;
        for (ConsentRecord r : records) {
            if (r.at().isAfter(at)) {
                break;
            }
            if (r.channel() == channel && r.purpose() == purpose) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Tells whether a record allows contact on a channel for a purpose at an instant.
     *
     * @param channel the channel, not null
     * @param purpose the purpose, not null
     * @param at the instant, not null
     * @return true if the record in force then is an unexpired grant
     */
    public boolean permits(ContactChannel channel, Purpose purpose, Instant at) {
        return latestAt(channel, purpose, at).map(r -> r.permitsAt(at)).orElse(false);
    }

    /** @return true if nothing is recorded */
    public boolean isEmpty() {
        return records.isEmpty();
    }
}
