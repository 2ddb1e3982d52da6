package org.crmkit.core.store;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.activity.Activity;

/**
 * What {@link CustomerStore#activitiesOf(org.crmkit.core.customer.CustomerId, Class, Instant, Instant)}
 * selects: the activities of one type whose timestamp lies in the half-open period
 * {@code [from, to)}. Every store checks its arguments and filters its activities with this
 * one definition, so that the in-memory and the JDBC store cannot disagree on the edges of the
 * period; a store may narrow its reading first (the JDBC store by an SQL condition) but keeps
 * only what {@link #includes} accepts.
 *
 * <pre>{@code
 * ActivitySelection<Purchase> purchases = new ActivitySelection<>(Purchase.class, from, to);
 * for (Activity a : all) {
 *     if (purchases.includes(a)) {
 *         list.add(purchases.type().cast(a));
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the activity type ({@code Activity.class} for all), not null
 * @param from the start of the period, inclusive, not null
 * @param to the end of the period, exclusive, not null, not before {@code from}
 * @param <A> the activity type
 */
public record ActivitySelection<A extends Activity>(Class<A> type, Instant from, Instant to) {
    /**
     * Validates the selection.
     *
     * @param type see the record component
     * @param from see the record component
     * @param to see the record component
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public ActivitySelection {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends at " + to + " before it starts at " + from);
        }
    }

    /**
     * Tells whether an activity is selected: of the type, at or after {@code from} and before
     * {@code to}.
     *
     * @param activity the activity, not null
     * @return whether it is selected
     */
    public boolean includes(Activity activity) {
        return type.isInstance(activity) && !activity.timestamp().isBefore(from) && activity.timestamp().isBefore(to);
    }
}
