package org.crmkit.core.lifecycle;

/**
 * Observes every committed move of a lifecycle, after its actions.
 *
 * <pre>{@code
 * Lifecycle<Customer, Void> observed = lifecycle.withListener(
 *         (customer, context, move) -> log.info("{} moved to {}", customer.id(), move.to()));
 * }</pre>
 *
 * <p>Implementations must be thread-safe when the lifecycle is used from several threads; an
 * exception thrown by a listener does not propagate: the move stays committed and the exception
 * is reported as an {@link ActionFailure} named {@code listener #n} in {@link Outcome.Moved#failures()}.
 *
 * @param <S> the subject type
 * @param <C> the context type
 */
@FunctionalInterface
public interface LifecycleListener<S, C> {

    /**
     * Called once for each committed move.
     *
     * @param subject the subject that moved
     * @param context the context of the firing call
     * @param move    the committed move, not null
     */
    void onMove(S subject, C context, Outcome.Moved move);
}
