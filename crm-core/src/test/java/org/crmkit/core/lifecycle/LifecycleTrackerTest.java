package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.segment.RuleProblem;
import org.junit.jupiter.api.Test;

/** Signal-driven and time-driven moves with explanations, versions and counts. */
class LifecycleTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** The simulated customer: when it last bought and how many repeat purchases it made. */
    record Shopper(Instant lastPurchase, int repeats) {
    }

    private static final TimeSignals<Shopper> RECENCY = (s, asOf) -> Signals.builder()
            .number(StandardLifecycles.DAYS_SINCE_LAST_PURCHASE, ChronoUnit.DAYS.between(s.lastPurchase(), asOf))
            .number(StandardLifecycles.REPEAT_PURCHASES, s.repeats())
            .build();

    private static LifecycleTracker<String, Shopper, Void> relationshipTracker() {
        return LifecycleTracker.<String, Shopper, Void>builder(StandardLifecycles.relationship())
                .policy(StandardLifecycles.relationshipPolicy()).build();
    }

    @Test
    void applySignals_lowProbabilityAliveMovesToDeclineAndExplainsWhy() {
        LifecycleTracker<String, Shopper, Void> t = relationshipTracker();
        Lifecycle<Shopper, Void> l = t.lifecycle();
        t.enrol("c1", l.start(l.state("maturity"), T0));
        Instant at = T0.plus(Duration.ofDays(30));
        Optional<Outcome> o = t.applySignals("c1", null, null, Signals.of(StandardLifecycles.P_ALIVE, 0.12), at);
        Evidence expected = new Evidence.Numeric("low-p-alive", "p_alive", 0.12, Comparison.BELOW, 0.3);
        assertThat(o).contains(new Outcome.Moved(l.state("maturity"), l.state("decline"), at,
                "rule 'low-p-alive'", LifecycleTracker.POLICY_ACTOR, "weaken", List.of(expected)));
        assertThat(((Outcome.Moved) o.orElseThrow()).explain()).isEqualTo("rule 'low-p-alive': p_alive = 0.12 < 0.3");
        assertThat(t.record("c1").orElseThrow().history().get(0).evidence()).containsExactly(expected);
    }

    @Test
    void applySignals_spendDropAndCategoricalSegment() {
        Lifecycle<Object, Object> l = StandardLifecycles.relationship();
        LifecyclePolicy policy = LifecyclePolicy.of("p",
                Rule.of("champions", Rule.Condition.oneOf("rfm_segment", "champions", "loyal"), "mature", "development"));
        LifecycleTracker<Integer, Object, Object> t = LifecycleTracker.<Integer, Object, Object>builder(l).policy(policy).build();
        t.enrol(1, l.start(l.state("development"), T0));
        Outcome o = t.applySignals(1, null, null, Signals.builder().category("rfm_segment", "loyal").build(), T0).orElseThrow();
        Outcome.Moved m = (Outcome.Moved) o;
        assertThat(m.to().name()).isEqualTo("maturity");
        assertThat(m.explain()).isEqualTo("rule 'champions': rfm_segment = 'loyal' in [champions, loyal]");

        LifecycleTracker<String, Shopper, Void> rel = relationshipTracker();
        rel.enrol("c", rel.lifecycle().start(rel.lifecycle().state("maturity"), T0));
        Outcome.Moved drop = (Outcome.Moved) rel.applySignals("c", null, null,
                Signals.builder().number(StandardLifecycles.P_ALIVE, 0.9).number(StandardLifecycles.SPEND_CHANGE, -0.6).build(),
                T0).orElseThrow();
        assertThat(drop.explain()).isEqualTo("rule 'spend-drop': spend_change = -0.6 <= -0.5");
    }

    @Test
    void applySignals_noRuleMatchesOrSignalAbsent() {
        LifecycleTracker<String, Shopper, Void> t = relationshipTracker();
        t.enrol("c1", t.lifecycle().start(t.lifecycle().state("maturity"), T0));
        assertThat(t.applySignals("c1", null, null, Signals.of(StandardLifecycles.P_ALIVE, 0.8), T0)).isEmpty();
        assertThat(t.applySignals("c1", null, null, Signals.empty(), T0)).isEmpty();
        assertThat(t.record("c1").orElseThrow().version()).isZero();
    }

    @Test
    void applySignals_guardRefusalIsReported() {
        Lifecycle<Integer, Void> l = Lifecycle.<Integer, Void>builder("g").initial("a").state("b")
                .transition("a", "go", "b", "positive").guard("positive", (s, c) -> s > 0).build();
        LifecycleTracker<String, Integer, Void> t = LifecycleTracker.<String, Integer, Void>builder(l)
                .policy(LifecyclePolicy.of("p", Rule.of("r", Rule.Condition.above("x", 1), "go"))).build();
        t.enrol("k", T0);
        assertThat(t.applySignals("k", -5, null, Signals.of("x", 2), T0))
                .contains(new Outcome.GuardFailed(l.state("a"), "go", List.of("positive")));
        assertThat(t.applySignals("k", 5, null, Signals.of("x", 2), T0).orElseThrow().moved()).isTrue();
    }

    @Test
    void advance_noPurchaseFor180DaysWeakensAndExplains() {
        LifecycleTracker<String, Shopper, Void> t = relationshipTracker();
        Lifecycle<Shopper, Void> l = t.lifecycle();
        Map<String, Shopper> shoppers = new HashMap<>();
        shoppers.put("active", new Shopper(T0.plus(Duration.ofDays(150)), 6));
        shoppers.put("lapsed", new Shopper(T0, 6));
        shoppers.put("new", new Shopper(T0.plus(Duration.ofDays(100)), 0));
        t.enrol("active", l.start(l.state("maturity"), T0));
        t.enrol("lapsed", l.start(l.state("maturity"), T0));
        t.enrol("new", T0.plus(Duration.ofDays(100)));

        Instant asOf = T0.plus(Duration.ofDays(200));
        LifecycleTracker.AdvanceReport<String> report = t.advance(asOf, shoppers::get, RECENCY, null);

        assertThat(report.evaluated()).isEqualTo(3);
        assertThat(report.moves()).hasSize(1);
        LifecycleTracker.KeyedOutcome<String> move = report.moves().get(0);
        assertThat(move.key()).isEqualTo("lapsed");
        Outcome.Moved m = (Outcome.Moved) move.outcome();
        assertThat(m.to().name()).isEqualTo("decline");
        assertThat(m.at()).isEqualTo(asOf);
        assertThat(m.explain()).isEqualTo("rule 'inactive-180': days_since_last_purchase = 200 >= 180");
        assertThat(m.evidence()).containsExactly(new Evidence.Numeric("inactive-180", "days_since_last_purchase", 200,
                Comparison.AT_LEAST, 180));
        assertThat(report.countByState()).containsExactly(
                Map.entry(l.state("exploration"), 1L), Map.entry(l.state("development"), 0L),
                Map.entry(l.state("maturity"), 1L), Map.entry(l.state("decline"), 1L), Map.entry(l.state("terminated"), 0L));
        assertThat(t.countByState()).isEqualTo(report.countByState());
    }

    @Test
    void advance_movesStepByStepAsTimePassesAndHistoryAnswersPastDates() {
        LifecycleTracker<String, Shopper, Void> t = relationshipTracker();
        Shopper s = new Shopper(T0, 1);
        t.enrol("c", T0);
        t.advance(T0.plus(Duration.ofDays(1)), k -> s, RECENCY, null);    // first repeat: develop
        t.advance(T0.plus(Duration.ofDays(181)), k -> s, RECENCY, null);  // inactive 181 days: weaken
        t.advance(T0.plus(Duration.ofDays(400)), k -> s, RECENCY, null);  // 400 days: terminate
        LifecycleRecord r = t.record("c").orElseThrow();
        assertThat(r.history()).extracting(m -> m.to().name()).containsExactly("development", "decline", "terminated");
        assertThat(r.stateAt(T0.plus(Duration.ofDays(100)))).contains(t.lifecycle().state("development"));
        assertThat(r.stateAt(T0.plus(Duration.ofDays(300)))).contains(t.lifecycle().state("decline"));
        assertThat(t.countByStateAt(T0.plus(Duration.ofDays(300))).get(t.lifecycle().state("decline"))).isEqualTo(1L);
        assertThat(t.countByStateAt(T0.minusSeconds(1)).values()).allMatch(c -> c == 0L);
    }

    @Test
    void advance_daysInStateIsSupplied() {
        Lifecycle<Object, Object> l = Lifecycle.<Object, Object>builder("trial").initial("trial").state("expired")
                .transition("trial", "expire", "expired").build();
        LifecycleTracker<Integer, Object, Object> t = LifecycleTracker.<Integer, Object, Object>builder(l)
                .policy(LifecyclePolicy.of("p", Rule.of("30-days", Rule.Condition.atLeast(Signals.DAYS_IN_STATE, 30), "expire")))
                .build();
        t.enrol(1, T0);
        t.enrol(2, T0.plus(Duration.ofDays(10)));
        LifecycleTracker.AdvanceReport<Integer> r = t.advance(T0.plus(Duration.ofDays(30)), k -> k, TimeSignals.none(), null);
        assertThat(r.moves()).extracting(LifecycleTracker.KeyedOutcome::key).containsExactly(1);
        assertThat(((Outcome.Moved) r.moves().get(0).outcome()).explain()).isEqualTo("rule '30-days': days_in_state = 30 >= 30");
        assertThat(t.record(2).orElseThrow().state().name()).isEqualTo("trial");
    }

    @Test
    void advance_daysInStateOfAdvanceWinsOverTimeSignals() {
        Lifecycle<Object, Object> l = Lifecycle.<Object, Object>builder("trial").initial("trial").state("expired")
                .transition("trial", "expire", "expired").build();
        LifecycleTracker<Integer, Object, Object> t = LifecycleTracker.<Integer, Object, Object>builder(l)
                .policy(LifecyclePolicy.of("p", Rule.of("30-days", Rule.Condition.atLeast(Signals.DAYS_IN_STATE, 30), "expire")))
                .build();
        t.enrol(1, T0);
        t.enrol(2, T0.plus(Duration.ofDays(10)));
        // the application's own days_in_state (999) is replaced by the tracker's count of days
        LifecycleTracker.AdvanceReport<Integer> r = t.advance(T0.plus(Duration.ofDays(35)), k -> k,
                (k, asOf) -> Signals.of(Signals.DAYS_IN_STATE, 999), null);
        assertThat(r.moves()).extracting(LifecycleTracker.KeyedOutcome::key).containsExactly(1);
        assertThat(((Outcome.Moved) r.moves().get(0).outcome()).explain()).isEqualTo("rule '30-days': days_in_state = 35 >= 30");
        assertThat(t.record(2).orElseThrow().state().name()).isEqualTo("trial");
        // applySignals has no state clock of its own: the given reading counts
        assertThat(t.applySignals(2, null, null, Signals.of(Signals.DAYS_IN_STATE, 31), T0.plus(Duration.ofDays(35))))
                .hasValueSatisfying(o -> assertThat(o.moved()).isTrue());
    }

    @Test
    void fire_expectedVersionMismatchIsAConflict() {
        LifecycleTracker<String, Object, Object> t = LifecycleTracker.<String, Object, Object>builder(
                StandardLifecycles.relationship()).build();
        t.enrol("c", T0);
        assertThat(t.fire("c", 0, null, null, Trigger.of("develop", T0)).moved()).isTrue();
        assertThat(t.fire("c", 0, null, null, Trigger.of("mature", T0))).isEqualTo(new Outcome.Conflict("mature", 0, 1));
        assertThat(t.fire("c", 1, null, null, Trigger.of("mature", T0)).moved()).isTrue();
    }

    @Test
    void fire_unknownKeyAndDoubleEnrolmentAreErrors() {
        LifecycleTracker<String, Object, Object> t = LifecycleTracker.<String, Object, Object>builder(
                StandardLifecycles.relationship()).build();
        assertThatThrownBy(() -> t.fire("nobody", null, null, Trigger.of("develop", T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("subject nobody is not enrolled in lifecycle 'relationship'");
        t.enrol("c", T0);
        assertThatThrownBy(() -> t.enrol("c", T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> t.fire("c", null, null, Trigger.of("nope", T0))).isInstanceOf(UnknownEventException.class);
    }

    @Test
    void builder_rejectsPolicyThatDoesNotFit() {
        LifecyclePolicy bad = LifecyclePolicy.of("bad",
                Rule.of("r1", Rule.Condition.below("p_alive", 0.3), "weaken", "exploration", "nowhere"),
                Rule.of("r2", Rule.Condition.below("p_alive", 0.3), "explode"));
        LifecycleDefinitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(LifecycleDefinitionException.class,
                () -> LifecycleTracker.builder(StandardLifecycles.relationship()).policy(bad).build());
        assertThat(e.problems()).extracting(RuleProblem::path)
                .containsExactly("$.rules[0].from[0]", "$.rules[0].from[1]", "$.rules[1].event");
        assertThat(e.problems().get(0).message())
                .isEqualTo("rule 'r1' fires 'weaken' in state 'exploration' where it is not allowed; allowed are [develop, terminate]");
        assertThatThrownBy(() -> LifecycleTracker.builder(StandardLifecycles.relationship())
                .policy(LifecyclePolicy.none()).policy(LifecyclePolicy.none())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signals_rejectBadReadings() {
        assertThatThrownBy(() -> Signals.of("p", Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be finite but was NaN");
        assertThatThrownBy(() -> Signals.builder().number("p", 1).category("p", "x")).isInstanceOf(IllegalArgumentException.class);
        Signals s = Signals.of("a", 1).withNumber("b", 2).withNumber("a", 3);
        assertThat(s.number("a")).hasValue(3);
        assertThat(s.numbers()).containsExactly(Map.entry("a", 3.0), Map.entry("b", 2.0));
        assertThat(s.number("zzz")).isEmpty();
        assertThatThrownBy(() -> Rule.Condition.below("x", Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LifecyclePolicy.of("p", Rule.of("r", Rule.Condition.below("x", 1), "e"),
                Rule.of("r", Rule.Condition.below("x", 1), "e"))).isInstanceOf(IllegalArgumentException.class);
    }
}
