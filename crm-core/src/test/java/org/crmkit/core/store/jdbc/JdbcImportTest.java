package org.crmkit.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.FutureTimestampException;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.money.Money;
import org.crmkit.core.store.ChangeEvent;
import org.crmkit.core.store.ChangeType;
import org.crmkit.core.store.CustomerQuery;
import org.crmkit.core.store.StoreStats;
import org.crmkit.core.store.VersionConflictException;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcCustomerStore#importAll} on H2 with more rows than one JDBC batch holds, so that
 * the batches are flushed part way: everything lands once, with one audit row and one outbox
 * row per customer, keys queryable; and a failure anywhere leaves nothing behind.
 */
class JdbcImportTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** More than two JDBC batches of customers, of keys (two per customer) and of activities. */
    private static final int CUSTOMERS = 2_345;

    private static JdbcCustomerStore newStore() {
        return JdbcCustomerStore.builder(UrlDataSource.pooled("jdbc:h2:mem:import" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1", "", "", 2)).clock(ModelSamples.CLOCK).build();
    }

    private static List<Customer> customers(int count) {
        List<Customer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "C-%05d", i);
            list.add(ModelSamples.person(id).toBuilder()
                    .contacts(ContactPoints.empty().withEmail(Email.of("p" + i + "@example.com"))
                            .withPhone(Phone.of("+4917000" + (10_000 + i), PhoneType.MOBILE)))
                    .build());
        }
        return list;
    }

    private static List<Activity> purchases(List<Customer> customers, int each) {
        List<Activity> list = new ArrayList<>();
        for (Customer c : customers) {
            for (int k = 0; k < each; k++) {
                list.add(Purchase.of(ActivityId.of(c.id().value() + "-P" + k), c.id(),
                        ModelSamples.T0.plus(Duration.ofDays(k)), Channel.WEB, Actor.CUSTOMER, "SKU-" + k, "books", 1,
                        Money.of("EUR", "10.00")));
            }
        }
        return list;
    }

    @Test
    void imports_tellListenersOfEveryCreatedCustomer_withTheOutboxSequences() {
        JdbcCustomerStore store = newStore();
        List<ChangeEvent> heard = new ArrayList<>();
        store.addListener(heard::add);
        List<Customer> customers = customers(25);
        store.importAll(customers.subList(0, 10), purchases(customers.subList(0, 10), 2), "loader");
        assertThat(store.importInChunks(customers.subList(10, 25), purchases(customers.subList(10, 25), 2), "loader", 4)
                .chunks()).isEqualTo(4);

        assertThat(heard).isEqualTo(store.outbox(0, 1_000));
        assertThat(heard).hasSize(25).allMatch(e -> e.type() == ChangeType.CREATED && e.version() == 1);
        assertThat(heard).extracting(ChangeEvent::customerId)
                .containsExactlyElementsOf(customers.stream().map(Customer::id).toList());
    }

    @Test
    void importAll_moreThanOneBatch_storesEverythingOnce() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(CUSTOMERS);
        store.importAll(customers, purchases(customers, 3), "loader");

        assertThat(store.stats()).isEqualTo(new StoreStats(CUSTOMERS, 3L * CUSTOMERS, 0, 0));
        List<ChangeEvent> events = store.outbox(0, 100_000);
        assertThat(events).hasSize(CUSTOMERS).allMatch(e -> e.type() == ChangeType.CREATED && e.version() == 1);
        assertThat(events).extracting(ChangeEvent::customerId).doesNotHaveDuplicates();
        for (int i : new int[] {0, 999, 1_000, 1_999, 2_000, CUSTOMERS - 1}) {
            CustomerId id = customers.get(i).id();
            assertThat(store.find(id)).hasValueSatisfying(c -> assertThat(c.version()).isEqualTo(1));
            assertThat(store.activitiesOf(id)).hasSize(3);
            assertThat(store.auditTrail(id)).singleElement().satisfies(e -> {
                assertThat(e.field()).isEqualTo("created");
                assertThat(e.actor()).isEqualTo("loader");
            });
            assertThat(store.find(CustomerQuery.builder().email(Email.of("p" + i + "@example.com")).build()))
                    .extracting(Customer::id).containsExactly(id);
        }
    }

    @Test
    void importAll_idAlreadyStored_conflictAndNothingStored() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(CUSTOMERS);
        store.create(customers.get(1_500), "rep");

        assertThatThrownBy(() -> store.importAll(customers, purchases(customers, 2), "loader"))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.actualVersion()).isEqualTo(1);
                });
        assertThat(store.stats()).isEqualTo(new StoreStats(1, 0, 0, 0));
        assertThat(store.outbox(0, 100_000)).hasSize(1);
    }

    @Test
    void importAll_activityAfterTheClock_rejectedBeforeAnythingIsWritten() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(10);
        List<Activity> activities = new ArrayList<>(purchases(customers, 1));
        CustomerId last = customers.get(9).id();
        activities.add(Purchase.of(ActivityId.of("late"), last, ModelSamples.NOW.plusSeconds(1), Channel.WEB,
                Actor.CUSTOMER, "SKU-1", "books", 1, Money.of("EUR", "1.00")));

        assertThatThrownBy(() -> store.importAll(customers, activities, "loader"))
                .isInstanceOf(FutureTimestampException.class);
        assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0, 0));
    }

    @Test
    void importAll_activityOfUnknownCustomer_rolledBackWhole() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(CUSTOMERS);
        List<Activity> activities = new ArrayList<>(purchases(customers, 1));
        activities.add(Purchase.of(ActivityId.of("orphan"), CustomerId.of("nobody"), ModelSamples.T0, Channel.WEB,
                Actor.CUSTOMER, "SKU-1", "books", 1, Money.of("EUR", "1.00")));

        assertThatThrownBy(() -> store.importAll(customers, activities, "loader"))
                .isInstanceOf(StoreAccessException.class).hasMessageContaining("SQL state 23506");
        assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0, 0));
        assertThat(store.outbox(0, 10)).isEmpty();
    }

    @Test
    void importInChunks_storesEverythingOnce_andReportsIt() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(CUSTOMERS);
        ImportReport report = store.importInChunks(customers, purchases(customers, 3), "loader", 100);

        assertThat(report).isEqualTo(new ImportReport(CUSTOMERS, 3L * CUSTOMERS, 24, List.of()));
        assertThat(store.stats()).isEqualTo(new StoreStats(CUSTOMERS, 3L * CUSTOMERS, 0, 0));
        assertThat(store.outbox(0, 100_000)).hasSize(CUSTOMERS).extracting(ChangeEvent::customerId)
                .doesNotHaveDuplicates();
        CustomerId id = customers.get(2_222).id();
        assertThat(store.auditTrail(id)).extracting(e -> e.field()).containsExactly("created");
        assertThat(store.activitiesOf(id)).hasSize(3);
    }

    /**
     * Stores another customer with an activity under the id the import gives customer 250's
     * first purchase, so the chunk holding customer 250 fails on the activity's primary key.
     */
    private static Customer blockFirstPurchaseOfCustomer250(JdbcCustomerStore store) {
        Customer other = store.create(ModelSamples.organization("X-1"), "rep");
        store.record(Purchase.of(ActivityId.of("C-00250-P0"), other.id(), ModelSamples.T0, Channel.STORE,
                Actor.CUSTOMER, "SKU-9", "tools", 1, Money.of("EUR", "5.00")));
        return other;
    }

    @Test
    void importInChunks_failingChunk_keepsEarlierChunks_andRerunStoresTheRest() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(CUSTOMERS);
        List<Activity> activities = purchases(customers, 2);
        Customer other = blockFirstPurchaseOfCustomer250(store);

        assertThatThrownBy(() -> store.importInChunks(customers, activities, "loader", 100))
                .isInstanceOfSatisfying(PartialImportException.class, e -> {
                    assertThat(e.report()).isEqualTo(new ImportReport(200, 400, 2, List.of()));
                    assertThat(e).hasCauseInstanceOf(StoreAccessException.class)
                            .hasMessageStartingWith("import stopped after 2 committed chunks (200 customers, 400 activities)");
                });
        assertThat(store.stats()).isEqualTo(new StoreStats(201, 401, 0, 0));
        assertThat(store.find(customers.get(199).id())).isPresent();
        assertThat(store.find(customers.get(200).id())).as("the failed chunk is rolled back").isEmpty();

        store.remove(other.id(), other.version(), "rep");
        ImportReport rerun = store.importInChunks(customers, activities, "loader", 100);
        assertThat(rerun.customers()).isEqualTo(CUSTOMERS - 200);
        assertThat(rerun.activities()).isEqualTo(2L * (CUSTOMERS - 200));
        assertThat(rerun.skipped()).containsExactlyElementsOf(customers.subList(0, 200).stream().map(Customer::id).toList());
        assertThat(store.stats()).isEqualTo(new StoreStats(CUSTOMERS, 2L * CUSTOMERS, 0, 0));
        assertThat(store.outbox(0, 100_000)).filteredOn(e -> e.type() == ChangeType.CREATED).hasSize(CUSTOMERS + 1);
        assertThat(store.auditTrail(customers.get(0).id())).as("skipped, not written twice").hasSize(1);
    }

    @Test
    void importInChunks_twoWriters_storesEverythingOnce_andReportsIt() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(CUSTOMERS);
        ImportReport report = store.importInChunks(customers, purchases(customers, 3), "loader", 100, 2);

        assertThat(report).isEqualTo(new ImportReport(CUSTOMERS, 3L * CUSTOMERS, 24, List.of()));
        assertThat(store.stats()).isEqualTo(new StoreStats(CUSTOMERS, 3L * CUSTOMERS, 0, 0));
        assertThat(store.outbox(0, 100_000)).hasSize(CUSTOMERS).extracting(ChangeEvent::customerId)
                .doesNotHaveDuplicates();
        for (int i = 0; i < CUSTOMERS; i += 97) {
            CustomerId id = customers.get(i).id();
            assertThat(store.find(id)).get().isEqualTo(customers.get(i).withVersion(1));
            assertThat(store.auditTrail(id)).extracting(e -> e.field()).containsExactly("created");
            assertThat(store.activitiesOf(id)).hasSize(3);
        }
    }

    @Test
    void importInChunks_twoWriters_failingChunk_reportsWhatCommitted_andRerunStoresTheRest() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(CUSTOMERS);
        List<Activity> activities = purchases(customers, 2);
        Customer other = blockFirstPurchaseOfCustomer250(store);

        ImportReport[] partial = new ImportReport[1];
        assertThatThrownBy(() -> store.importInChunks(customers, activities, "loader", 100, 2))
                .isInstanceOfSatisfying(PartialImportException.class, e -> {
                    partial[0] = e.report();
                    assertThat(e).hasCauseInstanceOf(StoreAccessException.class);
                });
        // what the report counts is exactly what is stored (besides the other customer), the
        // failed chunk (customers 200-299) is not, and no chunk is half-written
        ImportReport report = partial[0];
        assertThat(report.customers()).isEqualTo(100 * report.chunks());
        assertThat(report.activities()).isEqualTo(2L * report.customers());
        assertThat(store.stats()).isEqualTo(new StoreStats(report.customers() + 1, report.activities() + 1, 0, 0));
        assertThat(store.find(customers.get(250).id())).isEmpty();
        assertThat(store.find(customers.get(200).id())).isEmpty();

        store.remove(other.id(), other.version(), "rep");
        ImportReport rerun = store.importInChunks(customers, activities, "loader", 100, 2);
        assertThat(rerun.customers()).isEqualTo(CUSTOMERS - report.customers());
        assertThat(rerun.skipped()).hasSize(report.customers());
        assertThat(store.stats()).isEqualTo(new StoreStats(CUSTOMERS, 2L * CUSTOMERS, 0, 0));
        assertThat(store.outbox(0, 100_000)).filteredOn(e -> e.type() == ChangeType.CREATED).hasSize(CUSTOMERS + 1);
    }

    @Test
    void importInChunks_writersOutOfRange_rejected() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(3);
        assertThatThrownBy(() -> store.importInChunks(customers, List.of(), "loader", 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("writers must be 1 to 64: 0");
        assertThatThrownBy(() -> store.importInChunks(customers, List.of(), "loader", 1, 65))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("writers must be 1 to 64: 65");
        assertThat(store.stats().customers()).isZero();
    }

    @Test
    void importInChunks_badInput_rejectedBeforeAnythingIsWritten() {
        JdbcCustomerStore store = newStore();
        List<Customer> customers = customers(300);
        List<Activity> activities = purchases(customers, 1);
        List<Customer> twice = new ArrayList<>(customers);
        twice.add(customers.get(7));
        List<Activity> orphan = new ArrayList<>(activities);
        orphan.add(Purchase.of(ActivityId.of("orphan"), CustomerId.of("nobody"), ModelSamples.T0, Channel.WEB,
                Actor.CUSTOMER, "SKU-1", "books", 1, Money.of("EUR", "1.00")));

        assertThatThrownBy(() -> store.importInChunks(twice, activities, "loader", 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("customer id C-00007 occurs twice in the import");
        assertThatThrownBy(() -> store.importInChunks(customers, orphan, "loader", 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activity orphan belongs to customer nobody, who is not in the import");
        assertThatThrownBy(() -> store.importInChunks(customers, activities, "loader", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("chunk size must be 1 to 100000: 0");
        assertThatThrownBy(() -> store.importInChunks(List.of(customers.get(0).withVersion(3)), List.of(), "loader", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must have version 0");
        assertThatThrownBy(() -> store.importInChunks(null, activities, "loader", 10))
                .isInstanceOf(NullPointerException.class).hasMessage("customers");
        assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0, 0));
    }

    @Test
    void importReport_invalid_rejected() {
        assertThatThrownBy(() -> new ImportReport(-1, 0, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImportReport(0, 0, 0, null)).isInstanceOf(NullPointerException.class);
    }
}
