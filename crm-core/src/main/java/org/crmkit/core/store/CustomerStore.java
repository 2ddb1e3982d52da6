package org.crmkit.core.store;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;

/**
 * Keeps customers and their activities, with optimistic versioning: every write names the
 * version it is based on, and a write based on a stale version fails with
 * {@link VersionConflictException} instead of silently overwriting another writer's change.
 *
 * <pre>{@code
 * CustomerStore store = CustomerStore.inMemory(clock);
 * Customer stored = store.create(customer);                  // version 1
 * Customer changed = store.update(stored.optOut(ContactChannel.EMAIL, clock.instant()));  // version 2
 * store.update(stored);                                      // VersionConflictException: expected 1, actual 2
 * store.modify(id, c -> c.withAttribute(visits, 1L));        // re-reads and retries on conflict
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 */
public interface CustomerStore {
    /**
     * Returns a new, empty, thread-safe in-memory store.
     *
     * @param clock the clock against which activity timestamps are checked, not null
     * @return the store, never null
     */
    static CustomerStore inMemory(Clock clock) {
        return new InMemoryCustomerStore(clock);
    }

    /**
     * Returns the stored customer.
     *
     * @param id the id, not null
     * @return the customer, or empty if absent
     */
    Optional<Customer> find(CustomerId id);

    /**
     * Stores a new customer.
     *
     * @param customer the customer, not null, with version 0
     * @return the stored customer with version 1, never null
     * @throws IllegalArgumentException if the version is not 0
     * @throws VersionConflictException if the id is already stored (expected version 0)
     */
    Customer create(Customer customer);

    /**
     * Replaces a stored customer, if nobody changed it since it was read.
     *
     * @param customer the changed customer, not null, carrying the version it was read with
     * @return the stored customer with the version raised by one, never null
     * @throws VersionConflictException if the stored version differs
     * @throws UnknownCustomerException if the customer is not stored
     */
    Customer update(Customer customer);

    /**
     * Removes a customer and its activities.
     *
     * @param id the id, not null
     * @param expectedVersion the version the caller last saw
     * @throws VersionConflictException if the stored version differs
     * @throws UnknownCustomerException if the customer is not stored
     */
    void remove(CustomerId id, long expectedVersion);

    /**
     * Returns a snapshot of all customers, in id order.
     *
     * @return the customers, never null
     */
    List<Customer> all();

    /**
     * Records an activity of a stored customer. Recording an activity whose id is already
     * stored replaces it; this is how a complaint's status moves on and how a merge
     * re-assigns activities.
     *
     * @param activity the activity, not null
     * @throws UnknownCustomerException if its customer is not stored
     * @throws org.crmkit.core.activity.FutureTimestampException if dated after the store's clock
     */
    void record(Activity activity);

    /**
     * Returns a customer's activities in time order (ties by id).
     *
     * @param id the customer, not null
     * @return the activities, never null, empty for an unknown customer
     */
    List<Activity> activitiesOf(CustomerId id);

    /**
     * Reads, changes and writes a customer, re-reading and re-applying the change when
     * another writer got in between (at most 1,000 attempts).
     *
     * @param id the customer, not null
     * @param change the change, not null; may run several times, so it must be free of side effects
     * @return the stored result, never null
     * @throws UnknownCustomerException if the customer is not stored
     * @throws VersionConflictException if every attempt conflicted
     */
    default Customer modify(CustomerId id, UnaryOperator<Customer> change) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
        VersionConflictException last = null;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            Customer current = find(id).orElseThrow(() -> new UnknownCustomerException(id));
            Customer changed = Objects.requireNonNull(change.apply(current), "change result");
            if (!changed.id().equals(id) || changed.version() != current.version()) {
                throw new IllegalArgumentException("change must keep id and version of customer " + id);
            }
            try {
                return update(changed);
            } catch (VersionConflictException e) {
                last = e;
            }
        }
        throw last;
    }
}
