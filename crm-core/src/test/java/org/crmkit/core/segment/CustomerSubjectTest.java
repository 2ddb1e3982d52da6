package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.EmploymentStatus;
import org.crmkit.core.customer.FinancialProfile;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.MaritalStatus;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.money.Money;
import org.crmkit.core.view.CustomerView;
import org.junit.jupiter.api.Test;

class CustomerSubjectTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    static final LocalDate ASOF = LocalDate.of(2026, 6, 30);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final CustomerId ID = CustomerId.of("C-1");
    static final Actor REP = Actor.of("rep-1");
    static final AttributeRegistry REGISTRY = AttributeRegistry.builder()
            .addAll(StandardAttributes.registry())
            .number("shop.store_visits", "visits counted by the shop")
            .build();

    static Instant at(LocalDate d) {
        return d.atTime(10, 0).atZone(ZONE).toInstant();
    }

    static Purchase sale(String id, LocalDate d, String amount, String category, Channel ch) {
        return Purchase.of(ActivityId.of(id), ID, at(d), ch, REP, "SKU-" + id, category, 1, Money.of("EUR", amount));
    }

    static Customer anna() {
        PersonProfile p = PersonProfile.builder(PersonName.of("Anna", "Lee"), CLOCK)
                .birthDate(LocalDate.of(1980, 7, 1)).gender(Gender.FEMALE).maritalStatus(MaritalStatus.MARRIED)
                .employmentStatus(EmploymentStatus.EMPLOYED).build();
        return Customer.builder(ID, p)
                .status(CustomerStatus.CURRENT)
                .contacts(ContactPoints.empty().withAddress(
                        new PostalAddress("Hauptstr. 1", "Berlin", "10115", "DE", "DE-BE", AddressType.URBAN, null)))
                .consents(Consents.none().grant(ContactChannel.EMAIL, Instant.parse("2025-01-01T00:00:00Z")))
                .financial(FinancialProfile.builder(CLOCK).averagePaymentTermDays(20).build())
                .build()
                .withAttribute(AttributeKey.ofLong("shop", "store-visits"), 12L);
    }

    static List<Activity> history() {
        return List.of(
                sale("1", LocalDate.of(2023, 3, 1), "200.00", "books", Channel.STORE),
                sale("2", LocalDate.of(2026, 1, 10), "6000.00", "garden", Channel.WEB),
                sale("3", LocalDate.of(2026, 1, 10), "4500.00", "books", Channel.WEB),
                sale("4", LocalDate.of(2026, 6, 20), "300.00", "books", Channel.WEB),
                sale("5", LocalDate.of(2026, 7, 5), "999.00", "books", Channel.WEB), // after the as-of date
                Complaint.open(ActivityId.of("X-1"), ID, at(LocalDate.of(2026, 6, 1)), Channel.PHONE, REP, "late"),
                // resolved after the as-of date, so still open on it
                Complaint.open(ActivityId.of("X-2"), ID, at(LocalDate.of(2026, 6, 2)), Channel.EMAIL, REP, "broken")
                        .resolve(at(LocalDate.of(2026, 7, 2)), "replaced"),
                // resolved before the as-of date
                Complaint.open(ActivityId.of("X-3"), ID, at(LocalDate.of(2026, 5, 2)), Channel.EMAIL, REP, "noisy")
                        .resolve(at(LocalDate.of(2026, 5, 3)), "explained"));
    }

    @Test
    void load_derivesProfileAndHistoryFacts() {
        CustomerSubject s = new CustomerSubject(REGISTRY, ZONE).load(anna(), history(), ASOF);
        SubjectRecord v = s.values();
        assertThat(v.number(REGISTRY.slot("age"))).isEqualTo(45); // turns 46 on 2026-07-01
        assertThat(v.text(REGISTRY.slot("gender"))).isEqualTo("female");
        assertThat(v.text(REGISTRY.slot("region"))).isEqualTo("DE-BE");
        assertThat(v.bool(REGISTRY.slot("consent_email"))).isTrue();
        assertThat(v.bool(REGISTRY.slot("consent_phone"))).isFalse();
        assertThat(v.number(REGISTRY.slot("order_count"))).isEqualTo(3); // two lines on 2026-01-10 are one order
        assertThat(v.number(REGISTRY.slot("total_spend"))).isEqualTo(11_000);
        assertThat(v.number(REGISTRY.slot("orders_365d"))).isEqualTo(2);
        assertThat(v.number(REGISTRY.slot("spend_365d"))).isEqualTo(10_800);
        assertThat(v.number(REGISTRY.slot("tenure_days"))).isEqualTo(ASOF.toEpochDay() - LocalDate.of(2023, 3, 1).toEpochDay());
        assertThat(v.number(REGISTRY.slot("days_since_last_purchase"))).isEqualTo(10);
        assertThat(v.number(REGISTRY.slot("open_complaints"))).isEqualTo(2);
        assertThat(v.number(REGISTRY.slot("shop.store_visits"))).isEqualTo(12);
        assertThat(v.isPresent(REGISTRY.slot("youngest_child_age"))).isFalse();
    }

    @Test
    void orderCount_sameInCustomerViewAndSegmentAttribute() {
        LocalDate march5 = LocalDate.of(2026, 3, 5);
        Purchase first = sale("A", march5, "10.00", "books", Channel.STORE);
        Purchase late = Purchase.of(ActivityId.of("B"), ID, march5.atTime(23, 30).atZone(ZONE).toInstant(),
                Channel.WEB, REP, "SKU-B", "books", 2, Money.of("EUR", "20.00"));
        List<Activity> lines = List.of(
                first, // three lines on 5 March (Berlin): one order
                sale("C", march5, "30.00", "garden", Channel.STORE),
                late,
                first.returnLine(ActivityId.of("R"), at(LocalDate.of(2026, 3, 8)), 1, REP), // a return: no order
                sale("D", LocalDate.of(2026, 4, 1), "40.00", "books", Channel.WEB),
                sale("E", LocalDate.of(2026, 6, 20), "50.00", "books", Channel.WEB));
        CustomerView view = CustomerView.of(anna(), lines, CLOCK);
        CustomerSubject s = new CustomerSubject(REGISTRY, ZONE).load(view);
        SubjectRecord v = s.values();

        // by hand: sale days 5 March, 1 April, 20 June; the return on 8 March is not an order
        assertThat(view.orderCount(ZONE)).isEqualTo(3);
        assertThat(v.number(REGISTRY.slot("order_count"))).isEqualTo(3);
        assertThat(new CustomerSubject(REGISTRY, ZONE).load(anna(), lines, ASOF).values()
                .number(REGISTRY.slot("order_count"))).isEqualTo(3);
        assertThat(CompiledRule.compile(Rules.attribute("order_count").isAtLeast(3), REGISTRY).evaluate(s))
                .isEqualTo(Truth.TRUE);
        assertThat(CompiledRule.compile(Rules.attribute("order_count").isAtLeast(4), REGISTRY).evaluate(s))
                .isEqualTo(Truth.FALSE);
        assertThat(v.number(REGISTRY.slot("orders_365d"))).isEqualTo(3);
        // 10 + 30 + 20 - 10 + 40 + 50
        assertThat(v.number(REGISTRY.slot("total_spend"))).isEqualTo(140);
        assertThat(v.number(REGISTRY.slot("spend_365d"))).isEqualTo(140);
        assertThat(v.epochDay(REGISTRY.slot("first_purchase_date"))).isEqualTo(march5.toEpochDay());
        assertThat(v.epochDay(REGISTRY.slot("last_purchase_date")))
                .isEqualTo(LocalDate.ofInstant(view.lastPurchase().orElseThrow(), ZONE).toEpochDay());
    }

    @Test
    void builtInsAndAggregates_workOnTheCustomerModel() {
        CustomerSubject s = new CustomerSubject(REGISTRY, ZONE).load(anna(), history(), ASOF);
        assertThat(BuiltInSegmentations.statusClasses().compile(REGISTRY).assignName(s)).isEqualTo("current-a-key");
        assertThat(BuiltInSegmentations.familyLifeCycle().compile(REGISTRY).assignName(s)).isEqualTo("empty-nest-1");
        Rule books = Rules.purchases().lastDays(365).inCategories("books").inChannels("web").sum().isEqualTo(4800);
        assertThat(CompiledRule.compile(books, REGISTRY).evaluate(s)).isEqualTo(Truth.TRUE);
        Rule complaints = Rules.interactions().lastDays(60).inChannels("phone").count().isEqualTo(1);
        assertThat(CompiledRule.compile(complaints, REGISTRY).evaluate(s)).isEqualTo(Truth.TRUE);
        s.values().setText("abc_class", "A");
        assertThat(BuiltInSegmentations.valueTiers().compile(REGISTRY).assignName(s)).isEqualTo("gold");
    }

    @Test
    void load_organizationAndMixedCurrencies() {
        Customer acme = Customer.builder(CustomerId.of("C-2"), OrganizationProfile.builder("ACME GmbH")
                .employees(120).annualRevenue(Money.of("EUR", "20000000.00")).industry("machinery").build())
                .status(CustomerStatus.TERMINATED)
                .classification(new org.crmkit.core.customer.Classification(
                        org.crmkit.core.customer.CooperationType.FIXED, null, null))
                .build();
        CustomerSubject s = new CustomerSubject(REGISTRY, ZONE).load(acme, List.of(), ASOF);
        assertThat(BuiltInSegmentations.sizeClasses().compile(REGISTRY).assignName(s)).isEqualTo("medium");
        assertThat(BuiltInSegmentations.statusClasses().compile(REGISTRY).assignName(s)).isEqualTo("terminated");
        assertThat(s.values().number(REGISTRY.slot("order_count"))).isZero();
        assertThat(s.values().text(REGISTRY.slot("cooperation_type"))).isEqualTo("fixed");
        assertThat(s.values().isPresent(REGISTRY.slot("relationship_level"))).isFalse();
        assertThat(s.values().isPresent(REGISTRY.slot("tenure_days"))).isFalse();
        List<Activity> mixed = List.of(sale("1", ASOF, "1.00", "x", Channel.WEB),
                Purchase.of(ActivityId.of("9"), ID, at(ASOF), Channel.WEB, REP, "S", null, 1, Money.of("USD", "1.00")));
        assertThatThrownBy(() -> new CustomerSubject(REGISTRY, ZONE).load(anna(), mixed, ASOF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mix currencies");
        assertThatThrownBy(() -> new CustomerSubject(REGISTRY, ZONE).load(acme, history(), ASOF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to C-1");
    }

    @Test
    void load_fromCustomerView() {
        org.crmkit.core.view.CustomerView view = org.crmkit.core.view.CustomerView.of(anna(),
                history().stream().filter(a -> !a.id().value().equals("5") && !a.id().value().equals("X-2")).toList(),
                ASOF.atTime(20, 0).atZone(ZONE).toInstant());
        CustomerSubject s = new CustomerSubject(REGISTRY, ZONE).load(view);
        assertThat(s.asOfEpochDay()).isEqualTo(ASOF.toEpochDay());
        assertThat(s.values().number(REGISTRY.slot("spend_365d"))).isEqualTo(10_800);
        assertThat(BuiltInSegmentations.statusClasses().compile(REGISTRY).assignName(s)).isEqualTo("current-a-key");
    }

    @Test
    void count_customersOfAStore() {
        org.crmkit.core.store.CustomerStore store = org.crmkit.core.store.CustomerStore.inMemory(CLOCK);
        store.create(anna());
        history().stream().filter(a -> !a.id().value().equals("5") && !a.id().value().equals("X-2"))
                .forEach(store::record);
        store.create(Customer.builder(CustomerId.of("C-2"), OrganizationProfile.builder("Tiny Ltd").employees(3).build())
                .build());
        CompiledSegmentation status = BuiltInSegmentations.statusClasses().compile(REGISTRY);
        CustomerSubject view = new CustomerSubject(REGISTRY, ZONE);
        SegmentCounts counts = status.count(store.all(), c -> view.load(c, store.activitiesOf(c.id()), ASOF));
        assertThat(counts.subjects()).isEqualTo(2);
        assertThat(counts.count("current-a-key")).isEqualTo(1);
        assertThat(counts.count("potential")).isEqualTo(1);
    }
}
