package org.crmkit.core.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-memory {@link CustomerStore}. Customers live in a concurrent map whose per-key
 * {@code compute} makes the version check and the write one atomic step; activities are
 * guarded by one lock, which is simple and fast enough for an embedded store.
 */
final class InMemoryCustomerStore implements CustomerStore {
    /** Version conflicts at DEBUG: the versions only; a customer id may be personal data. */
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryCustomerStore.class);

    private static final Comparator<Activity> TIME_ORDER =
            Comparator.comparing(Activity::timestamp).thenComparing(Activity::id);

    private final Clock clock;
    private final ConcurrentHashMap<CustomerId, Customer> customers = new ConcurrentHashMap<>();
    private final Object activityLock = new Object();
    private final Map<CustomerId, Map<ActivityId, Activity>> activitiesByCustomer = new HashMap<>();
    private final Map<ActivityId, CustomerId> ownerOfActivity = new HashMap<>();

    InMemoryCustomerStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        return Optional.ofNullable(customers.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public Customer create(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        if (customer.version() != 0) {
            throw new IllegalArgumentException("a new customer must have version 0: " + customer.id() + " has "
                    + customer.version());
        }
        Customer stored = customer.withVersion(1);
        Customer existing = customers.putIfAbsent(customer.id(), stored);
        if (existing != null) {
            throw conflict("create", customer.id(), 0, existing.version());
        }
        return stored;
    }

    @Override
    public Customer update(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        Customer[] result = new Customer[1];
        customers.compute(customer.id(), (id, current) -> {
            if (current == null) {
                throw new UnknownCustomerException(id);
            }
            if (current.version() != customer.version()) {
                throw conflict("update", id, customer.version(), current.version());
            }
            result[0] = customer.withVersion(current.version() + 1);
            return result[0];
        });
        return result[0];
    }

    @Override
    public void remove(CustomerId id, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        customers.compute(id, (key, current) -> {
            if (current == null) {
                throw new UnknownCustomerException(key);
            }
            if (current.version() != expectedVersion) {
                throw conflict("remove", key, expectedVersion, current.version());
            }
            return null;
        });
        synchronized (activityLock) {
            Map<ActivityId, Activity> removed = activitiesByCustomer.remove(id);
            if (removed != null) {
                removed.keySet().forEach(ownerOfActivity::remove);
            }
        }
    }

    @Override
    public List<Customer> all() {
        List<Customer> all = new ArrayList<>(customers.values());
        all.sort(Comparator.comparing(Customer::id));
        return all;
    }

    @Override
    public void record(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        activity.requireNotAfter(clock);
        CustomerId owner = activity.customerId();
        synchronized (activityLock) {
            // checked under the lock so that a concurrent remove cannot leave orphaned activities
            if (!customers.containsKey(owner)) {
                throw new UnknownCustomerException(owner);
            }
            CustomerId previousOwner = ownerOfActivity.put(activity.id(), owner);
            if (previousOwner != null && !previousOwner.equals(owner)) {
                Map<ActivityId, Activity> old = activitiesByCustomer.get(previousOwner);
                old.remove(activity.id());
                if (old.isEmpty()) {
                    activitiesByCustomer.remove(previousOwner);
                }
            }
            activitiesByCustomer.computeIfAbsent(owner, k -> new LinkedHashMap<>()).put(activity.id(), activity);
        }
    }

    @Override
    public List<Activity> activitiesOf(CustomerId id) {
        Objects.requireNonNull(id, "id");
        List<Activity> list;
        synchronized (activityLock) {
            Map<ActivityId, Activity> map = activitiesByCustomer.get(id);
            list = map == null ? new ArrayList<>() : new ArrayList<>(map.values());
        }
        list.sort(TIME_ORDER);
        return List.copyOf(list);
    }

    private static VersionConflictException conflict(String operation, CustomerId id, long expected, long actual) {
        LOG.debug("{}: version conflict, expected version {} but the store holds version {}", operation, expected,
                actual);
        return new VersionConflictException(id, expected, actual);
    }
}
