package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.CustomerId;

/**
 * A customer's activities, as the subject of a customer lifecycle: what time-driven rules and
 * guards look at ("no purchase for 180 days", "a second purchase").
 *
 * <p>Activities are kept sorted by timestamp. Questions are asked "as of" an instant and ignore
 * later activities, so that a history can be replayed. Purchases on the same UTC day count as
 * one purchase occasion (the convention of crm-scoring's per-customer summaries); return lines
 * are not purchases.
 *
 * <pre>{@code
 * CustomerHistory history = CustomerHistory.of(id, activities);
 * history.daysSinceLastPurchase(asOf); // OptionalLong: empty before the first purchase
 * history.signalsAt(asOf);             // days_since_last_purchase, repeat_purchases, ...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id         the customer, not null
 * @param activities the customer's activities, sorted by timestamp, not null
 */
public record CustomerHistory(CustomerId id, List<Activity> activities) {

    /** Signal: whole days since the customer's last activity of any kind. */
    public static final String DAYS_SINCE_LAST_ACTIVITY = "days_since_last_activity";

    private static final long SECONDS_PER_DAY = 86_400L;

    /**
     * Validates the components and copies the list sorted by timestamp.
     *
     * @throws NullPointerException     if an argument or element is null
     * @throws IllegalArgumentException if an activity belongs to another customer
     */
    public CustomerHistory {
        Objects.requireNonNull(id, "id");
        List<Activity> sorted = new ArrayList<>(Objects.requireNonNull(activities, "activities"));
        for (Activity a : sorted) {
            Objects.requireNonNull(a, "activity");
            if (!a.customerId().equals(id)) {
                throw new IllegalArgumentException("activity " + a.id() + " belongs to customer " + a.customerId()
                        + ", not " + id);
            }
        }
        sorted.sort(Comparator.comparing(Activity::timestamp));
        activities = List.copyOf(sorted);
    }

    /**
     * Returns a history.
     *
     * @param id         the customer, not null
     * @param activities the activities in any order, not null
     * @return the history, never null
     * @throws IllegalArgumentException if an activity belongs to another customer
     */
    public static CustomerHistory of(CustomerId id, List<? extends Activity> activities) {
        return new CustomerHistory(id, List.copyOf(activities));
    }

    /**
     * Returns the last purchase (not a return) at or before an instant.
     *
     * @param asOf the instant, not null
     * @return the purchase, empty when there was none
     */
    public Optional<Purchase> lastPurchase(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        for (int i = lastIndexAtOrBefore(asOf); i >= 0; i--) {
            if (activities.get(i) instanceof Purchase p && !p.isReturn()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the whole days from the last purchase to an instant.
     *
     * @param asOf the instant, not null
     * @return the days, zero or more; empty when there was no purchase at or before {@code asOf}
     */
    public java.util.OptionalLong daysSinceLastPurchase(Instant asOf) {
        return lastPurchase(asOf).map(p -> java.util.OptionalLong.of(days(p.timestamp(), asOf)))
                .orElse(java.util.OptionalLong.empty());
    }

    /**
     * Counts repeat purchase occasions: distinct UTC days with a purchase at or before an
     * instant, minus the first one.
     *
     * @param asOf the instant, not null
     * @return the count, zero or more (zero also without any purchase)
     */
    public int repeatPurchases(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Set<LocalDate> days = new HashSet<>();
        for (int i = lastIndexAtOrBefore(asOf); i >= 0; i--) {
            if (activities.get(i) instanceof Purchase p && !p.isReturn()) {
                days.add(LocalDate.ofInstant(p.timestamp(), ZoneOffset.UTC));
            }
        }
        return Math.max(0, days.size() - 1);
    }

    /**
     * Returns the time-driven signals at an instant: {@link StandardLifecycles#DAYS_SINCE_LAST_PURCHASE}
     * and {@link #DAYS_SINCE_LAST_ACTIVITY} (each absent when there is no such activity yet) and
     * {@link StandardLifecycles#REPEAT_PURCHASES}.
     *
     * @param asOf the instant, not null
     * @return the signals, never null
     */
    public Signals signalsAt(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Signals.Builder b = Signals.builder();
        daysSinceLastPurchase(asOf).ifPresent(d -> b.number(StandardLifecycles.DAYS_SINCE_LAST_PURCHASE, d));
        int last = lastIndexAtOrBefore(asOf);
        if (last >= 0) {
            b.number(DAYS_SINCE_LAST_ACTIVITY, days(activities.get(last).timestamp(), asOf));
        }
        b.number(StandardLifecycles.REPEAT_PURCHASES, repeatPurchases(asOf));
        return b.build();
    }

    /**
     * Returns the time signals of customer histories, for {@link LifecycleTracker#advance}.
     *
     * @return {@code (history, asOf) -> history.signalsAt(asOf)}, never null
     */
    public static TimeSignals<CustomerHistory> timeSignals() {
        return CustomerHistory::signalsAt;
    }

    /**
     * Returns a guard that holds when the customer made no purchase in the given number of days
     * before the context instant (or never purchased). Use it with the evaluation instant as the
     * context, for example in a lifecycle of type {@code Lifecycle<CustomerHistory, Instant>}.
     *
     * <pre>{@code
     * Lifecycle<CustomerHistory, Instant> l = Lifecycle.<CustomerHistory, Instant>builder("lapse")
     *         ...
     *         .guard("noPurchaseFor180Days", CustomerHistory.noPurchaseFor(180))
     *         .build();
     * }</pre>
     *
     * @param days the number of days, positive
     * @return the guard, never null
     * @throws IllegalArgumentException if days is not positive
     */
    public static Guard<CustomerHistory, Instant> noPurchaseFor(long days) {
        if (days <= 0) {
            throw new IllegalArgumentException("days must be positive but was " + days);
        }
        return (history, asOf) -> {
            java.util.OptionalLong since = history.daysSinceLastPurchase(Objects.requireNonNull(asOf, "context (asOf)"));
            return since.isEmpty() || since.getAsLong() >= days;
        };
    }

    /** Index of the last activity at or before asOf, -1 when none (binary search). */
    private int lastIndexAtOrBefore(Instant asOf) {
        int lo = 0;
        int hi = activities.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (activities.get(mid).timestamp().isAfter(asOf)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found;
    }

    private static long days(Instant from, Instant to) {
        return Math.floorDiv(to.getEpochSecond() - from.getEpochSecond(), SECONDS_PER_DAY);
    }

    /**
     * Returns {@code CustomerHistory[id=..., activities=n]}; activity details are not printed.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "CustomerHistory[id=" + id + ", activities=" + activities.size() + "]";
    }
}
