package org.crmkit.core.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Check;

/**
 * A complaint and where its handling stands: OPEN, then IN_PROGRESS, then RESOLVED or
 * REJECTED; a closed complaint may be reopened. Each transition returns a new value with
 * the same id; the timestamp stays the moment the complaint was received.
 *
 * <p>For service statistics a complaint also carries an optional category, how often it
 * was reopened and how often it was handed over ({@link #startProgress}); it was
 * <em>resolved at first contact</em> when it was resolved without a hand-over and never
 * reopened ({@link #resolvedAtFirstContact()}).
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
 * @param category what kind of complaint it is (for example {@code delivery}), or null
 * @param reopenCount how often it was reopened after being closed, not negative
 * @param handoffs how often it was handed to a handler for work, not negative
 */
public record Complaint(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
        String subject, ComplaintStatus status, Instant statusChangedAt, String resolution, String category,
        int reopenCount, int handoffs) implements Activity {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if the subject is blank, the status change precedes
     *     the complaint, the resolution is missing when closed (or present when not), or a
     *     count is negative
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
        category = Check.optionalText(category, "category");
        Check.nonNegative(reopenCount, "reopenCount");
        Check.nonNegative(handoffs, "handoffs");
        boolean closed = status == ComplaintStatus.RESOLVED || status == ComplaintStatus.REJECTED;
        if (closed && resolution == null) {
            throw new IllegalArgumentException("a " + status + " complaint needs a resolution text");
        }
        if (!closed && resolution != null) {
            throw new IllegalArgumentException("a " + status + " complaint cannot have a resolution yet");
        }
    }

    /**
     * Creates a complaint without category, never reopened or handed over: the form of
     * the first versions of this record.
     *
     * @param id the activity id, not null
     * @param customerId the customer, not null
     * @param timestamp when the complaint was received, not null
     * @param channel the channel it came in through, not null
     * @param actor who is handling it, not null
     * @param subject what the complaint is about, not blank
     * @param status the current status, not null
     * @param statusChangedAt when the status last changed, not null
     * @param resolution the resolution or rejection reason, or null while open
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Complaint(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
            String subject, ComplaintStatus status, Instant statusChangedAt, String resolution) {
        this(id, customerId, timestamp, channel, actor, subject, status, statusChangedAt, resolution, null, 0, 0);
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
     * Returns the same complaint with a category.
     *
     * @param value the category, for example {@code delivery}, not blank
     * @return the categorised complaint, never null
     * @throws IllegalArgumentException if the category is blank
     */
    public Complaint withCategory(String value) {
        return new Complaint(id, customerId, timestamp, channel, actor, subject, status, statusChangedAt,
                resolution, Check.text(value, "category"), reopenCount, handoffs);
    }

    /**
     * Reopens a resolved or rejected complaint: status OPEN, no resolution, one more
     * reopening counted.
     *
     * @param at when it was reopened, not null, not before the last status change
     * @param by who reopened it, not null
     * @return the reopened complaint, never null
     * @throws IllegalStateException if the complaint is still open
     * @throws IllegalArgumentException if {@code at} precedes the last status change
     */
    public Complaint reopen(Instant at, Actor by) {
        if (isOpen()) {
            throw new IllegalStateException("cannot reopen complaint " + id + " in status " + status);
        }
        Objects.requireNonNull(by, "by");
        Complaint moved = moveTo(ComplaintStatus.OPEN, at, by, null);
        return new Complaint(id, customerId, timestamp, channel, by, subject, moved.status, moved.statusChangedAt,
                null, category, reopenCount + 1, handoffs);
    }

    /**
     * Tells whether the complaint was resolved at first contact: RESOLVED, never handed
     * over to a handler and never reopened.
     *
     * @return true if resolved at first contact
     */
    public boolean resolvedAtFirstContact() {
        return status == ComplaintStatus.RESOLVED && handoffs == 0 && reopenCount == 0;
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
        Complaint moved = moveTo(ComplaintStatus.IN_PROGRESS, at, Objects.requireNonNull(handler, "handler"), null);
        return new Complaint(id, customerId, timestamp, channel, handler, subject, moved.status, moved.statusChangedAt,
                null, category, reopenCount, handoffs + 1);
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
        return new Complaint(id, customerId, timestamp, channel, by, subject, next, at, text, category, reopenCount,
                handoffs);
    }

    @Override
    public Complaint withCustomerId(CustomerId customer) {
        return new Complaint(id, customer, timestamp, channel, actor, subject, status, statusChangedAt, resolution,
                category, reopenCount, handoffs);
    }
}
