package org.crmkit.core.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.lifecycle.Lifecycle;
import org.crmkit.core.lifecycle.LifecycleRecord;
import org.crmkit.core.merge.MergeResult;

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
 * <p>Besides customers and activities a store keeps lifecycle records, merges, erasures and an
 * audit trail, answers queries without loading everything ({@link #find(CustomerQuery)},
 * {@link #stream(CustomerQuery)}, {@link #activitiesOf(CustomerId, Class, Instant, Instant)})
 * and reports every committed change to its {@linkplain #addListener listeners}.
 *
 * <p>Atomicity, per customer: a write of a customer and the activities it carries is one
 * step; {@link #remove} and {@link #record} of the same customer never interleave, so an
 * activity whose {@code record} returned normally is either kept or was removed by a
 * {@code remove} that came after it. Writes without an actor are audited as {@code "system"}.
 *
 * <p>Implementations: {@link #inMemory(Clock)} and the JDBC store of
 * {@code org.crmkit.core.store.jdbc.JdbcCustomerStore}. Implementations must be thread-safe.
 */
public interface CustomerStore {
    /** The actor recorded in the audit trail for writes that name none. */
    String SYSTEM_ACTOR = "system";
    /** The expected version of a lifecycle record that is not stored yet. */
    long NEW_LIFECYCLE = -1;

    /**
     * Returns a new, empty, thread-safe in-memory store.
     *
     * @param clock the clock against which activity timestamps are checked and changes are dated, not null
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
     * Stores a new customer, audited as {@value #SYSTEM_ACTOR}.
     *
     * @param customer the customer, not null, with version 0
     * @return the stored customer with version 1, never null
     * @throws IllegalArgumentException if the version is not 0
     * @throws VersionConflictException if the id is already stored (expected version 0)
     */
    default Customer create(Customer customer) {
        return create(customer, SYSTEM_ACTOR);
    }

    /**
     * Stores a new customer.
     *
     * @param customer the customer, not null, with version 0
     * @param actor who creates it, for the audit trail, not blank
     * @return the stored customer with version 1, never null
     * @throws IllegalArgumentException if the version is not 0 or the actor blank
     * @throws VersionConflictException if the id is already stored (expected version 0)
     */
    Customer create(Customer customer, String actor);

    /**
     * Replaces a stored customer, if nobody changed it since it was read; audited as
     * {@value #SYSTEM_ACTOR}.
     *
     * @param customer the changed customer, not null, carrying the version it was read with
     * @return the stored customer with the version raised by one, never null
     * @throws VersionConflictException if the stored version differs
     * @throws UnknownCustomerException if the customer is not stored
     */
    default Customer update(Customer customer) {
        return update(customer, SYSTEM_ACTOR);
    }

    /**
     * Replaces a stored customer, if nobody changed it since it was read, and adds an audit
     * entry for each changed field.
     *
     * @param customer the changed customer, not null, carrying the version it was read with
     * @param actor who changes it, not blank
     * @return the stored customer with the version raised by one, never null
     * @throws VersionConflictException if the stored version differs
     * @throws UnknownCustomerException if the customer is not stored
     */
    Customer update(Customer customer, String actor);

    /**
     * Removes a customer and its activities and lifecycle records in one step.
     *
     * @param id the id, not null
     * @param expectedVersion the version the caller last saw
     * @throws VersionConflictException if the stored version differs
     * @throws UnknownCustomerException if the customer is not stored
     */
    default void remove(CustomerId id, long expectedVersion) {
        remove(id, expectedVersion, SYSTEM_ACTOR);
    }

    /**
     * Removes a customer and its activities and lifecycle records in one step.
     *
     * @param id the id, not null
     * @param expectedVersion the version the caller last saw
     * @param actor who removes it, not blank
     * @throws VersionConflictException if the stored version differs
     * @throws UnknownCustomerException if the customer is not stored
     */
    void remove(CustomerId id, long expectedVersion, String actor);

    /**
     * Returns a snapshot of all customers, in id order. This loads every customer; for large
     * stores prefer {@link #stream(CustomerQuery)}.
     *
     * @return the customers, never null
     */
    default List<Customer> all() {
        return stream(CustomerQuery.all()).toList();
    }

    /**
     * Returns one page of the customers a query selects, in id order.
     *
     * @param query the query, not null
     * @return at most {@code query.limit()} customers, never null
     */
    List<Customer> find(CustomerQuery query);

    /**
     * Streams every customer a query selects, in id order, fetching one page of
     * {@code query.limit()} at a time; only one page is in memory. Each page is read on its own,
     * so a customer changed while the stream runs is seen in the state of its page.
     *
     * @param query the query, not null; its {@code after} is the starting point
     * @return a lazy stream, never null
     */
    default Stream<Customer> stream(CustomerQuery query) {
        Objects.requireNonNull(query, "query");
        Iterator<Customer> pages = new Iterator<>() {
            private CustomerQuery next = query;
            private Iterator<Customer> page = List.<Customer>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !exhausted) {
                    List<Customer> batch = find(next);
                    exhausted = batch.size() < next.limit();
                    if (!batch.isEmpty()) {
                        next = next.after(batch.get(batch.size() - 1).id());
                    }
                    page = batch.iterator();
                }
                return page.hasNext();
            }

            @Override
            public Customer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

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
    default List<Activity> activitiesOf(CustomerId id) {
        return activitiesOf(id, Activity.class, Instant.MIN, Instant.MAX);
    }

    /**
     * Returns a customer's activities of one type in a period, in time order (ties by id).
     *
     * @param id the customer, not null
     * @param type the activity type ({@code Purchase.class}, ...; {@code Activity.class} for all), not null
     * @param from the start of the period, inclusive, not null
     * @param to the end of the period, exclusive, not null
     * @param <A> the activity type
     * @return the activities, never null
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    <A extends Activity> List<A> activitiesOf(CustomerId id, Class<A> type, Instant from, Instant to);

    /**
     * Stores the outcome of a merge in one step: the merged survivor (checking its version),
     * the duplicate's activities moved to it, the duplicate removed (checking its version) and
     * a {@link MergeRecord} kept.
     *
     * @param result the merge, from {@link org.crmkit.core.merge.CustomerMerger#merge}, not null
     * @param mergedAwayVersion the version of the duplicate the merge was computed from
     * @param actor who merges, not blank
     * @return the stored survivor, never null
     * @throws VersionConflictException if either record changed meanwhile (nothing is written then)
     * @throws UnknownCustomerException if either record is not stored
     */
    Customer merge(MergeResult result, long mergedAwayVersion, String actor);

    /**
     * Returns the merges a customer took part in, oldest first.
     *
     * @param id the survivor or merged-away id, not null
     * @return the merges, never null
     */
    List<MergeRecord> merges(CustomerId id);

    /**
     * Stores a customer's lifecycle record, if the stored one still has the version the caller
     * based it on (one record per customer and lifecycle name).
     *
     * @param id the customer, not null, stored
     * @param record the new record, not null
     * @param expectedVersion the version of the stored record it succeeds, or {@link #NEW_LIFECYCLE}
     * @throws VersionConflictException if the stored record has another version (actual -1 if none)
     * @throws UnknownCustomerException if the customer is not stored
     */
    void storeLifecycle(CustomerId id, LifecycleRecord record, long expectedVersion);

    /**
     * Returns a customer's record of a lifecycle, rebuilt against its definition.
     *
     * @param id the customer, not null
     * @param lifecycle the lifecycle, not null
     * @return the record, or empty if none is stored
     */
    Optional<LifecycleRecord> lifecycle(CustomerId id, Lifecycle<?, ?> lifecycle);

    /**
     * Returns the JSON documents ({@link org.crmkit.core.lifecycle.LifecycleRecordJson}) of all
     * lifecycle records of a customer, by lifecycle name; for export without the definitions.
     *
     * @param id the customer, not null
     * @return the documents by lifecycle name, sorted, never null
     */
    java.util.SortedMap<String, String> lifecycleDocuments(CustomerId id);

    /**
     * Erases a customer's personal data on request ({@link Erasure} says what is kept), keeps
     * an {@link ErasureRecord} and adds an audit entry {@code erased}; the customer's version
     * rises by one. Erasing an erased customer again records the request again.
     *
     * @param id the customer, not null
     * @param actor who carries it out, not blank
     * @return the record, never null
     * @throws UnknownCustomerException if the customer is not stored
     */
    ErasureRecord erase(CustomerId id, String actor);

    /**
     * Returns the erasures of a customer, oldest first.
     *
     * @param id the customer, not null
     * @return the records, never null
     */
    List<ErasureRecord> erasures(CustomerId id);

    /**
     * Returns the audit trail of a customer, oldest first.
     *
     * @param id the customer, not null
     * @return the entries, never null
     */
    List<AuditEntry> auditTrail(CustomerId id);

    /**
     * Registers a listener for committed changes.
     *
     * @param listener the listener, not null
     * @return the registration; close it to stop listening
     */
    ChangeListener.Registration addListener(ChangeListener listener);

    /**
     * Counts what the store holds.
     *
     * @return the counts, never null
     */
    StoreStats stats();

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
