package org.crmkit.core.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Check;

/**
 * A complaint and where its handling stands: OPEN, then IN_PROGRESS, then RESOLVED or
 * REJECTED. Each transition returns a new value with the same id; the timestamp stays the
 * moment the complaint was received.
 *
 * <pre>{@code
 * Complaint c = Complaint.open(ActivityId.of("K-1"), customerId, t0, Channel.PHONE,
 *         Actor.of("agent-3"), "late delivery");
 * c = c.startProgress(t1, Actor.of("agent-3")).resolve(t2, "voucher sent");
 * c.resolutionTime();   // Optional[t2 - t0]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id, not null
 * @param customerId the customer, not null
 * @param timestamp when the complaint was received, not null
 * @param channel the channel it came in through, not null
 * @param actor who is handling it (or recorded it), not null
 * @param subject what the complaint is about, not blank
 * @param status the current status, not null
 * @param statusChangedAt when the status last changed, not null, not before the timestamp
 * @param resolution the resolution or rejection reason, or null while open or in progress
 */
public record Complaint(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
        String subject, ComplaintStatus status, Instant statusChangedAt, String resolution) implements Activity {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if the subject is blank, the status change precedes
     *     the complaint, or the resolution is missing when closed (or present when not)
     */
    public Complaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        subject = Check.text(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusChangedAt, "statusChangedAt");
        if (statusChangedAt.isBefore(timestamp)) {
            throw new IllegalArgumentException("statusChangedAt " + statusChangedAt + " precedes the complaint at "
                    + timestamp);
        }
        resolution = Check.optionalText(resolution, "resolution");
        boolean closed = status == ComplaintStatus.RESOLVED || status == ComplaintStatus.REJECTED;
        if (closed && resolution == null) {
            throw new IllegalArgumentException("a " + status + " complaint needs a resolution text");
        }
        if (!closed && resolution != null) {
            throw new IllegalArgumentException("a " + status + " complaint cannot have a resolution yet");
        }
    }

    /**
     * Records a new complaint in status OPEN.
     *
     * @param id the activity id, not null
     * @param customerId the customer, not null
     * @param at when it was received, not null
     * @param channel the channel, not null
     * @param actor who recorded it, not null
     * @param subject what it is about, not blank
     * @return the open complaint, never null
     * @throws IllegalArgumentException if the subject is blank
     */
    public static Complaint open(ActivityId id, CustomerId customerId, Instant at, Channel channel, Actor actor,
            String subject) {
        return new Complaint(id, customerId, at, channel, actor, subject, ComplaintStatus.OPEN, at, null);
    }

    /**
     * Moves an open complaint to IN_PROGRESS.
     *
     * @param at when work started, not null, not before the last status change
     * @param handler who handles it, not null
     * @return the changed complaint, never null
     * @throws IllegalStateException if the status is not OPEN
     * @throws IllegalArgumentException if {@code at} precedes the last status change
     */
    public Complaint startProgress(Instant at, Actor handler) {
        requireStatus(ComplaintStatus.OPEN, "start progress");
        return moveTo(ComplaintStatus.IN_PROGRESS, at, Objects.requireNonNull(handler, "handler"), null);
    }

    /**
     * Closes the complaint as resolved.
     *
     * @param at when it was resolved, not null, not before the last status change
     * @param how what was done, not blank
     * @return the resolved complaint, never null
     * @throws IllegalStateException if already closed
     * @throws IllegalArgumentException if {@code at} precedes the last status change
     */
    public Complaint resolve(Instant at, String how) {
        requireNotClosed("resolve");
        return moveTo(ComplaintStatus.RESOLVED, at, actor, Check.text(how, "resolution"));
    }

    /**
     * Closes the complaint as rejected.
     *
     * @param at when it was rejected, not null, not before the last status change
     * @param reason why, not blank
     * @return the rejected complaint, never null
     * @throws IllegalStateException if already closed
     * @throws IllegalArgumentException if {@code at} precedes the last status change
     */
    public Complaint reject(Instant at, String reason) {
        requireNotClosed("reject");
        return moveTo(ComplaintStatus.REJECTED, at, actor, Check.text(reason, "reason"));
    }

    /**
     * Tells whether the complaint still waits for a resolution.
     *
     * @return true if OPEN or IN_PROGRESS
     */
    public boolean isOpen() {
        return status == ComplaintStatus.OPEN || status == ComplaintStatus.IN_PROGRESS;
    }

    /**
     * Returns the time from receipt to closing.
     *
     * @return the resolution time, or empty while open
     */
    public Optional<Duration> resolutionTime() {
        return isOpen() ? Optional.empty() : Optional.of(Duration.between(timestamp, statusChangedAt));
    }

    private void requireStatus(ComplaintStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("cannot " + action + " complaint " + id + " in status " + status);
        }
    }

    private void requireNotClosed(String action) {
        if (!isOpen()) {
            throw new IllegalStateException("cannot " + action + " complaint " + id + " in status " + status);
        }
    }

    private Complaint moveTo(ComplaintStatus next, Instant at, Actor by, String text) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(statusChangedAt)) {
            throw new IllegalArgumentException("status change at " + at + " precedes the last change at "
                    + statusChangedAt);
        }
        return new Complaint(id, customerId, timestamp, channel, by, subject, next, at, text);
    }

    @Override
    public Complaint withCustomerId(CustomerId customer) {
        return new Complaint(id, customer, timestamp, channel, actor, subject, status, statusChangedAt, resolution);
    }
}
