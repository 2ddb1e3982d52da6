package org.crmkit.core.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.lifecycle.Lifecycle;
import org.crmkit.core.lifecycle.LifecycleRecord;
import org.crmkit.core.lifecycle.LifecycleRecordJson;
import org.crmkit.core.merge.MergeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-memory {@link CustomerStore}. Each customer has one entry holding the record, its
 * activities and lifecycle records, and every write of a customer holds that entry's monitor:
 * a version check and the write, a removal of the customer with all its activities, and the
 * recording of an activity are each one atomic step per customer. A removed entry is marked,
 * so a writer that waited on it re-reads the map and sees the customer gone (or its successor
 * created under the same id), never a half-removed customer. Entries live in a sorted
 * concurrent map, so paging by id needs no sort.
 */
final class InMemoryCustomerStore implements CustomerStore {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryCustomerStore.class);
    private static final Comparator<Activity> TIME_ORDER =
            Comparator.comparing(Activity::timestamp).thenComparing(Activity::id);

    private final Clock clock;
    private final ConcurrentSkipListMap<CustomerId, Entry> entries = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<ActivityId, CustomerId> ownerOfActivity = new ConcurrentHashMap<>();
    private final Object journalLock = new Object();
    private final List<MergeRecord> merges = new ArrayList<>();
    private final List<ErasureRecord> erasures = new ArrayList<>();
    private final Map<CustomerId, List<AuditEntry>> audit = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final CopyOnWriteArrayList<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    /** One customer's data; every field is read and written under the entry's monitor. */
    private static final class Entry {
        Customer customer;
        Instant changedAt;
        boolean removed;
        final Map<ActivityId, Activity> activities = new HashMap<>();
        final TreeMap<String, LifecycleRecord> lifecycles = new TreeMap<>();

        Entry(Customer customer, Instant changedAt) {
            this.customer = customer;
            this.changedAt = changedAt;
        }
    }

    InMemoryCustomerStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs an action holding the live entry of a customer; retries when the entry was removed meanwhile. */
    private <T> T withEntry(CustomerId id, Function<Entry, T> action) {
        while (true) {
            Entry e = entries.get(id);
            if (e == null) {
                throw new UnknownCustomerException(id);
            }
            synchronized (e) {
                if (!e.removed) {
                    return action.apply(e);
                }
            }
        }
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        Entry e = entries.get(Objects.requireNonNull(id, "id"));
        if (e == null) {
            return Optional.empty();
        }
        synchronized (e) {
            return e.removed ? Optional.empty() : Optional.of(e.customer);
        }
    }

    @Override
    public Customer create(Customer customer, String actor) {
        Objects.requireNonNull(customer, "customer");
        String who = Audit.actor(actor);
        if (customer.version() != 0) {
            throw new IllegalArgumentException("a new customer must have version 0: " + customer.id() + " has "
                    + customer.version());
        }
        Customer stored = customer.withVersion(1);
        Instant now = clock.instant();
        Entry fresh = new Entry(stored, now);
        Entry existing = entries.putIfAbsent(customer.id(), fresh);
        if (existing != null) {
            throw conflict(customer.id(), 0, existing.customer.version());
        }
        journal(List.of(new AuditEntry(customer.id(), who, "created", now)));
        publish(ChangeType.CREATED, customer.id(), 1, now);
        return stored;
    }

    @Override
    public Customer update(Customer customer, String actor) {
        Objects.requireNonNull(customer, "customer");
        String who = Audit.actor(actor);
        Instant now = clock.instant();
        List<AuditEntry> changes = new ArrayList<>();
        Customer stored = withEntry(customer.id(), e -> {
            if (e.customer.version() != customer.version()) {
                throw conflict(customer.id(), customer.version(), e.customer.version());
            }
            changes.addAll(Audit.entries(e.customer, customer, who, now));
            e.customer = customer.withVersion(e.customer.version() + 1);
            e.changedAt = now;
            return e.customer;
        });
        journal(changes);
        publish(ChangeType.UPDATED, stored.id(), stored.version(), now);
        return stored;
    }

    @Override
    public void remove(CustomerId id, long expectedVersion, String actor) {
        Objects.requireNonNull(id, "id");
        String who = Audit.actor(actor);
        Instant now = clock.instant();
        withEntry(id, e -> {
            if (e.customer.version() != expectedVersion) {
                throw conflict(id, expectedVersion, e.customer.version());
            }
            removeLocked(id, e);
            return null;
        });
        journal(List.of(new AuditEntry(id, who, "removed", now)));
        publish(ChangeType.REMOVED, id, 0, now);
    }

    private void removeLocked(CustomerId id, Entry e) {
        e.removed = true;
        entries.remove(id, e);
        for (ActivityId a : e.activities.keySet()) {
            ownerOfActivity.remove(a, id);
        }
    }

    @Override
    public List<Customer> find(CustomerQuery query) {
        Objects.requireNonNull(query, "query");
        NavigableMap<CustomerId, Entry> range = query.after().map(a -> entries.tailMap(a, false)).orElse(entries);
        List<Customer> page = new ArrayList<>(Math.min(query.limit(), 1_024));
        for (Entry e : range.values()) {
            Customer c;
            Instant changedAt;
            synchronized (e) {
                if (e.removed) {
                    continue;
                }
                c = e.customer;
                changedAt = e.changedAt;
            }
            if (query.changedSince().map(since -> !changedAt.isBefore(since)).orElse(true) && query.matches(c)) {
                page.add(c);
                if (page.size() == query.limit()) {
                    break;
                }
            }
        }
        return page;
    }

    @Override
    public void record(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        activity.requireNotAfter(clock);
        CustomerId owner = activity.customerId();
        Instant now = clock.instant();
        long version = withEntry(owner, e -> {
            CustomerId previous = ownerOfActivity.put(activity.id(), owner);
            e.activities.put(activity.id(), activity);
            if (previous != null && !previous.equals(owner)) {
                Entry old = entries.get(previous);
                if (old != null) {
                    synchronized (old) {
                        old.activities.remove(activity.id());
                    }
                }
            }
            return e.customer.version();
        });
        publish(ChangeType.ACTIVITY_RECORDED, owner, version, now);
    }

    @Override
    public <A extends Activity> List<A> activitiesOf(CustomerId id, Class<A> type, Instant from, Instant to) {
        Objects.requireNonNull(id, "id");
        ActivitySelection<A> selection = new ActivitySelection<>(type, from, to);
        Entry e = entries.get(id);
        if (e == null) {
            return List.of();
        }
        List<A> list = new ArrayList<>();
        synchronized (e) {
            if (e.removed) {
                return List.of();
            }
            for (Activity a : e.activities.values()) {
                if (selection.includes(a)) {
                    list.add(type.cast(a));
                }
            }
        }
        list.sort(TIME_ORDER);
        return List.copyOf(list);
    }

    @Override
    public Customer merge(MergeResult result, long mergedAwayVersion, String actor) {
        Objects.requireNonNull(result, "result");
        String who = Audit.actor(actor);
        CustomerId survivorId = result.customer().id();
        CustomerId awayId = result.mergedAwayId();
        Instant now = clock.instant();
        List<AuditEntry> changes = new ArrayList<>();
        Customer stored;
        while (true) {
            Entry s = entries.get(survivorId);
            Entry a = entries.get(awayId);
            if (s == null) {
                throw new UnknownCustomerException(survivorId);
            }
            if (a == null) {
                throw new UnknownCustomerException(awayId);
            }
            boolean survivorFirst = survivorId.compareTo(awayId) < 0;
            Entry first = survivorFirst ? s : a;
            Entry second = survivorFirst ? a : s;
            synchronized (first) {
                synchronized (second) {
                    if (s.removed || a.removed) {
                        continue;
                    }
                    if (s.customer.version() != result.customer().version()) {
                        throw conflict(survivorId, result.customer().version(), s.customer.version());
                    }
                    if (a.customer.version() != mergedAwayVersion) {
                        throw conflict(awayId, mergedAwayVersion, a.customer.version());
                    }
                    changes.addAll(Audit.entries(s.customer, result.customer(), who, now));
                    changes.add(new AuditEntry(survivorId, who, "merged:" + awayId.value(), now));
                    changes.add(new AuditEntry(awayId, who, "merged into:" + survivorId.value(), now));
                    s.customer = result.customer().withVersion(s.customer.version() + 1);
                    s.changedAt = now;
                    removeLocked(awayId, a);
                    for (Activity activity : result.activities()) {
                        s.activities.put(activity.id(), activity);
                        ownerOfActivity.put(activity.id(), survivorId);
                    }
                    a.lifecycles.forEach(s.lifecycles::putIfAbsent);
                    stored = s.customer;
                    break;
                }
            }
        }
        synchronized (journalLock) {
            merges.add(new MergeRecord(survivorId, awayId, who, now));
        }
        journal(changes);
        publish(ChangeType.MERGED, survivorId, stored.version(), now);
        publish(ChangeType.REMOVED, awayId, 0, now);
        return stored;
    }

    @Override
    public List<MergeRecord> merges(CustomerId id) {
        Objects.requireNonNull(id, "id");
        synchronized (journalLock) {
            return merges.stream().filter(m -> m.survivorId().equals(id) || m.mergedAwayId().equals(id)).toList();
        }
    }

    @Override
    public void storeLifecycle(CustomerId id, LifecycleRecord record, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
        Instant now = clock.instant();
        long version = withEntry(id, e -> {
            LifecycleRecord current = e.lifecycles.get(record.lifecycleName());
            long actual = current == null ? NEW_LIFECYCLE : current.version();
            if (actual != expectedVersion) {
                throw conflict(id, expectedVersion, actual);
            }
            e.lifecycles.put(record.lifecycleName(), record);
            return e.customer.version();
        });
        publish(ChangeType.LIFECYCLE_STORED, id, version, now);
    }

    @Override
    public Optional<LifecycleRecord> lifecycle(CustomerId id, Lifecycle<?, ?> lifecycle) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Entry e = entries.get(id);
        if (e == null) {
            return Optional.empty();
        }
        LifecycleRecord record;
        synchronized (e) {
            record = e.removed ? null : e.lifecycles.get(lifecycle.name());
        }
        // rebuilt against the caller's definition, as the JDBC store does
        return Optional.ofNullable(record).map(r -> LifecycleRecordJson.read(LifecycleRecordJson.write(r), lifecycle));
    }

    @Override
    public SortedMap<String, String> lifecycleDocuments(CustomerId id) {
        Objects.requireNonNull(id, "id");
        SortedMap<String, String> docs = new TreeMap<>();
        Entry e = entries.get(id);
        if (e != null) {
            synchronized (e) {
                if (!e.removed) {
                    e.lifecycles.forEach((name, r) -> docs.put(name, LifecycleRecordJson.write(r)));
                }
            }
        }
        return docs;
    }

    @Override
    public ErasureRecord erase(CustomerId id, String actor) {
        Objects.requireNonNull(id, "id");
        String who = Audit.actor(actor);
        Instant now = clock.instant();
        long version = withEntry(id, e -> {
            e.customer = Erasure.anonymise(e.customer).withVersion(e.customer.version() + 1);
            e.changedAt = now;
            e.activities.replaceAll((aid, a) -> Erasure.anonymise(a));
            e.lifecycles.replaceAll((name, r) -> LifecycleRecordJson.redacted(r, Erasure.ERASED));
            return e.customer.version();
        });
        ErasureRecord record = new ErasureRecord(id, who, now);
        synchronized (journalLock) {
            erasures.add(record);
        }
        journal(List.of(new AuditEntry(id, who, "erased", now)));
        publish(ChangeType.ERASED, id, version, now);
        return record;
    }

    @Override
    public List<ErasureRecord> erasures(CustomerId id) {
        Objects.requireNonNull(id, "id");
        synchronized (journalLock) {
            return erasures.stream().filter(r -> r.customerId().equals(id)).toList();
        }
    }

    @Override
    public List<AuditEntry> auditTrail(CustomerId id) {
        Objects.requireNonNull(id, "id");
        synchronized (journalLock) {
            return List.copyOf(audit.getOrDefault(id, List.of()));
        }
    }

    @Override
    public ChangeListener.Registration addListener(ChangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public StoreStats stats() {
        synchronized (journalLock) {
            return new StoreStats(entries.size(), ownerOfActivity.size(), merges.size(), erasures.size());
        }
    }

    private void journal(List<AuditEntry> entriesToAdd) {
        if (entriesToAdd.isEmpty()) {
            return;
        }
        synchronized (journalLock) {
            for (AuditEntry a : entriesToAdd) {
                audit.computeIfAbsent(a.customerId(), k -> new ArrayList<>()).add(a);
            }
        }
    }

    private void publish(ChangeType type, CustomerId id, long version, Instant at) {
        if (listeners.isEmpty()) {
            return;
        }
        ChangeEvent event = new ChangeEvent(sequence.incrementAndGet(), type, id, version, at);
        for (ChangeListener l : listeners) {
            try {
                l.onChange(event);
            } catch (RuntimeException e) {
                LOG.warn("change listener {} failed on {} of customer {}", l.getClass().getName(), type, id, e);
            }
        }
    }

    /** Version conflicts at DEBUG: the versions only, never customer data. */
    private static VersionConflictException conflict(CustomerId id, long expected, long actual) {
        LOG.debug("version conflict: expected version {} but the store holds version {}", expected, actual);
        return new VersionConflictException(id, expected, actual);
    }
}
