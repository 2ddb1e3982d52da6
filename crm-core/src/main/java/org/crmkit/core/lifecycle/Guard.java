package org.crmkit.core.lifecycle;

/**
 * A condition over a subject and a context that must hold for a transition to be taken.
 *
 * <p>Guards are registered under a name (in a {@link Lifecycle.Builder} or in {@link Bindings})
 * and transitions refer to them by that name, so that a definition read from JSON can use them.
 * A guard must be free of side effects and fast: under optimistic concurrency it may be
 * evaluated more than once for one event, and every candidate transition's guard is evaluated
 * so that an ambiguous definition is detected instead of resolved by chance.
 *
 * <pre>{@code
 * Guard<Customer, Context> repeatBuyer = (customer, context) -> customer.orders() >= 2;
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 *
 * @param <S> the subject type, for example a customer
 * @param <C> the context type, for example the evaluation date and scores
 */
@FunctionalInterface
public interface Guard<S, C> {

    /**
     * Tells whether the guarded transition may be taken.
     *
     * @param subject the subject, as passed to the firing call
     * @param context the context, as passed to the firing call
     * @return true when the transition may be taken
     */
    boolean test(S subject, C context);
}
