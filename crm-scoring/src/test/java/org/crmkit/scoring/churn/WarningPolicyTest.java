package org.crmkit.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.segment.Rules;
import org.junit.jupiter.api.Test;

class WarningPolicyTest {

    private static final WarningPolicy DEFAULTS = WarningPolicy.defaults();

    @Test
    void modelLevel_defaultCutPoints() {
        assertThat(DEFAULTS.modelLevel(0.0)).isEqualTo(WarningLevel.NONE);
        assertThat(DEFAULTS.modelLevel(0.5999)).isEqualTo(WarningLevel.NONE);
        assertThat(DEFAULTS.modelLevel(0.60)).isEqualTo(WarningLevel.WATCH);
        assertThat(DEFAULTS.modelLevel(0.80)).isEqualTo(WarningLevel.WARNING);
        assertThat(DEFAULTS.modelLevel(0.95)).isEqualTo(WarningLevel.CRITICAL);
        assertThat(DEFAULTS.modelLevel(1.0)).isEqualTo(WarningLevel.CRITICAL);
        assertThatThrownBy(() -> DEFAULTS.modelLevel(1.01)).hasMessageContaining("risk 1.01");
    }

    @Test
    void assess_lowRiskAndNoEvidence_givesNoWarningAndNoReason() {
        ChurnAssessment a = DEFAULTS.assess(0.3, 0.9, 39, 4, 30, 32, ChurnEvidence.none());
        assertThat(a.level()).isEqualTo(WarningLevel.NONE);
        assertThat(a.reasons()).isEmpty();
        assertThat(a.reasonCodes()).isEmpty();
    }

    @Test
    void assess_hiatusAgainstOwnGap_raisesOneStep() {
        // x = 3, t_x = 9: mean gap 3; hiatus T - t_x = 30 - 9 = 21 >= 2 * 3
        ChurnAssessment a = DEFAULTS.assess(0.85, 0.4, 39, 3, 9, 30, ChurnEvidence.none());
        assertThat(a.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(a.reasons()).containsExactly(new ChurnReason.ModelRisk(0.85, 39), new ChurnReason.Hiatus(21, 3));
        assertThat(((ChurnReason.Hiatus) a.reasons().get(1)).ratio()).isEqualTo(7);
        assertThat(a.reasonCodes()).isEqualTo("model_risk;hiatus");
        // exactly at the factor: hiatus 6 = 2 x 3
        assertThat(DEFAULTS.assess(0.1, 0.9, 39, 3, 9, 15, ChurnEvidence.none()).reasons())
                .containsExactly(new ChurnReason.Hiatus(6, 3));
        // below it
        assertThat(DEFAULTS.assess(0.1, 0.9, 39, 3, 9, 14.9, ChurnEvidence.none()).reasons()).isEmpty();
    }

    @Test
    void assess_everyBehaviouralReason_isReportedAndEachRaisesTheLevel() {
        ChurnEvidence e = new ChurnEvidence(1, 2, OptionalDouble.of(1.1), OptionalDouble.of(0.8), OptionalInt.of(9),
                OptionalInt.of(6), Set.of(ContactChannel.EMAIL), 1, 4);
        ChurnAssessment a = DEFAULTS.assess(0.1, 0.95, 39, 0, 0, 10, e);
        assertThat(a.reasons()).containsExactly(
                new ChurnReason.FallingRate(1, 4),
                new ChurnReason.Complaints(1, 2),
                new ChurnReason.SatisfactionDrop(1.1, 0.8),
                new ChurnReason.NpsDrop(9, 6),
                new ChurnReason.LostConsent(Set.of(ContactChannel.EMAIL)));
        assertThat(a.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(a.reasons()).allSatisfy(r -> assertThat(r.describe()).isNotBlank());
    }

    @Test
    void assess_smallChanges_areNotReasons() {
        ChurnEvidence e = new ChurnEvidence(0, 0, OptionalDouble.of(1.0), OptionalDouble.of(0.9), OptionalInt.of(8),
                OptionalInt.of(7), Set.of(), 2, 3);
        assertThat(DEFAULTS.assess(0.1, 0.95, 39, 0, 0, 10, e).reasons()).isEmpty();
    }

    @Test
    void assess_segmentationRule_addsAReasonWithItsExplanation() {
        WarningPolicy p = WarningPolicy.builder()
                .cutPoints(0.5, 0.7, 0.9)
                .rule("quiet-regular", Rules.all(Rules.attribute("churn_risk").isAtLeast(0.4),
                        Rules.attribute("frequency").isAtLeast(10)))
                .build();
        ChurnAssessment a = p.assess(0.45, 0.6, 39, 12, 30, 33, ChurnEvidence.none());
        assertThat(a.level()).isEqualTo(WarningLevel.WATCH);
        assertThat(a.reasons()).hasSize(1);
        ChurnReason.RuleMatched r = (ChurnReason.RuleMatched) a.reasons().get(0);
        assertThat(r.rule()).isEqualTo("quiet-regular");
        assertThat(r.explanation()).contains("churn_risk").contains("frequency");
        assertThat(r.code()).isEqualTo("rule:quiet-regular");
        assertThat(p.assess(0.45, 0.6, 39, 2, 30, 33, ChurnEvidence.none()).reasons()).isEmpty();
    }

    @Test
    void builder_invalidOptions_areRejected() {
        assertThatThrownBy(() -> WarningPolicy.builder().cutPoints(0.8, 0.7, 0.9))
                .hasMessageContaining("not increasing");
        assertThatThrownBy(() -> WarningPolicy.builder().cutPoints(0.5, 0.7, 0.9).cutPoints(0.5, 0.7, 0.9))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WarningPolicy.builder().hiatusFactor(0)).hasMessageContaining("hiatus factor 0.0");
        assertThatThrownBy(() -> WarningPolicy.builder().rateFallFactor(1)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> WarningPolicy.builder().npsDrop(0)).hasMessageContaining("1..10");
        assertThatThrownBy(() -> WarningPolicy.builder().satisfactionDrop(-1)).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> WarningPolicy.builder().rule(" ", Rules.attribute("age").isAtLeast(1)))
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> WarningPolicy.builder().rule("r", Rules.attribute("no_such").isAtLeast(1)))
                .hasMessageContaining("no_such");
        assertThatThrownBy(() -> DEFAULTS.assess(0.5, 1.5, 39, 0, 0, 1, ChurnEvidence.none()))
                .hasMessageContaining("p_alive 1.5");
        assertThatThrownBy(() -> DEFAULTS.assess(0.5, 0.5, 39, 1, 5, 1, ChurnEvidence.none()))
                .hasMessageContaining("history");
    }

    @Test
    void reasons_invalidValues_areRejected() {
        assertThatThrownBy(() -> new ChurnReason.ModelRisk(2, 1)).hasMessageContaining("risk 2.0");
        assertThatThrownBy(() -> new ChurnReason.Complaints(0, 0)).hasMessageContaining("not both 0");
        assertThatThrownBy(() -> new ChurnReason.SatisfactionDrop(0.5, 0.9)).hasMessageContaining("not a drop");
        assertThatThrownBy(() -> new ChurnReason.NpsDrop(5, 7)).hasMessageContaining("not a drop");
        assertThatThrownBy(() -> new ChurnReason.LostConsent(Set.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ChurnReason.Hiatus(1, 0)).hasMessageContaining("typical gap");
    }
}
