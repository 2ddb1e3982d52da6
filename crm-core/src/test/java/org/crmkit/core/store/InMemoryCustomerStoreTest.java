package org.crmkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.FutureTimestampException;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

class InMemoryCustomerStoreTest {
    private final CustomerStore store = CustomerStore.inMemory(ModelSamples.CLOCK);

    @Test
    void create_setsVersionOne_andRejectsSecondCreate() {
        Customer stored = store.create(ModelSamples.person("C-1"));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(store.find(CustomerId.of("C-1"))).contains(stored);
        assertThatThrownBy(() -> store.create(ModelSamples.person("C-1")))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.actualVersion()).isEqualTo(1);
                });
        assertThatThrownBy(() -> store.create(stored)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 0");
    }

    @Test
    void update_staleVersion_conflictNamesBothVersions() {
        Customer v1 = store.create(ModelSamples.person("C-1"));
        Customer v2 = store.update(v1.optOut(ContactChannel.EMAIL, ModelSamples.NOW));
        assertThat(v2.version()).isEqualTo(2);
        assertThatThrownBy(() -> store.update(v1.withAttribute(ModelSamples.VISITS, 99L)))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.customerId()).isEqualTo(CustomerId.of("C-1"));
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected version 1 but the store has version 2");
        assertThat(store.find(CustomerId.of("C-1")).orElseThrow().contactable(ContactChannel.EMAIL))
                .as("the first writer's opt-out survives").isFalse();
        assertThatThrownBy(() -> store.update(ModelSamples.person("C-404")))
                .isInstanceOf(UnknownCustomerException.class);
    }

    @Test
    void record_activitiesInTimeOrder_upsertById_rejectsFutureAndUnknown() {
        store.create(ModelSamples.person("C-1"));
        CustomerId id = CustomerId.of("C-1");
        List<Activity> activities = new ArrayList<>(ModelSamples.activities(id));
        java.util.Collections.reverse(activities);
        activities.forEach(store::record);
        List<Activity> stored = store.activitiesOf(id);
        assertThat(stored).hasSize(activities.size()).isSortedAccordingTo(
                java.util.Comparator.comparing(Activity::timestamp));
        Complaint open = (Complaint) stored.stream().filter(a -> a.id().equals(ActivityId.of("C-1-K1"))).findFirst()
                .orElseThrow();
        store.record(open.resolve(ModelSamples.NOW, "refund"));
        assertThat(store.activitiesOf(id)).hasSize(activities.size())
                .contains(open.resolve(ModelSamples.NOW, "refund"));

        Purchase future = Purchase.of(ActivityId.of("F-1"), id, ModelSamples.NOW.plusSeconds(1), Channel.WEB,
                Actor.CUSTOMER, "SKU", null, 1, Money.of("EUR", "1.00"));
        assertThatThrownBy(() -> store.record(future)).isInstanceOf(FutureTimestampException.class);
        assertThatThrownBy(() -> store.record(future.withCustomerId(CustomerId.of("C-404"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void remove_checksVersionAndDropsActivities() {
        Customer v1 = store.create(ModelSamples.person("C-1"));
        ModelSamples.activities(v1.id()).forEach(store::record);
        assertThatThrownBy(() -> store.remove(v1.id(), 7)).isInstanceOf(VersionConflictException.class);
        store.remove(v1.id(), 1);
        assertThat(store.find(v1.id())).isEmpty();
        assertThat(store.activitiesOf(v1.id())).isEmpty();
    }

    /** 8 threads, 10,000 increments in total over 5 customers, retry on conflict: no update is lost. */
    @Test
    void update_concurrentWriters_noLostUpdate() throws Exception {
        AttributeKey<Long> counter = AttributeKey.ofLong("test", "counter");
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.create(ModelSamples.person("C-" + i)).id());
        }
        int threads = 8;
        int updates = 10_000;
        AtomicInteger conflicts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int n = thread; n < updates; n += threads) {
                        CustomerId id = ids.get(n % ids.size());
                        while (true) {
                            Customer current = store.find(id).orElseThrow();
                            long value = current.attributes().get(counter).orElse(0L);
                            try {
                                store.update(current.withAttribute(counter, value + 1));
                                break;
                            } catch (VersionConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long total = 0;
        long versions = 0;
        for (CustomerId id : ids) {
            Customer c = store.find(id).orElseThrow();
            total += c.attributes().get(counter).orElse(0L);
            versions += c.version() - 1;
        }
        assertThat(total).isEqualTo(updates);
        assertThat(versions).isEqualTo(updates);
    }

    @Test
    void modify_retriesUntilApplied() throws Exception {
        AttributeKey<Long> counter = AttributeKey.ofLong("test", "counter");
        CustomerId id = store.create(ModelSamples.person("C-1")).id();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        store.modify(id, c -> c.withAttribute(counter, c.attributes().get(counter).orElse(0L) + 1));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.find(id).orElseThrow().attributes().get(counter)).contains(1_000L);
    }
}
