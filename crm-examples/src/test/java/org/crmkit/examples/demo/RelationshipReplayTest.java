package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.lifecycle.Evidence;
import org.crmkit.core.lifecycle.LifecycleRecord;
import org.crmkit.core.lifecycle.Outcome;
import org.crmkit.core.lifecycle.PurchaseTimeline;
import org.crmkit.core.lifecycle.Rule;
import org.crmkit.core.lifecycle.State;
import org.crmkit.core.lifecycle.StandardLifecycles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RelationshipReplayTest {
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant FROM = PopulationSimulator.END.minus(WEEK.multipliedBy(157));

    private static SimulatedPopulation population;
    private static RelationshipReplay replay;

    @BeforeAll
    static void replay() {
        population = PopulationSimulator.builder().customers(2_000).seed(21).build().simulate();
        replay = RelationshipReplay.of(population.store(), FROM, PopulationSimulator.END, WEEK);
    }

    @Test
    void of_enrolsEveryBuyerAndCountsSumToBuyers() {
        long buyers = population.store().all().stream().filter(c -> replay.timeline(c.id()).isPresent()).count();
        assertThat(replay.population()).isEqualTo(population.store().all().size());
        assertThat(replay.tracker().size()).isEqualTo((int) buyers);
        assertThat(replay.countByStateAt(PopulationSimulator.END).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(buyers);
        assertThat(replay.countByStateAt(FROM.minusSeconds(1)).values()).allMatch(n -> n == 0);
        assertThat(replay.reports()).hasSize(158);
        assertThat(replay.reports().get(157).asOf()).isEqualTo(PopulationSimulator.END);
    }

    @Test
    void of_everyMoveIsExplainedByARuleThatHeldOnThePurchases() {
        Map<String, Rule> rules = new java.util.HashMap<>();
        StandardLifecycles.relationshipPolicy().rules().forEach(r -> rules.put(r.name(), r));
        int moves = 0;
        for (Customer c : population.store().all()) {
            if (replay.record(c.id()).isEmpty()) {
                continue;
            }
            LifecycleRecord record = replay.record(c.id()).orElseThrow();
            PurchaseTimeline timeline = replay.timeline(c.id()).orElseThrow();
            assertThat(record.enrolledAt()).isEqualTo(timeline.purchases().get(0));
            for (Outcome.Moved m : record.history()) {
                moves++;
                assertThat(m.actor()).isEqualTo("policy");
                Evidence.Numeric e = (Evidence.Numeric) m.evidence().get(0);
                Rule rule = rules.get(e.rule());
                assertThat(rule.event()).isEqualTo(m.event());
                assertThat(rule.from()).contains(m.from().name());
                // the reading in the evidence is what the purchases say at the move's date
                double actual = e.signal().equals(StandardLifecycles.REPEAT_PURCHASES)
                        ? timeline.repeatPurchases(m.at()) : timeline.daysSinceLastPurchase(m.at()).orElseThrow();
                assertThat(e.value()).isEqualTo(actual);
                assertThat(rule.evaluate(timeline.signalsAt(m.at()))).isPresent();
            }
        }
        assertThat(moves).isGreaterThan(2_000);
    }

    @Test
    void of_lifecycleFollowsSimulatedBehaviour() {
        Map<Behaviour, long[]> endStage = new EnumMap<>(Behaviour.class);
        Map<Behaviour, Integer> wonBack = new EnumMap<>(Behaviour.class);
        for (Customer c : population.store().all()) {
            Behaviour b = population.behaviours().get(c.id());
            replay.record(c.id()).ifPresent(r -> {
                endStage.computeIfAbsent(b, x -> new long[5])[r.state().ordinal()]++;
                if (r.history().stream().anyMatch(m -> m.event().equals("win_back"))) {
                    wonBack.merge(b, 1, Integer::sum);
                }
            });
        }
        // fading buyers end mostly in decline or terminated; steady and growing mostly do not
        assertThat(share(endStage.get(Behaviour.FADING), 3, 4)).isGreaterThan(0.6);
        assertThat(share(endStage.get(Behaviour.GROWING), 3, 4)).isLessThan(0.3);
        assertThat(share(endStage.get(Behaviour.STEADY), 3, 4)).isLessThan(0.4);
        // returning buyers are the ones won back
        assertThat(wonBack.getOrDefault(Behaviour.RETURNING, 0)).isGreaterThan(wonBack.getOrDefault(Behaviour.FADING, 0));
        assertThat(population.behaviours().values()).contains(Behaviour.values());
    }

    @Test
    void of_sameStoreSameMoves() {
        RelationshipReplay again = RelationshipReplay.of(population.store(), FROM, PopulationSimulator.END, WEEK);
        for (Customer c : population.store().all()) {
            assertThat(again.record(c.id()).map(LifecycleRecord::history))
                    .isEqualTo(replay.record(c.id()).map(LifecycleRecord::history));
        }
        Map<State, Long> counts = again.countByStateAt(PopulationSimulator.END);
        assertThat(counts).isEqualTo(replay.countByStateAt(PopulationSimulator.END));
    }

    @Test
    void of_rejectsBadArguments() {
        assertThatThrownBy(() -> RelationshipReplay.of(null, FROM, FROM, WEEK)).isInstanceOf(NullPointerException.class)
                .hasMessage("store");
        assertThatThrownBy(() -> RelationshipReplay.of(population.store(), FROM, FROM, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> RelationshipReplay.of(population.store(), FROM, FROM.minusSeconds(1), WEEK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is before from");
    }

    private static double share(long[] counts, int... states) {
        long total = 0;
        long selected = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
        }
        for (int s : states) {
            selected += counts[s];
        }
        return (double) selected / total;
    }
}
