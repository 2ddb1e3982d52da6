package org.crmkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.CooperationType;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.lifecycle.Lifecycle;
import org.crmkit.core.lifecycle.LifecycleRecord;
import org.crmkit.core.lifecycle.Outcome;
import org.crmkit.core.lifecycle.Trigger;
import org.crmkit.core.merge.CustomerMerger;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CustomerStore} promises, run against the in-memory store and the
 * JDBC store on H2 and on PostgreSQL (subclasses give the store and the number of stress rounds).
 */
abstract class CustomerStoreContract {
    /** A clock the test moves by hand; starts at {@link ModelSamples#NOW}. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(ModelSamples.NOW);

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    final TestClock clock = new TestClock();
    CustomerStore store;

    /** A new, empty store on the given clock. */
    abstract CustomerStore newStore(Clock clock);

    /** Rounds of the remove-versus-record stress test. */
    abstract int stressRounds();

    @BeforeEach
    void openStore() {
        store = newStore(clock);
    }

    private static Purchase purchase(String id, CustomerId c, Instant at, String amount) {
        return Purchase.of(ActivityId.of(id), c, at, Channel.WEB, Actor.CUSTOMER, "SKU-1", "books", 1,
                Money.of("EUR", amount));
    }

    @Test
    void create_update_versionsAndConflictNamingBothVersions() {
        Customer v1 = store.create(ModelSamples.person("C-1"), "rep-ann");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(store.find(v1.id())).contains(v1);
        Customer v2 = store.update(v1.optOut(ContactChannel.EMAIL, ModelSamples.NOW), "rep-ann");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.find(v1.id())).contains(v2);
        assertThatThrownBy(() -> store.update(v1.withAttribute(ModelSamples.VISITS, 99L)))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                }).hasMessageContaining("expected version 1 but the store has version 2");
        assertThatThrownBy(() -> store.create(ModelSamples.person("C-1")))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.actualVersion()).isEqualTo(2));
        assertThatThrownBy(() -> store.update(ModelSamples.person("C-404"))).isInstanceOf(UnknownCustomerException.class);
        assertThatThrownBy(() -> store.remove(v1.id(), 1)).isInstanceOf(VersionConflictException.class);
        store.remove(v1.id(), 2);
        assertThat(store.find(v1.id())).isEmpty();
        assertThatThrownBy(() -> store.remove(v1.id(), 2)).isInstanceOf(UnknownCustomerException.class);
    }

    @Test
    void record_replacesById_ordersByTime_filtersByTypeAndPeriod_rejectsUnknownAndFuture() {
        Customer c = store.create(ModelSamples.person("C-1"));
        List<Activity> activities = ModelSamples.activities(c.id());
        activities.forEach(store::record);
        List<Activity> stored = store.activitiesOf(c.id());
        assertThat(stored).containsExactlyInAnyOrderElementsOf(activities)
                .isSortedAccordingTo(java.util.Comparator.comparing(Activity::timestamp).thenComparing(Activity::id));
        Complaint open = (Complaint) stored.stream().filter(a -> a.id().value().endsWith("-K1")).findFirst().orElseThrow();
        store.record(open.resolve(ModelSamples.NOW, "refund"));
        assertThat(store.activitiesOf(c.id())).hasSize(activities.size()).contains(open.resolve(ModelSamples.NOW, "refund"));

        Instant from = ModelSamples.T0.plus(Duration.ofDays(1));
        Instant to = ModelSamples.T0.plus(Duration.ofDays(41));
        List<Purchase> purchases = store.activitiesOf(c.id(), Purchase.class, from, to);
        assertThat(purchases).extracting(a -> a.id().value()).containsExactly("C-1-R1", "C-1-P2");
        assertThat(store.activitiesOf(c.id(), Interaction.class, Instant.MIN, Instant.MAX)).hasSize(1);
        assertThat(store.activitiesOf(c.id(), Activity.class, ModelSamples.T0, ModelSamples.T0.plus(Duration.ofDays(4))))
                .extracting(a -> a.id().value()).containsExactly("C-1-P1", "C-1-R1");
        assertThat(store.activitiesOf(c.id(), Purchase.class, ModelSamples.T0, ModelSamples.T0)).isEmpty();
        assertThatThrownBy(() -> store.activitiesOf(c.id(), Purchase.class, to, from))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");

        assertThatThrownBy(() -> store.record(purchase("X-1", CustomerId.of("C-404"), ModelSamples.T0, "1.00")))
                .isInstanceOf(UnknownCustomerException.class);
        assertThatThrownBy(() -> store.record(purchase("X-2", c.id(), ModelSamples.NOW.plusSeconds(60), "1.00")))
                .isInstanceOf(org.crmkit.core.activity.FutureTimestampException.class);
        assertThat(store.activitiesOf(CustomerId.of("C-404"))).isEmpty();
        store.remove(c.id(), c.version());
        assertThat(store.activitiesOf(c.id())).isEmpty();
        assertThat(store.stats().activities()).isZero();
    }

    /**
     * Issue 9, point 14. Per round: the customer exists (incarnation 1); a remover removes it, a
     * creator re-creates it (incarnation 2) as soon as the id is free, a recorder records an
     * activity as soon as it sees incarnation 2, and a reader reads all along. An activity whose
     * {@code record} returned normally while incarnation 2 existed before and after must still be
     * there at the end of the round: nothing removes incarnation 2 during the round. The old
     * in-memory store removed a customer and its activities in two steps, so a re-create and
     * record landing between the steps lost the activity. The threads live for the whole test
     * and meet at a phaser, so a round costs microseconds and 10^5 rounds catch a defect that
     * strikes once in 10^5.
     */
    @Test
    void removeAndRecord_concurrent_neverLoseAnActivityThatWasRecorded() throws Exception {
        CustomerId id = CustomerId.of("C-race");
        int rounds = stressRounds();
        Customer first = ModelSamples.organization("C-race");
        Customer second = first.toBuilder().status(CustomerStatus.CURRENT).build();
        java.util.concurrent.Phaser phaser = new java.util.concurrent.Phaser(4);
        AtomicInteger lost = new AtomicInteger();
        AtomicInteger recorded = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<ActivityId> current = new AtomicReference<>();
        AtomicBoolean recordedThisRound = new AtomicBoolean();
        Runnable remover = () -> {
            while (phaser.arriveAndAwaitAdvance() >= 0 && !stop.get()) {
                store.remove(id, 1);
                phaser.arriveAndAwaitAdvance();
            }
        };
        Runnable creator = () -> {
            while (phaser.arriveAndAwaitAdvance() >= 0 && !stop.get()) {
                for (int i = 0; i < 10_000_000; i++) {
                    try {
                        store.create(second);
                        break;
                    } catch (VersionConflictException e) {
                        Thread.yield();
                    }
                }
                phaser.arriveAndAwaitAdvance();
            }
        };
        Runnable recorder = () -> {
            while (phaser.arriveAndAwaitAdvance() >= 0 && !stop.get()) {
                Purchase p = purchase(current.get().value(), id, ModelSamples.T0, "1.00");
                for (int i = 0; i < 10_000_000; i++) {
                    if (store.find(id).map(c -> c.status() == CustomerStatus.CURRENT).orElse(false)) {
                        try {
                            store.record(p);
                        } catch (UnknownCustomerException e) {
                            continue;
                        }
                        if (store.find(id).map(c -> c.status() == CustomerStatus.CURRENT).orElse(false)) {
                            recordedThisRound.set(true);
                            break;
                        }
                    }
                    Thread.yield();
                }
                phaser.arriveAndAwaitAdvance();
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (Runnable r : List.of(remover, creator, recorder)) {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    phaser.forceTermination();
                }
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        AtomicBoolean readerDone = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!readerDone.get()) {
                store.find(id);
                store.activitiesOf(id);
                Thread.yield();
            }
        }, "reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (int round = 0; round < rounds && failure.get() == null; round++) {
                store.create(first);
                current.set(ActivityId.of("R-" + round));
                recordedThisRound.set(false);
                phaser.arriveAndAwaitAdvance(); // start the round
                phaser.arriveAndAwaitAdvance(); // wait for its end
                if (recordedThisRound.get()) {
                    recorded.incrementAndGet();
                    if (store.activitiesOf(id).stream().noneMatch(a -> a.id().equals(current.get()))) {
                        lost.incrementAndGet();
                    }
                }
                store.find(id).ifPresent(c -> store.remove(id, c.version()));
            }
        } finally {
            stop.set(true);
            readerDone.set(true);
            phaser.arriveAndAwaitAdvance();
            reader.join(10_000);
        }
        assertThat(failure.get()).as("a worker failed").isNull();
        assertThat(recorded.get()).as("rounds in which the activity was recorded on the re-created customer")
                .isEqualTo(rounds);
        assertThat(lost.get()).as("activities lost in %s rounds", rounds).isZero();
    }

    @Test
    void find_byExternalKeysStatusClassificationAndChangeTime_withPaging() {
        Customer lena = store.create(ModelSamples.person("C-1"));
        Customer acme = store.create(ModelSamples.organization("C-2"));
        clock.advance(Duration.ofHours(1));
        Instant later = clock.instant();
        Customer other = store.create(ModelSamples.person("C-3").toBuilder()
                .contacts(ContactPoints.empty().withEmail(Email.of("Other@Example.com"))
                        .withPhone(Phone.of("+49 171 999", PhoneType.MOBILE)))
                .status(CustomerStatus.POTENTIAL).build());

        assertThat(store.find(CustomerQuery.builder().email(Email.of("LENA.SCHMIDT@example.com")).build()))
                .containsExactly(lena);
        assertThat(store.find(CustomerQuery.builder().email(Email.of("other@example.com")).build())).containsExactly(other);
        assertThat(store.find(CustomerQuery.builder().phone(Phone.of("+49 30 555 0000", PhoneType.FAX)).build()))
                .containsExactly(acme);
        assertThat(store.find(CustomerQuery.builder().status(CustomerStatus.CURRENT).build())).containsExactly(lena);
        assertThat(store.find(CustomerQuery.builder().cooperation(CooperationType.FIXED).build())).containsExactly(acme);
        assertThat(store.find(CustomerQuery.builder().changedSince(later).build())).containsExactly(other);
        clock.advance(Duration.ofHours(1));
        Customer lena2 = store.update(lena.withAttribute(ModelSamples.VISITS, 13L));
        assertThat(store.find(CustomerQuery.builder().changedSince(later.plusSeconds(1)).build())).containsExactly(lena2);

        CustomerQuery pages = CustomerQuery.builder().limit(2).build();
        List<Customer> page1 = store.find(pages);
        assertThat(page1).extracting(Customer::id).containsExactly(CustomerId.of("C-1"), CustomerId.of("C-2"));
        assertThat(store.find(pages.after(CustomerId.of("C-2")))).extracting(Customer::id)
                .containsExactly(CustomerId.of("C-3"));
    }

    @Test
    void stream_readsEveryCustomerInIdOrder_pageByPage() {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            String id = String.format("C-%03d", (i * 37) % 57);
            store.create(ModelSamples.organization(id));
            ids.add(CustomerId.of(id));
        }
        ids.sort(null);
        assertThat(store.stream(CustomerQuery.builder().limit(10).build()).map(Customer::id).toList())
                .containsExactlyElementsOf(ids);
        assertThat(store.all()).extracting(Customer::id).containsExactlyElementsOf(ids);
        assertThat(store.stream(CustomerQuery.builder().limit(57).build()).count()).isEqualTo(57);
        assertThat(store.stats().customers()).isEqualTo(57);
    }

    @Test
    void merge_movesActivities_recordsTheMerge_andWritesNothingOnConflict() {
        Customer a = store.create(ModelSamples.person("C-1"));
        Customer b = store.create(ModelSamples.person("C-2"));
        ModelSamples.activities(a.id()).forEach(store::record);
        ModelSamples.activities(b.id()).forEach(store::record);
        Customer stale = store.update(b.withAttribute(ModelSamples.VISITS, 1L));
        // a merge computed from b's version 1 conflicts and leaves everything as it was
        var result = CustomerMerger.merge(a, store.activitiesOf(a.id()), b, store.activitiesOf(b.id()), clock.instant());
        assertThatThrownBy(() -> store.merge(result, 1, "rep-ann"))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.customerId()).isEqualTo(b.id());
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThat(store.find(b.id())).contains(stale);
        assertThat(store.activitiesOf(b.id())).hasSize(9);
        assertThat(store.merges(a.id())).isEmpty();

        Customer merged = CustomerMerger.mergeInto(store, a.id(), b.id(), clock, "rep-ann");
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.mergedIds()).containsExactly(b.id());
        assertThat(store.find(b.id())).isEmpty();
        assertThat(store.activitiesOf(a.id())).hasSize(18).allMatch(x -> x.customerId().equals(a.id()));
        assertThat(store.merges(b.id())).containsExactly(new MergeRecord(a.id(), b.id(), "rep-ann", clock.instant()));
        assertThat(store.stats()).isEqualTo(new StoreStats(1, 18, 1, 0));
        assertThat(store.auditTrail(a.id())).extracting(AuditEntry::field).contains("merged:C-2", "mergedIds");
    }

    static final Lifecycle<Object, Void> ONBOARDING = Lifecycle.<Object, Void>builder("onboarding")
            .initial("trial").state("active").terminal("closed")
            .transition("trial", "subscribe", "active").transition("active", "close", "closed").build();

    @Test
    void lifecycle_storedWithVersionCheck_readBackAgainstItsDefinition() {
        Customer c = store.create(ModelSamples.person("C-1"));
        LifecycleRecord r0 = ONBOARDING.start(ModelSamples.T0);
        store.storeLifecycle(c.id(), r0, CustomerStore.NEW_LIFECYCLE);
        Outcome.Moved moved = (Outcome.Moved) ONBOARDING.decide(r0, new Object(), null,
                Trigger.of("subscribe", ModelSamples.T0.plusSeconds(60), "sales", "card on file"));
        LifecycleRecord r1 = r0.append(moved);
        store.storeLifecycle(c.id(), r1, 0);
        assertThatThrownBy(() -> store.storeLifecycle(c.id(), r1, 0))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.actualVersion()).isEqualTo(1));
        LifecycleRecord back = store.lifecycle(c.id(), ONBOARDING).orElseThrow();
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.state().name()).isEqualTo("active");
        assertThat(back.history()).containsExactly(moved);
        assertThat(CrmJson.write(back)).isEqualTo(CrmJson.write(r1)).contains("\"state\":\"active\"", "card on file");
        assertThat(store.lifecycleDocuments(c.id())).containsOnlyKeys("onboarding");
        assertThatThrownBy(() -> store.storeLifecycle(CustomerId.of("C-404"), r0, CustomerStore.NEW_LIFECYCLE))
                .isInstanceOf(UnknownCustomerException.class);
        store.remove(c.id(), c.version());
        assertThat(store.lifecycle(c.id(), ONBOARDING)).isEmpty();
    }

    @Test
    void erase_anonymisesPersonalData_keepsFacts_recordsErasure_auditHoldsNoValue() throws Exception {
        Customer c = store.create(ModelSamples.person("C-1"), "rep-ann");
        ModelSamples.activities(c.id()).forEach(store::record);
        LifecycleRecord r0 = ONBOARDING.start(ModelSamples.T0);
        LifecycleRecord r1 = r0.append((Outcome.Moved) ONBOARDING.decide(r0, new Object(), null,
                Trigger.of("subscribe", ModelSamples.T0.plusSeconds(60), "sales", "Lena called from Schmidt GmbH")));
        store.storeLifecycle(c.id(), r1, CustomerStore.NEW_LIFECYCLE);
        store.update(c.withAttribute(ModelSamples.VISITS, 40L), "rep-bob");
        List<Activity> before = store.activitiesOf(c.id());

        ErasureRecord erasure = store.erase(c.id(), "dpo-1");
        assertThat(erasure).isEqualTo(new ErasureRecord(c.id(), "dpo-1", clock.instant()));
        Customer erased = store.find(c.id()).orElseThrow();
        assertThat(erased.version()).isEqualTo(3);
        String export = SubjectExport.json(store, c.id(), clock);
        for (String personal : List.of("Lena", "Schmidt", "T22000129", "1986-05-17", "lena.schmidt", "1234567",
                "Hauptstr", "engineer", "Sparkasse", "asked about delivery", "call back Friday", "parcel damaged",
                "wrong invoice", "invoice corrected", "cover torn", "gold")) {
            assertThat(export).as("export after erasure").doesNotContain(personal);
            assertThat(CrmJson.write(erased)).doesNotContain(personal);
        }
        List<Activity> after = store.activitiesOf(c.id());
        assertThat(after).hasSameSizeAs(before);
        assertThat(after.stream().filter(a -> a instanceof Purchase).toList())
                .as("purchases keep amounts, dates, products and categories")
                .isEqualTo(before.stream().filter(a -> a instanceof Purchase).toList());
        assertThat(erased.status()).isEqualTo(c.status());
        assertThat(erased.financial().orElseThrow().averageOrderValue()).isEqualTo(c.financial().orElseThrow().averageOrderValue());
        assertThat(erased.attributes().get(ModelSamples.VISITS)).contains(40L);
        assertThat(store.lifecycle(c.id(), ONBOARDING).orElseThrow().state().name()).isEqualTo("active");
        assertThat(store.erasures(c.id())).containsExactly(erasure);
        assertThat(store.stats().erasures()).isEqualTo(1);

        JsonNode json = CrmJson.mapper().readTree(export);
        assertThat(json.path("erasures").get(0).path("actor").asText()).isEqualTo("dpo-1");
        assertThat(json.path("activities")).hasSize(9);
        List<String> fields = new ArrayList<>();
        json.path("auditTrail").forEach(e -> fields.add(e.path("actor").asText() + ":" + e.path("field").asText()));
        assertThat(fields).containsExactly("rep-ann:created", "rep-bob:attributes.shop:visits", "dpo-1:erased");
        assertThatThrownBy(() -> store.erase(CustomerId.of("C-404"), "dpo-1")).isInstanceOf(UnknownCustomerException.class);
        assertThatThrownBy(() -> SubjectExport.json(store, CustomerId.of("C-404"), clock))
                .isInstanceOf(UnknownCustomerException.class);
    }

    /**
     * Issue 13: no personal value in any log. Everything a customer's life in the store logs
     * (a failing listener, a version conflict, the erasure and the reads and writes after it) is
     * captured at every level and must name none of the personal values; and it must not be
     * empty, or the check would prove nothing.
     */
    @Test
    void erase_noPersonalValueInAnyLogLine() {
        assertThat(CapturingLogProvider.installed()).as("crm-core's tests capture logs (slf4j.provider)").isTrue();
        CapturingLogProvider.clear();
        store.addListener(e -> {
            throw new IllegalStateException("listener down");
        });
        Customer c = store.create(ModelSamples.person("C-1"), "rep-ann");
        ModelSamples.activities(c.id()).forEach(store::record);
        Customer v2 = store.update(c.withAttribute(ModelSamples.VISITS, 40L), "rep-bob");
        assertThatThrownBy(() -> store.update(c.withAttribute(ModelSamples.VISITS, 41L), "rep-bob"))
                .isInstanceOf(VersionConflictException.class);
        store.erase(c.id(), "dpo-1");
        Customer erased = store.find(c.id()).orElseThrow();
        store.update(erased.withAttribute(ModelSamples.VISITS, 42L), "rep-bob");
        store.activitiesOf(c.id());
        SubjectExport.json(store, c.id(), clock);
        assertThat(v2.version()).isEqualTo(2);

        List<String> lines = CapturingLogProvider.lines();
        assertThat(lines).as("the failing listener is logged").anyMatch(l -> l.contains("listener down"));
        for (String personal : List.of("Lena", "Schmidt", "T22000129", "1986-05-17", "lena.schmidt", "1234567",
                "Hauptstr", "engineer", "Sparkasse", "asked about delivery", "call back Friday", "parcel damaged",
                "wrong invoice", "invoice corrected", "cover torn")) {
            assertThat(lines).as("log lines naming %s", personal).noneMatch(l -> l.contains(personal));
        }
    }

    @Test
    void audit_namesActorAndChangedFields_only() {
        Customer c = store.create(ModelSamples.person("C-1"), "import");
        Customer v2 = store.update(c.optOut(ContactChannel.EMAIL, ModelSamples.NOW)
                .toBuilder().status(CustomerStatus.TERMINATED).build(), "rep-ann");
        store.update(v2, "rep-bob"); // no change: no entry
        assertThat(store.auditTrail(c.id())).extracting(AuditEntry::actor, AuditEntry::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("import", "created"),
                org.assertj.core.groups.Tuple.tuple("rep-ann", "status"),
                org.assertj.core.groups.Tuple.tuple("rep-ann", "consents.EMAIL"));
        assertThatThrownBy(() -> store.update(v2, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor");
    }

    @Test
    void listener_seesEveryCommittedChange_notFailedOnes_andCanBeClosed() {
        List<ChangeEvent> events = new CopyOnWriteArrayList<>();
        ChangeListener.Registration registration = store.addListener(events::add);
        store.addListener(e -> {
            throw new IllegalStateException("a failing listener does not undo the change");
        });
        Customer c = store.create(ModelSamples.person("C-1"));
        Customer v2 = store.update(c.withAttribute(ModelSamples.VISITS, 2L));
        assertThatThrownBy(() -> store.update(c)).isInstanceOf(VersionConflictException.class);
        store.record(purchase("P-1", c.id(), ModelSamples.T0, "5.00"));
        store.erase(c.id(), "dpo");
        store.remove(c.id(), v2.version() + 1);
        assertThat(events).extracting(ChangeEvent::type).containsExactly(ChangeType.CREATED, ChangeType.UPDATED,
                ChangeType.ACTIVITY_RECORDED, ChangeType.ERASED, ChangeType.REMOVED);
        assertThat(events).extracting(ChangeEvent::version).containsExactly(1L, 2L, 2L, 3L, 0L);
        assertThat(events).extracting(ChangeEvent::sequence).isSorted().doesNotHaveDuplicates();
        registration.close();
        store.create(ModelSamples.person("C-2"));
        assertThat(events).hasSize(5);
    }
}
