package org.crmkit.scoring.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoyaltyIdentifierTest {

    private static final LoyaltyIdentifier ID = LoyaltyIdentifier.defaults();

    @Test
    void assess_fourCells() {
        assertThat(ID.assess(LoyaltyEvidence.builder("a", 6, 52).npsAnswer(10).build()).cell())
                .isEqualTo(LoyaltyCell.TRUE_LOYALTY);
        assertThat(ID.assess(LoyaltyEvidence.builder("b", 0, 52).npsAnswer(9).build()).cell())
                .isEqualTo(LoyaltyCell.LATENT);
        assertThat(ID.assess(LoyaltyEvidence.builder("c", 8, 52).npsAnswer(3).build()).cell())
                .isEqualTo(LoyaltyCell.SPURIOUS);
        assertThat(ID.assess(LoyaltyEvidence.builder("d", 1, 52).npsAnswer(5).build()).cell())
                .isEqualTo(LoyaltyCell.NONE);
        assertThat(ID.assess(LoyaltyEvidence.builder("e", 9, 52).build()).cell())
                .isEqualTo(LoyaltyCell.UNDETERMINED);
    }

    @Test
    void assess_passiveAnswerFallsBackOnSatisfactionAndReasonsShowEachRule() {
        LoyaltyAssessment a = ID.assess(LoyaltyEvidence.builder("a", 4, 40).npsAnswer(8).satisfaction(1.2)
                .probabilityAlive(0.9).shareOfWallet(0.7).brandLevel(LoyaltyLevel.STRONG).build());
        assertThat(a.cell()).isEqualTo(LoyaltyCell.TRUE_LOYALTY);
        assertThat(a.highAttitude()).contains(true);
        assertThat(a.reasons()).containsExactly("4 repeat purchases >= 2", "P(alive) 0.90 >= 0.50",
                "share of wallet 70% >= 50%", "brand loyalty strong",
                "NPS answer 8: passive; satisfaction C = b/a 1.20 >= 1.00");
        // a low P(alive) or share of wallet makes patronage low
        assertThat(ID.assess(LoyaltyEvidence.builder("b", 4, 40).npsAnswer(10).probabilityAlive(0.2).build()).cell())
                .isEqualTo(LoyaltyCell.LATENT);
        assertThat(ID.assess(LoyaltyEvidence.builder("c", 4, 40).npsAnswer(10).shareOfWallet(0.2).build()).cell())
                .isEqualTo(LoyaltyCell.LATENT);
        // passive without satisfaction counts as low; satisfaction alone decides without NPS
        assertThat(ID.assess(LoyaltyEvidence.builder("d", 4, 40).npsAnswer(7).build()).highAttitude())
                .isEqualTo(Optional.of(false));
        assertThat(ID.assess(LoyaltyEvidence.builder("e", 4, 40).satisfaction(0.8).build()).cell())
                .isEqualTo(LoyaltyCell.SPURIOUS);
    }

    @Test
    void assessAll_loyalListAndCountsPerSegment() {
        LoyaltyReport r = ID.assessAll(List.of(
                LoyaltyEvidence.builder("a", 3, 10).npsAnswer(10).build(),
                LoyaltyEvidence.builder("b", 9, 10).npsAnswer(9).build(),
                LoyaltyEvidence.builder("c", 9, 20).npsAnswer(9).build(),
                LoyaltyEvidence.builder("d", 0, 20).npsAnswer(2).build()));
        assertThat(r.loyalCustomers()).extracting(LoyaltyAssessment::customerId).containsExactly("c", "b", "a");
        assertThat(r.countByCell()).containsEntry(LoyaltyCell.TRUE_LOYALTY, 3).containsEntry(LoyaltyCell.NONE, 1)
                .containsEntry(LoyaltyCell.LATENT, 0);
        Map<String, Map<LoyaltyCell, Integer>> bySegment = r.countBySegment(id -> id.equals("d") ? "lost" : "gold");
        assertThat(bySegment.keySet()).containsExactly("gold", "lost");
        assertThat(bySegment.get("gold").get(LoyaltyCell.TRUE_LOYALTY)).isEqualTo(3);
        assertThat(bySegment.get("lost").get(LoyaltyCell.NONE)).isEqualTo(1);
    }

    @Test
    void invalidInput_isRejected() {
        assertThatThrownBy(() -> LoyaltyEvidence.builder("a", -1, 1).build()).hasMessageContaining("-1");
        assertThatThrownBy(() -> LoyaltyEvidence.builder("a", 1, 1).npsAnswer(11).build()).hasMessageContaining("11");
        assertThatThrownBy(() -> LoyaltyEvidence.builder("a", 1, 1).probabilityAlive(2).build())
                .hasMessageContaining("probabilityAlive 2.0");
        assertThatThrownBy(() -> LoyaltyIdentifier.builder().minProbabilityAlive(1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> LoyaltyIdentifier.builder().minRepeatPurchases(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> ID.assess(null)).isInstanceOf(NullPointerException.class);
    }
}
