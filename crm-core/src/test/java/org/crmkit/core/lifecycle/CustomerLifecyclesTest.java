package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

/** Lifecycles of customers driven by their purchase activities. */
class CustomerLifecyclesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Purchase sale(String id, CustomerId customer, int day) {
        return Purchase.of(ActivityId.of(id), customer, T0.plus(Duration.ofDays(day)), Channel.WEB, Actor.CUSTOMER,
                "SKU-1", null, 1, Money.of("EUR", "10.00"));
    }

    private static Instant day(int d) {
        return T0.plus(Duration.ofDays(d));
    }

    @Test
    void history_signalsCountPurchaseDaysAndIgnoreLaterActivities() {
        CustomerId c = CustomerId.of("C-1");
        Purchase first = sale("P-1", c, 0);
        List<Activity> activities = List.of(sale("P-3", c, 10), first, sale("P-2", c, 0),
                first.returnLine(ActivityId.of("R-1"), day(20), 1, Actor.CUSTOMER));
        CustomerHistory h = CustomerHistory.of(c, activities);
        assertThat(h.activities()).extracting(Activity::id).extracting(ActivityId::value).first().isIn("P-1", "P-2");
        assertThat(h.repeatPurchases(day(30))).as("two purchases on day 0 count once").isEqualTo(1);
        assertThat(h.repeatPurchases(day(5))).isZero();
        assertThat(h.daysSinceLastPurchase(day(30))).as("the return is not a purchase").hasValue(20);
        assertThat(h.daysSinceLastPurchase(T0.minusSeconds(1))).isEmpty();
        Signals s = h.signalsAt(day(30));
        assertThat(s.number(StandardLifecycles.DAYS_SINCE_LAST_PURCHASE)).hasValue(20);
        assertThat(s.number(CustomerHistory.DAYS_SINCE_LAST_ACTIVITY)).hasValue(10);
        assertThat(s.number(StandardLifecycles.REPEAT_PURCHASES)).hasValue(1);
        assertThatThrownBy(() -> CustomerHistory.of(CustomerId.of("C-2"), activities))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to customer C-1, not C-2");
    }

    @Test
    void noPurchaseFor_guardOverActivities() {
        CustomerId c = CustomerId.of("C-1");
        CustomerHistory h = CustomerHistory.of(c, List.of(sale("P-1", c, 0)));
        Lifecycle<CustomerHistory, Instant> l = Lifecycle.<CustomerHistory, Instant>builder("lapse")
                .initial("active").state("lapsed")
                .transition("active", "review", "lapsed", "noPurchaseFor180Days")
                .transition("lapsed", "buy", "active")
                .guard("noPurchaseFor180Days", CustomerHistory.noPurchaseFor(180))
                .build();
        LifecycleRecord r = l.start(T0);
        assertThat(l.decide(r, h, day(179), Trigger.of("review", day(179))))
                .isEqualTo(new Outcome.GuardFailed(l.state("active"), "review", List.of("noPurchaseFor180Days")));
        assertThat(l.decide(r, h, day(180), Trigger.of("review", day(180))).moved()).isTrue();
        assertThat(CustomerHistory.noPurchaseFor(1).test(CustomerHistory.of(c, List.of()), T0)).as("never bought").isTrue();
        assertThatThrownBy(() -> CustomerHistory.noPurchaseFor(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relationship_customersFollowTheirPurchases() {
        CustomerId loyal = CustomerId.of("C-loyal");
        CustomerId oneOff = CustomerId.of("C-oneoff");
        List<Activity> loyalBuys = new ArrayList<>();
        for (int d = 0; d <= 300; d += 30) {
            loyalBuys.add(sale("L-" + d, loyal, d));
        }
        Map<CustomerId, CustomerHistory> histories = new LinkedHashMap<>();
        histories.put(loyal, CustomerHistory.of(loyal, loyalBuys));
        histories.put(oneOff, CustomerHistory.of(oneOff, List.of(sale("O-1", oneOff, 0))));

        LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker = CustomerLifecycles.relationship();
        histories.values().forEach(h -> CustomerLifecycles.enrolAtFirstActivity(tracker, h));
        for (int d = 1; d <= 500; d++) {
            CustomerLifecycles.advance(tracker, histories, day(d));
        }
        LifecycleRecord l = tracker.record(loyal).orElseThrow();
        assertThat(l.history()).extracting(m -> m.to().name()).containsExactly("development", "maturity", "decline");
        assertThat(l.history().get(0).at()).as("develops on its second purchase day").isEqualTo(day(30));
        assertThat(l.history().get(1).at()).as("matures after four repeat purchases").isEqualTo(day(120));
        assertThat(l.history().get(2).at()).as("180 days after the last purchase on day 300").isEqualTo(day(480));
        assertThat(l.history().get(2).explain())
                .isEqualTo("rule 'inactive-180': days_since_last_purchase = 180 >= 180");
        LifecycleRecord o = tracker.record(oneOff).orElseThrow();
        assertThat(o.history()).extracting(m -> m.to().name()).containsExactly("terminated");
        assertThat(o.history().get(0).at()).isEqualTo(day(365));
        assertThat(o.stateAt(day(364))).contains(tracker.lifecycle().state("exploration"));
        Map<State, Long> counts = tracker.countByState();
        assertThat(counts.get(tracker.lifecycle().state("decline"))).isEqualTo(1L);
        assertThat(counts.get(tracker.lifecycle().state("terminated"))).isEqualTo(1L);
    }

    @Test
    void store_customersAreEnrolledAndMovedByStoredActivities() {
        org.crmkit.core.store.CustomerStore store = org.crmkit.core.store.CustomerStore.inMemory(
                java.time.Clock.fixed(day(1000), java.time.ZoneOffset.UTC));
        store.create(org.crmkit.core.ModelSamples.person("C-1"));
        store.create(org.crmkit.core.ModelSamples.person("C-2"));
        CustomerId c1 = CustomerId.of("C-1");
        store.record(sale("S-1", c1, 0));
        store.record(sale("S-2", c1, 20));

        LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker = CustomerLifecycles.relationship();
        assertThat(CustomerLifecycles.enrolNew(tracker, store)).as("C-2 has no activity yet").isEqualTo(1);
        assertThat(CustomerLifecycles.enrolNew(tracker, store)).isZero();
        LifecycleTracker.AdvanceReport<CustomerId> r = CustomerLifecycles.advance(tracker, store, day(25));
        assertThat(r.moves()).hasSize(1);
        assertThat(((Outcome.Moved) r.moves().get(0).outcome()).explain())
                .isEqualTo("rule 'first-repeat': repeat_purchases = 1 >= 1");
        assertThat(CustomerLifecycles.advance(tracker, store, day(210)).moves()).extracting(k -> k.key()).containsExactly(c1);
        assertThat(tracker.record(c1).orElseThrow().state().name()).isEqualTo("decline");
    }

    @Test
    void advance_enrolledCustomerWithoutHistoryIsAnError() {
        LifecycleTracker<CustomerId, CustomerHistory, Instant> tracker = CustomerLifecycles.relationship();
        tracker.enrol(CustomerId.of("C-9"), T0);
        assertThatThrownBy(() -> CustomerLifecycles.advance(tracker, Map.of(), day(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no history for enrolled customer C-9");
        assertThatThrownBy(() -> CustomerLifecycles.enrolAtFirstActivity(tracker, CustomerHistory.of(CustomerId.of("C-8"), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
