package org.crmkit.core.lifecycle;

/**
 * A side effect run when a subject leaves a state, takes a transition or enters a state.
 *
 * <p>Actions run after the move is committed, on the thread that fired the event, in the order
 * exit actions of the old state, actions of the transition, entry actions of the new state, then
 * listeners; under {@link LifecycleTracker} the moves of one subject have their actions run in
 * commit order. An exception thrown by an action does not propagate: the move stays committed,
 * the other actions still run, and the exception is reported as an {@link ActionFailure} in
 * {@link Outcome.Moved#failures()}. Actions are registered under a name so that a JSON definition
 * can refer to them, and a failure names the action.
 *
 * <pre>{@code
 * Action<Customer, Void> welcome = (customer, context, move) -> mailer.sendWelcome(customer);
 * }</pre>
 *
 * <p>Implementations must be thread-safe when the lifecycle is used from several threads.
 *
 * @param <S> the subject type
 * @param <C> the context type
 */
@FunctionalInterface
public interface Action<S, C> {

    /**
     * Runs the action.
     *
     * @param subject the subject that moved
     * @param context the context of the firing call
     * @param move    the committed move, not null
     */
    void run(S subject, C context, Outcome.Moved move);
}
