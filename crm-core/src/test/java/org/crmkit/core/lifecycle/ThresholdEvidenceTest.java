package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdEvidenceTest {
    private static final Rule.Threshold AT_LEAST_180 = new Rule.Threshold("days_since_last_purchase",
            Comparison.AT_LEAST, 180);

    @Test
    void get_buildsTheNumericEvidenceAndEqualsListOf() {
        List<Evidence> lazy = new ThresholdEvidence("inactive-180", AT_LEAST_180, 200);
        Evidence.Numeric eager = new Evidence.Numeric("inactive-180", "days_since_last_purchase", 200,
                Comparison.AT_LEAST, 180);
        assertThat(lazy).containsExactly(eager);
        assertThat(lazy).isEqualTo(List.of(eager));
        assertThat(List.of(eager)).isEqualTo(lazy);
        assertThat(lazy.hashCode()).isEqualTo(List.of(eager).hashCode());
        assertThat(lazy.get(0).explain()).isEqualTo("days_since_last_purchase = 200 >= 180");
    }

    @Test
    void list_isImmutableAndHasOneElement() {
        List<Evidence> lazy = new ThresholdEvidence("inactive-180", AT_LEAST_180, 200);
        assertThatThrownBy(() -> lazy.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> lazy.add(lazy.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lazy.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void advance_moveKeepsLazyEvidenceAndExplainsIt() {
        LifecycleTracker<Integer, Integer, Void> tracker = LifecycleTracker.builder(StandardLifecycles.relationship())
                .policy(StandardLifecycles.relationshipPolicy()).build();
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        tracker.enrol(1, StandardLifecycles.<Integer, Void>relationship()
                .start(StandardLifecycles.relationship().state("maturity"), t0));
        LifecycleTracker.AdvanceReport<Integer> r = tracker.advance(t0.plus(java.time.Duration.ofDays(200)), k -> k,
                (k, at) -> Signals.of(StandardLifecycles.DAYS_SINCE_LAST_PURCHASE, 200), null);
        Outcome.Moved moved = (Outcome.Moved) r.moves().get(0).outcome();
        assertThat(moved.evidence()).isInstanceOf(ThresholdEvidence.class);
        assertThat(moved.explain()).isEqualTo("rule 'inactive-180': days_since_last_purchase = 200 >= 180");
        assertThat(moved).isEqualTo(new Outcome.Moved(moved.from(), moved.to(), moved.at(), moved.reason(),
                moved.actor(), moved.event(), List.copyOf(moved.evidence())));
    }
}
