package org.crmkit.core.lifecycle;

import java.time.Instant;

/**
 * Computes a subject's time-dependent signals at a date, for {@link LifecycleTracker#advance}:
 * for example days since the last purchase, so that a rule "no purchase for 180 days" can fire.
 * Time is the argument, never the wall clock.
 *
 * <pre>{@code
 * TimeSignals<Customer> recency = (customer, asOf) -> Signals.of("days_since_last_purchase",
 *         ChronoUnit.DAYS.between(customer.lastPurchase(), asOf));
 * }</pre>
 *
 * <p>Implementations must be thread-safe and free of side effects.
 *
 * @param <S> the subject type
 */
@FunctionalInterface
public interface TimeSignals<S> {

    /**
     * Returns the subject's signals at a date.
     *
     * @param subject the subject
     * @param asOf    the date of evaluation, not null
     * @return the signals, never null
     */
    Signals at(S subject, Instant asOf);

    /**
     * Returns a source without signals; then only {@link Signals#DAYS_IN_STATE} is available.
     *
     * @param <S> the subject type
     * @return the source, never null
     */
    static <S> TimeSignals<S> none() {
        return (subject, asOf) -> Signals.empty();
    }
}
