package org.crmkit.core.activity;

import java.time.Instant;
import java.util.Objects;

/**
 * Thrown when a record is dated after "now" of the supplied clock.
 *
 * <p>Exposes the rejected timestamp and the clock's instant. Immutable and thread-safe.
 */
public final class FutureTimestampException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Instant timestamp;
    private final Instant now;

    /**
     * Creates the exception.
     *
     * @param field the field name, not null
     * @param timestamp the rejected timestamp, not null
     * @param now the clock's instant, not null
     */
    public FutureTimestampException(String field, Instant timestamp, Instant now) {
        super(field + " is in the future: " + timestamp + " (now is " + now + ")");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.now = Objects.requireNonNull(now, "now");
    }

    /** @return the rejected timestamp, never null */
    public Instant timestamp() {
        return timestamp;
    }

    /** @return the clock's instant at the check, never null */
    public Instant now() {
        return now;
    }
}
