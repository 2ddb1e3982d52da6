package org.crmkit.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.lifecycle.LifecycleTracker;
import org.crmkit.core.lifecycle.Outcome;
import org.crmkit.core.lifecycle.Signals;
import org.crmkit.core.lifecycle.StandardLifecycles;
import org.crmkit.scoring.loyalty.LoyaltyLevel;
import org.junit.jupiter.api.Test;

class ChurnSignalsTest {

    private static ChurnWarning warning(double risk, WarningLevel level) {
        return new ChurnWarning("C-1", risk, 0.7, new ChurnAssessment(level, List.of()), OptionalDouble.empty());
    }

    @Test
    void with_writesRiskLevelAliveAndLoyalty() {
        Signals s = ChurnSignals.with(Signals.of("days_since_last_purchase", 12), warning(0.83, WarningLevel.WARNING),
                LoyaltyLevel.STRONG);
        assertThat(s.numbers()).containsEntry("days_since_last_purchase", 12.0).containsEntry("churn_risk", 0.83)
                .containsEntry("churn_level", 2.0).containsEntry("p_alive", 0.7).containsEntry("loyalty_level", 2.0);
        assertThat(ChurnSignals.loyaltyValue(LoyaltyLevel.ABSOLUTE)).isEqualTo(3);
        assertThat(ChurnSignals.loyaltyValue(LoyaltyLevel.NONE)).isZero();
        assertThat(ChurnSignals.levelValue(WarningLevel.CRITICAL)).isEqualTo(3);
        assertThatThrownBy(() -> ChurnSignals.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void relationshipPolicy_movesToDeclineOnAWarningAndBackOnRecovery() {
        LifecycleTracker<String, Void, Void> tracker = LifecycleTracker.builder(
                StandardLifecycles.relationship()).policy(StandardLifecycles.relationshipPolicy()).build();
        Instant t0 = Instant.parse("2026-01-05T00:00:00Z");
        tracker.enrol("C-1", t0);
        tracker.applySignals("C-1", null, null, Signals.of(StandardLifecycles.REPEAT_PURCHASES, 1),
                t0.plusSeconds(86_400));
        assertThat(tracker.record("C-1").orElseThrow().state().name()).isEqualTo("development");
        // a watch is not enough
        assertThat(tracker.applySignals("C-1", null, null,
                ChurnSignals.of(new ChurnWarning("C-1", 0.7, 0.9, new ChurnAssessment(WarningLevel.WATCH, List.of()),
                        OptionalDouble.empty())), t0.plusSeconds(2 * 86_400))).isEmpty();
        Optional<Outcome> down = tracker.applySignals("C-1", null, null,
                ChurnSignals.of(new ChurnWarning("C-1", 0.9, 0.9, new ChurnAssessment(WarningLevel.WARNING, List.of()),
                        OptionalDouble.empty())), t0.plusSeconds(3 * 86_400));
        assertThat(down).get().isInstanceOf(Outcome.Moved.class);
        assertThat(((Outcome.Moved) down.get()).explain()).contains("churn-warning").contains("churn_level");
        assertThat(tracker.record("C-1").orElseThrow().state().name()).isEqualTo("decline");
        Optional<Outcome> up = tracker.applySignals("C-1", null, null, ChurnSignals.of(warning(0.3, WarningLevel.NONE)),
                t0.plusSeconds(4 * 86_400));
        assertThat(((Outcome.Moved) up.orElseThrow()).explain()).contains("churn-recovered");
        assertThat(tracker.record("C-1").orElseThrow().state().name()).isEqualTo("development");
    }
}
