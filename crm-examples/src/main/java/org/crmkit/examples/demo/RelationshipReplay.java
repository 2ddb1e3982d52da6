package org.crmkit.examples.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.lifecycle.LifecycleRecord;
import org.crmkit.core.lifecycle.LifecycleTracker;
import org.crmkit.core.lifecycle.LifecycleTracker.AdvanceReport;
import org.crmkit.core.lifecycle.PurchaseTimeline;
import org.crmkit.core.lifecycle.State;
import org.crmkit.core.lifecycle.StandardLifecycles;
import org.crmkit.core.store.CustomerStore;

/**
 * Replays the purchases of every stored customer through the relationship lifecycle
 * ({@link StandardLifecycles#relationship()} moved by {@link StandardLifecycles#relationshipPolicy()}):
 * each buyer is enrolled in exploration at its first purchase, and the tracker advances at regular
 * dates, so customers develop, mature, decline, terminate and are won back as their buying changes.
 *
 * <pre>{@code
 * RelationshipReplay replay = RelationshipReplay.of(store, from, to, Duration.ofDays(7));
 * replay.countByStateAt(to);                 // customers per stage at the end
 * replay.tracker().record(id).get().history(); // one customer's moves, each with explain()
 * }</pre>
 *
 * <p>The replay is computed once by {@link #of}; afterwards it is read-only and may be read from
 * several threads.
 */
public final class RelationshipReplay {
    private final int population;
    private final LifecycleTracker<CustomerId, PurchaseTimeline, Void> tracker;
    private final Map<CustomerId, PurchaseTimeline> timelines;
    private final List<AdvanceReport<CustomerId>> reports;

    private RelationshipReplay(int population, LifecycleTracker<CustomerId, PurchaseTimeline, Void> tracker,
            Map<CustomerId, PurchaseTimeline> timelines, List<AdvanceReport<CustomerId>> reports) {
        this.population = population;
        this.tracker = tracker;
        this.timelines = timelines;
        this.reports = reports;
    }

    /**
     * Replays the store's purchases (return lines excluded) from {@code from} to {@code to}.
     *
     * @param store the customers and their activities, not null
     * @param from  the first evaluation date, not null
     * @param to    the last evaluation date, reached when a whole number of steps from {@code from}
     * @param step  the time between evaluations, positive, not null
     * @return the replay, never null
     * @throws IllegalArgumentException if the step is not positive or {@code to} is before {@code from}
     */
    public static RelationshipReplay of(CustomerStore store, Instant from, Instant to, Duration step) {
        Objects.requireNonNull(store, "store");
        LifecycleTracker<CustomerId, PurchaseTimeline, Void> tracker = LifecycleTracker.builder(StandardLifecycles.relationship())
                .policy(StandardLifecycles.relationshipPolicy()).build();
        Map<CustomerId, PurchaseTimeline> timelines = new HashMap<>();
        List<Customer> customers = store.all();
        for (Customer c : customers) {
            List<Instant> purchases = new ArrayList<>();
            for (Activity a : store.activitiesOf(c.id())) {
                if (a instanceof Purchase p && !p.isReturn()) {
                    purchases.add(p.timestamp());
                }
            }
            if (!purchases.isEmpty()) {
                PurchaseTimeline timeline = PurchaseTimeline.of(purchases);
                timelines.put(c.id(), timeline);
                tracker.enrol(c.id(), timeline.purchases().get(0));
            }
        }
        List<AdvanceReport<CustomerId>> reports = tracker.advanceEvery(from, to, step, timelines::get,
                PurchaseTimeline.timeSignals(), null);
        return new RelationshipReplay(customers.size(), tracker, timelines, List.copyOf(reports));
    }

    /**
     * Returns the number of customer records replayed, buyers or not.
     *
     * @return the count, zero or more
     */
    public int population() {
        return population;
    }

    /**
     * Returns the tracker holding every buyer's record and history.
     *
     * @return the tracker, never null
     */
    public LifecycleTracker<CustomerId, PurchaseTimeline, Void> tracker() {
        return tracker;
    }

    /**
     * Returns a buyer's purchase timeline.
     *
     * @param id the customer, not null
     * @return the timeline, empty when the customer never bought
     */
    public Optional<PurchaseTimeline> timeline(CustomerId id) {
        return Optional.ofNullable(timelines.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * Returns the report of every evaluation date, in date order.
     *
     * @return the reports, never null
     */
    public List<AdvanceReport<CustomerId>> reports() {
        return reports;
    }

    /**
     * Counts the customers per relationship stage at an instant; customers that had not bought
     * by then are not counted, so the counts sum to {@link #population()} minus those.
     *
     * @param at the instant, not null
     * @return the count per stage, in lifecycle order, zeros included, never null
     */
    public Map<State, Long> countByStateAt(Instant at) {
        return tracker.countByStateAt(at);
    }

    /**
     * Counts the automatic moves made at evaluation dates in {@code (after, upTo]}, by event.
     *
     * @param after the exclusive start, not null
     * @param upTo  the inclusive end, not null
     * @return the count by event name, in order of first occurrence, never null
     */
    public Map<String, Integer> movesBetween(Instant after, Instant upTo) {
        Map<String, Integer> byEvent = new LinkedHashMap<>();
        for (AdvanceReport<CustomerId> r : reports) {
            if (r.asOf().isAfter(after) && !r.asOf().isAfter(upTo)) {
                r.moves().forEach(m -> byEvent.merge(m.outcome().event(), 1, Integer::sum));
            }
        }
        return byEvent;
    }

    /**
     * Returns a customer's lifecycle record.
     *
     * @param id the customer, not null
     * @return the record, empty when the customer never bought
     */
    public Optional<LifecycleRecord> record(CustomerId id) {
        return tracker.record(id);
    }
}
