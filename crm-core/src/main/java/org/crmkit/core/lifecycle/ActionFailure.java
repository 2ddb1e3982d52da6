package org.crmkit.core.lifecycle;

import java.util.Objects;

/**
 * An action or listener that threw after a move was committed. The move stands; the failure is
 * reported as a value in {@link Outcome.Moved#failures()} so that a caller sees it without an
 * exception telling it, wrongly, that nothing happened (a caller that retried on an exception
 * would move the subject twice).
 *
 * <pre>{@code
 * Outcome outcome = tracker.fire(id, customer, Trigger.of("subscribe", at));
 * if (outcome instanceof Outcome.Moved moved && !moved.failures().isEmpty()) {
 *     for (ActionFailure f : moved.failures()) {
 *         log.warn("{} action '{}' failed after the move", f.stage(), f.action(), f.error());
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable apart from the exception object, which is the one the action threw.
 *
 * @param action the action's name as bound in {@link Bindings}, or {@code listener #n} (1-based,
 *               in registration order) for a {@link LifecycleListener}
 * @param stage  when it ran
 * @param error  what it threw
 */
public record ActionFailure(String action, Stage stage, Exception error) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if an argument is null
     */
    public ActionFailure {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(error, "error");
    }

    /** When a side effect runs after a committed move, in this order. */
    public enum Stage {
        /** An exit action of the state left. */
        EXIT,
        /** An action of the transition taken. */
        TRANSITION,
        /** An entry action of the state entered. */
        ENTRY,
        /** A listener registered with {@link Lifecycle#withListener}. */
        LISTENER
    }
}
