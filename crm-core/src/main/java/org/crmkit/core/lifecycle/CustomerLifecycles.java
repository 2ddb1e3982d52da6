package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.store.CustomerStore;

/**
 * Lifecycles of real customers: lifecycle state kept per {@link CustomerId} in memory with
 * optimistic versioning, moved by the customers' activities ({@link CustomerHistory}, read from a
 * {@link CustomerStore} or given as a map) and by scores.
 *
 * <pre>{@code
 * LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker = CustomerLifecycles.relationship();
 * histories.values().forEach(h -> CustomerLifecycles.enrolAtFirstActivity(tracker, h));
 * for (Instant day = start; !day.isAfter(end); day = day.plus(Duration.ofDays(1))) {
 *     CustomerLifecycles.advance(tracker, histories, day);
 * }
 * tracker.countByState(); // {exploration=..., development=..., maturity=..., decline=..., terminated=...}
 *
 * // or straight from a customer store
 * CustomerLifecycles.enrolNew(tracker, store);
 * CustomerLifecycles.advance(tracker, store, asOf);
 * }</pre>
 *
 * <p>The context of these trackers is the evaluation instant, so guards such as
 * {@link CustomerHistory#noPurchaseFor(long)} can be bound in custom lifecycles. Thread-safe:
 * stateless.
 */
public final class CustomerLifecycles {
    private CustomerLifecycles() {
    }

    /**
     * Returns an empty tracker of the relationship lifecycle with the standard policy
     * ({@link StandardLifecycles#relationshipPolicy()}), keyed by customer id.
     *
     * @return a new tracker, never null
     */
    public static LifecycleTracker<CustomerId, CustomerHistory, Instant> relationship() {
        return LifecycleTracker.builder(StandardLifecycles.relationship())
                .policy(StandardLifecycles.relationshipPolicy()).build();
    }

    /**
     * Returns an empty tracker of a lifecycle and policy, keyed by customer id.
     *
     * @param lifecycle the lifecycle, not null
     * @param policy    the automatic policy, not null
     * @return a new tracker, never null
     * @throws LifecycleDefinitionException if the policy does not fit the lifecycle
     */
    public static LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker(
            Lifecycle<CustomerHistory, Instant> lifecycle, LifecyclePolicy policy) {
        return LifecycleTracker.builder(lifecycle).policy(policy).build();
    }

    /**
     * Enrols a customer in the initial state at its first activity.
     *
     * @param tracker the tracker, not null
     * @param history the customer's history, with at least one activity, not null
     * @return the new record, never null
     * @throws IllegalArgumentException if the history is empty
     * @throws IllegalStateException    if the customer is already enrolled
     */
    public static LifecycleRecord enrolAtFirstActivity(LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker,
                                                       CustomerHistory history) {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(history, "history");
        if (history.activities().isEmpty()) {
            throw new IllegalArgumentException("customer " + history.id() + " has no activity to enrol at");
        }
        return tracker.enrol(history.id(), history.activities().get(0).timestamp());
    }

    /**
     * Enrols every stored customer that has activities and is not enrolled yet, each at its
     * first activity.
     *
     * @param tracker the tracker, not null
     * @param store   the customer store, not null
     * @return how many customers were enrolled, zero or more
     */
    public static int enrolNew(LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker, CustomerStore store) {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(store, "store");
        int enrolled = 0;
        for (Customer customer : store.all()) {
            if (tracker.record(customer.id()).isEmpty()) {
                java.util.List<org.crmkit.core.activity.Activity> activities = store.activitiesOf(customer.id());
                if (!activities.isEmpty()) {
                    tracker.enrol(customer.id(), activities.get(0).timestamp());
                    enrolled++;
                }
            }
        }
        return enrolled;
    }

    /**
     * Moves every enrolled customer by its stored activities as of an instant; the activities are
     * read from the store (ignoring those after {@code asOf}), the instant is the guards' context.
     *
     * @param tracker the tracker, not null
     * @param store   the customer store, not null
     * @param asOf    the evaluation instant, not null
     * @return the report, never null
     */
    public static LifecycleTracker.AdvanceReport<CustomerId> advance(
            LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker, CustomerStore store, Instant asOf) {
        Objects.requireNonNull(store, "store");
        return tracker.advance(asOf, id -> CustomerHistory.of(id, store.activitiesOf(id)), CustomerHistory.timeSignals(),
                asOf);
    }

    /**
     * Moves every enrolled customer by its activities as of an instant (time-driven rules over
     * {@link CustomerHistory#signalsAt}); the instant is also the guards' context.
     *
     * @param tracker   the tracker, not null
     * @param histories the customers' histories by id, with an entry for every enrolled customer, not null
     * @param asOf      the evaluation instant, not null
     * @return the report, never null
     * @throws IllegalArgumentException if an enrolled customer has no history
     */
    public static LifecycleTracker.AdvanceReport<CustomerId> advance(
            LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker, Map<CustomerId, CustomerHistory> histories,
            Instant asOf) {
        Objects.requireNonNull(histories, "histories");
        return tracker.advance(asOf, id -> {
            CustomerHistory h = histories.get(id);
            if (h == null) {
                throw new IllegalArgumentException("no history for enrolled customer " + id);
            }
            return h;
        }, CustomerHistory.timeSignals(), asOf);
    }
}
