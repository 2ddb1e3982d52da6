package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * One subject's position in a lifecycle: its state, a version and the full history of moves.
 *
 * <p>A record is immutable: a move produces a new record ({@link #append}) whose version is one
 * higher. That makes optimistic concurrency simple: a writer reads a record, decides, and
 * publishes the successor only if the record is still current (compare-and-set, as
 * {@link LifecycleTracker} does, or a version column in the application's database).
 * Appending shares storage with the predecessor, so a move costs O(1) amortised and the history
 * is never copied per move.
 *
 * <pre>{@code
 * LifecycleRecord record = lifecycle.start(Instant.parse("2026-01-05T00:00:00Z"));
 * Outcome outcome = lifecycle.decide(record, customer, context, Trigger.of("deepen", at));
 * if (outcome instanceof Outcome.Moved moved) {
 *     record = record.append(moved);
 * }
 * Optional<State> inMarch = record.stateAt(Instant.parse("2026-03-01T00:00:00Z"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LifecycleRecord {
    private final Lifecycle<?, ?> lifecycle;
    private final State initialState;
    private final Instant enrolledAt;
    private final State state;
    private final Instant enteredAt;
    private final long version;
    private final HistoryBuffer history;
    private final int size;

    LifecycleRecord(Lifecycle<?, ?> lifecycle, State initialState, Instant enrolledAt, State state, Instant enteredAt,
                    long version, HistoryBuffer history, int size) {
        this.lifecycle = lifecycle;
        this.initialState = initialState;
        this.enrolledAt = enrolledAt;
        this.state = state;
        this.enteredAt = enteredAt;
        this.version = version;
        this.history = history;
        this.size = size;
    }

    /**
     * Returns the current state.
     *
     * @return the state, never null
     */
    public State state() {
        return state;
    }

    /**
     * Returns the version: zero at enrolment, one more with each move.
     *
     * @return the version, zero or more
     */
    public long version() {
        return version;
    }

    /**
     * Returns when the subject entered its current state (its last move, or enrolment).
     *
     * @return the instant, never null
     */
    public Instant enteredAt() {
        return enteredAt;
    }

    /**
     * Returns when the subject was enrolled in the lifecycle.
     *
     * @return the instant, never null
     */
    public Instant enrolledAt() {
        return enrolledAt;
    }

    /**
     * Returns the state the subject was enrolled in.
     *
     * @return the state, never null
     */
    public State initialState() {
        return initialState;
    }

    /**
     * Returns the name of the lifecycle this record belongs to.
     *
     * @return the name, never null
     */
    public String lifecycleName() {
        return lifecycle.name();
    }

    /**
     * Returns every move, oldest first. The list is an immutable view; it is not copied.
     *
     * @return the moves, never null
     */
    public List<Outcome.Moved> history() {
        return new HistoryView(history.items, size);
    }

    /**
     * Returns the last move.
     *
     * @return the last move, empty before the first move
     */
    public Optional<Outcome.Moved> lastMove() {
        return size == 0 ? Optional.empty() : Optional.of(history.items[size - 1]);
    }

    /**
     * Returns the state the subject was in at an instant: the target of the last move at or
     * before it. Binary search over the history, O(log n).
     *
     * @param at the instant, not null
     * @return the state, empty when the instant is before enrolment
     */
    public Optional<State> stateAt(Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(enrolledAt)) {
            return Optional.empty();
        }
        // find the last index whose move is at or before 'at'
        Outcome.Moved[] items = history.items;
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (items[mid].at().isAfter(at)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return Optional.of(found < 0 ? initialState : items[found].to());
    }

    /**
     * Returns the successor record after a move decided for this record.
     *
     * @param move the move, as returned by {@link Lifecycle#decide}, not null
     * @return the new record, with version one higher, never null
     * @throws IllegalArgumentException if the move does not start from this record's state, is
     *                                  earlier than the last move, or is not a transition of the lifecycle
     */
    public LifecycleRecord append(Outcome.Moved move) {
        Objects.requireNonNull(move, "move");
        if (!move.from().equals(state)) {
            throw new IllegalArgumentException("move " + move.from() + " -> " + move.to() + " does not start from current state "
                    + state + " (version " + version + ")");
        }
        if (move.at().isBefore(enteredAt)) {
            throw new IllegalArgumentException("move at " + move.at() + " is before the current state was entered at " + enteredAt);
        }
        if (!lifecycle.hasTransition(move.from(), move.event(), move.to())) {
            throw new IllegalArgumentException("lifecycle '" + lifecycle.name() + "' has no transition " + move.from()
                    + " --" + move.event() + "--> " + move.to());
        }
        return new LifecycleRecord(lifecycle, initialState, enrolledAt, move.to(), move.at(), version + 1,
                history.append(size, move), size + 1);
    }

    /** Append without the checks of {@link #append}, for moves that {@link Lifecycle#decide} produced for this record. */
    LifecycleRecord appendDecided(Outcome.Moved move) {
        return new LifecycleRecord(lifecycle, initialState, enrolledAt, move.to(), move.at(), version + 1,
                history.append(size, move), size + 1);
    }

    Lifecycle<?, ?> lifecycle() {
        return lifecycle;
    }

    /**
     * Returns {@code LifecycleRecord[lifecycle=..., state=..., version=..., enteredAt=...]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "LifecycleRecord[lifecycle=" + lifecycle.name() + ", state=" + state + ", version=" + version
                + ", enteredAt=" + enteredAt + "]";
    }

    /** Read-only view of the first {@code size} slots of a shared buffer. */
    private static final class HistoryView extends AbstractList<Outcome.Moved> implements RandomAccess {
        private final Outcome.Moved[] items;
        private final int size;

        HistoryView(Outcome.Moved[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public Outcome.Moved get(int index) {
            Objects.checkIndex(index, size);
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
