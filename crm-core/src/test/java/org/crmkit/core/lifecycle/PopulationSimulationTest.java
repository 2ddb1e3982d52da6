package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

/**
 * A seeded simulated population moved monthly through the relationship lifecycle: invariants that
 * must hold for every customer and every month (the shape of the {@code crm demo} use).
 */
class PopulationSimulationTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int CUSTOMERS = 2_000;

    /** Purchases at exponential gaps (mean 20 to 120 days) until an exponential lifetime ends. */
    private static Map<Integer, PurchaseTimeline> simulate(Random random) {
        Map<Integer, PurchaseTimeline> population = new HashMap<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            double meanGap = 20 + random.nextDouble() * 100;
            double lifetime = -Math.log(1 - random.nextDouble()) * 300;
            List<Instant> buys = new ArrayList<>();
            double t = random.nextDouble() * 60;
            buys.add(START.plusSeconds((long) (t * 86_400)));
            while (true) {
                t += -Math.log(1 - random.nextDouble()) * meanGap;
                if (t > lifetime || t > 730) {
                    break;
                }
                buys.add(START.plusSeconds((long) (t * 86_400)));
            }
            population.put(c, PurchaseTimeline.of(buys));
        }
        return population;
    }

    @Test
    void advanceEvery_monthlyCountsAreConsistentAndEveryMoveIsJustifiedByItsEvidence() {
        Map<Integer, PurchaseTimeline> population = simulate(new Random(6L));
        LifecycleTracker<Integer, PurchaseTimeline, Void> tracker = LifecycleTracker.builder(StandardLifecycles.relationship())
                .policy(StandardLifecycles.relationshipPolicy()).build();
        population.forEach((id, timeline) -> tracker.enrol(id, timeline.purchases().get(0)));

        List<LifecycleTracker.AdvanceReport<Integer>> months = tracker.advanceEvery(START.plus(Duration.ofDays(60)),
                START.plus(Duration.ofDays(750)), Duration.ofDays(30), population::get, PurchaseTimeline.timeSignals(), null);

        assertThat(months).hasSize(24);
        Lifecycle<PurchaseTimeline, Void> l = tracker.lifecycle();
        for (LifecycleTracker.AdvanceReport<Integer> month : months) {
            assertThat(month.countByState().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(CUSTOMERS);
            assertThat(tracker.countByStateAt(month.asOf())).as("history replays the count of %s", month.asOf())
                    .isEqualTo(month.countByState());
        }
        LifecycleTracker.AdvanceReport<Integer> last = months.get(months.size() - 1);
        assertThat(last.countByState().get(l.state("terminated"))).as("most simulated customers die within two years")
                .isGreaterThan(CUSTOMERS / 2);
        assertThat(months.get(3).countByState().get(l.state("maturity"))).isPositive();

        long moves = 0;
        for (int id = 0; id < CUSTOMERS; id++) {
            LifecycleRecord r = tracker.record(id).orElseThrow();
            State at = r.initialState();
            for (Outcome.Moved m : r.history()) {
                moves++;
                assertThat(m.from()).isEqualTo(at);
                at = m.to();
                assertThat(m.evidence()).hasSize(1);
                Evidence.Numeric e = (Evidence.Numeric) m.evidence().get(0);
                double observed = population.get(id).signalsAt(m.at()).number(e.signal()).orElseThrow();
                assertThat(e.value()).isEqualTo(observed);
                assertThat(e.comparison().test(observed, e.threshold())).isTrue();
            }
        }
        assertThat(moves).isEqualTo(months.stream().mapToLong(r -> r.moves().size()).sum());
    }

    @Test
    void purchaseTimeline_agreesWithCustomerHistory() {
        Random random = new Random(11L);
        CustomerId id = CustomerId.of("C-1");
        List<Instant> buys = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant at = START.plusSeconds(random.nextInt(400 * 86_400));
            buys.add(at);
            activities.add(Purchase.of(ActivityId.of("P-" + i), id, at, Channel.STORE, Actor.CUSTOMER, "SKU", null, 1,
                    Money.of("EUR", "1.00")));
        }
        PurchaseTimeline timeline = PurchaseTimeline.of(buys);
        CustomerHistory history = CustomerHistory.of(id, activities);
        for (int d = -1; d < 420; d += 7) {
            Instant asOf = START.plus(Duration.ofDays(d));
            assertThat(timeline.daysSinceLastPurchase(asOf)).isEqualTo(history.daysSinceLastPurchase(asOf));
            assertThat(timeline.repeatPurchases(asOf)).isEqualTo(history.repeatPurchases(asOf));
        }
    }

    @Test
    void advanceEvery_rejectsBadRanges() {
        LifecycleTracker<Integer, PurchaseTimeline, Void> tracker = LifecycleTracker.builder(StandardLifecycles.relationship()).build();
        assertThatThrownBy(() -> tracker.advanceEvery(START, START, Duration.ZERO, k -> null, TimeSignals.none(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("step must be positive but was PT0S");
        assertThatThrownBy(() -> tracker.advanceEvery(START, START.minusSeconds(1), Duration.ofDays(1), k -> null,
                TimeSignals.none(), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
