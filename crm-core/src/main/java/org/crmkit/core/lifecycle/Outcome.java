package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What firing an event did: a move, a refusal, an ambiguity or an optimistic-locking conflict.
 *
 * <p>Every outcome except {@link Moved} leaves the subject where it was. A caller handles the
 * outcome by type:
 *
 * <pre>{@code
 * Outcome outcome = tracker.fire(id, customer, context, Trigger.of("deepen", at, "alice", "second order"));
 * if (outcome instanceof Outcome.Moved moved) {
 *     ...  // moved.from(), moved.to()
 * } else if (outcome instanceof Outcome.NotAllowed notAllowed) {
 *     ...  // notAllowed.allowedEvents()
 * } else if (outcome instanceof Outcome.GuardFailed failed) {
 *     ...  // failed.guards()
 * } else if (outcome instanceof Outcome.Ambiguous ambiguous) {
 *     ...  // a definition error: ambiguous.enabled() lists the transitions whose guards all held
 * } else if (outcome instanceof Outcome.Conflict conflict) {
 *     ...  // another thread moved the subject first; read again and decide
 * }
 * }</pre>
 *
 * <p>Unknown events and states are not outcomes but errors ({@link UnknownEventException},
 * {@link UnknownStateException}). All outcomes are immutable and thread-safe.
 */
public sealed interface Outcome permits Outcome.Moved, Outcome.Refused, Outcome.Ambiguous, Outcome.Conflict {

    /**
     * Returns the event that was fired.
     *
     * @return the event's name, never null
     */
    String event();

    /**
     * Tells whether the subject moved.
     *
     * @return true for {@link Moved}
     */
    default boolean moved() {
        return this instanceof Moved;
    }

    /**
     * The subject moved; this is also the entry kept in the subject's history.
     *
     * @param from     the state left
     * @param to       the state entered (may equal {@code from} for a self-transition)
     * @param at       when the move happened
     * @param reason   why, as given by the caller or the explanation of an automatic move
     * @param actor    who or what moved the subject, for example a user name or {@code policy}
     * @param event    the event fired
     * @param evidence the scores and signals that drove the move, empty for a manual move
     * @param failures the actions and listeners that threw after the move was committed, in the
     *                 order they ran; empty when all succeeded, and always empty in a subject's
     *                 {@linkplain LifecycleRecord#history() history}, which is written at the commit,
     *                 before the actions run
     */
    record Moved(State from, State to, Instant at, String reason, String actor, String event,
                 List<Evidence> evidence, List<ActionFailure> failures) implements Outcome {
        /**
         * Validates the components and copies the lists.
         *
         * @throws NullPointerException if an argument is null
         */
        public Moved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(event, "event");
            // an automatic move's evidence is already an immutable one-element list
            evidence = evidence instanceof ThresholdEvidence ? evidence : List.copyOf(evidence);
            failures = failures.isEmpty() ? List.of() : List.copyOf(failures);
        }

        /**
         * Creates a move without action failures, as decided and kept in a history.
         *
         * @param from     the state left
         * @param to       the state entered
         * @param at       when the move happened
         * @param reason   why
         * @param actor    who or what moved the subject
         * @param event    the event fired
         * @param evidence the scores and signals that drove the move
         * @throws NullPointerException if an argument is null
         */
        public Moved(State from, State to, Instant at, String reason, String actor, String event,
                     List<Evidence> evidence) {
            this(from, to, at, reason, actor, event, evidence, List.of());
        }

        /**
         * Returns this move with the failures of its actions.
         *
         * @param failures the failures, not null
         * @return this move when the list is empty, else a copy with the failures, never null
         */
        public Moved withFailures(List<ActionFailure> failures) {
            return failures.isEmpty() ? this : new Moved(from, to, at, reason, actor, event, evidence, failures);
        }

        /**
         * Explains the move in one line: the reason, then each piece of evidence.
         *
         * <pre>{@code
         * move.explain(); // "rule 'inactive-180': days_since_last_purchase = 200 >= 180"
         * }</pre>
         *
         * @return the explanation, never null
         */
        public String explain() {
            if (evidence.isEmpty()) {
                return reason;
            }
            StringBuilder b = new StringBuilder(reason);
            String sep = reason.isEmpty() ? "" : ": ";
            for (Evidence e : evidence) {
                b.append(sep).append(e.explain());
                sep = "; ";
            }
            return b.toString();
        }
    }

    /** The event was refused; the subject did not move. */
    sealed interface Refused extends Outcome permits NotAllowed, GuardFailed {
        /**
         * Returns the state the subject is in.
         *
         * @return the state, never null
         */
        State state();
    }

    /**
     * The event is not allowed in the subject's state.
     *
     * @param state         the subject's state
     * @param event         the event fired
     * @param allowedEvents the events that are allowed in that state, in definition order; empty
     *                      in a terminal state
     */
    record NotAllowed(State state, String event, List<String> allowedEvents) implements Refused {
        /**
         * Validates the components and copies the list.
         *
         * @throws NullPointerException if an argument is null
         */
        public NotAllowed {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(event, "event");
            allowedEvents = List.copyOf(allowedEvents);
        }
    }

    /**
     * The event is allowed in the subject's state but the guard of every candidate transition
     * failed.
     *
     * @param state  the subject's state
     * @param event  the event fired
     * @param guards the names of the guards that failed, in definition order
     */
    record GuardFailed(State state, String event, List<String> guards) implements Refused {
        /**
         * Validates the components and copies the list.
         *
         * @throws NullPointerException if an argument is null
         */
        public GuardFailed {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(event, "event");
            guards = List.copyOf(guards);
        }
    }

    /**
     * More than one transition was enabled for the state and event (their guards all held); the
     * engine never picks one by chance, so the subject did not move. This points at a definition
     * whose guards overlap.
     *
     * @param state   the subject's state
     * @param event   the event fired
     * @param enabled the transitions whose guards held, in definition order (two or more)
     */
    record Ambiguous(State state, String event, List<Transition> enabled) implements Outcome {
        /**
         * Validates the components and copies the list.
         *
         * @throws NullPointerException     if an argument is null
         * @throws IllegalArgumentException if fewer than two transitions are given
         */
        public Ambiguous {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(event, "event");
            enabled = List.copyOf(enabled);
            if (enabled.size() < 2) {
                throw new IllegalArgumentException("an ambiguity needs two or more transitions but got " + enabled);
            }
        }
    }

    /**
     * Another writer changed the subject's record first (optimistic versioning); the subject did
     * not move by this call. Returned by {@link LifecycleTracker} under
     * {@link LifecycleTracker.ConflictPolicy#REPORT} or when an expected version did not match.
     *
     * @param event           the event fired
     * @param expectedVersion the version the caller based its decision on
     * @param actualVersion   the version found
     */
    record Conflict(String event, long expectedVersion, long actualVersion) implements Outcome {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if event is null
         */
        public Conflict {
            Objects.requireNonNull(event, "event");
        }
    }
}
