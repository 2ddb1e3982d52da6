package org.crmkit.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChurnEvaluationTest {

    @Test
    void of_smallExampleWithTies_matchesHandComputation() {
        double[] score = {0.9, 0.8, 0.8, 0.3, 0.1};
        boolean[] churned = {true, false, true, false, true};
        ChurnEvaluation e = ChurnEvaluation.of(score, churned, true);
        // pairs (churner, other): (.9,.8)=1 (.9,.3)=1 (.8,.8)=1/2 (.8,.3)=1 (.1,.8)=0 (.1,.3)=0 -> 3.5/6
        assertThat(e.auc()).isCloseTo(3.5 / 6, within(1e-15));
        // (.1^2 + .8^2 + .2^2 + .3^2 + .9^2) / 5 = 1.59 / 5
        assertThat(e.brier().getAsDouble()).isCloseTo(0.318, within(1e-15));
        assertThat(e.customers()).isEqualTo(5);
        assertThat(e.churners()).isEqualTo(3);
        // top 2 = the 0.9 churner and half of the tied pair (one churner of two)
        assertThat(e.precisionAt(2)).isCloseTo(0.75, within(1e-15));
        assertThat(e.recallAt(2)).isCloseTo(0.5, within(1e-15));
        assertThat(e.precisionAt(3)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(e.recallAt(5)).isCloseTo(1, within(1e-15));
        assertThat(e.scoreAt(2)).isEqualTo(0.8);
    }

    @Test
    void deciles_tenCustomers_oneEachWithLiftAndCapture() {
        double[] score = {0.95, 0.85, 0.75, 0.65, 0.55, 0.45, 0.35, 0.25, 0.15, 0.05};
        boolean[] churned = {true, true, false, true, false, false, true, false, false, false};
        List<DecileRow> d = ChurnEvaluation.of(score, churned, true).deciles();
        assertThat(d).hasSize(10);
        // overall rate 4/10: a churner decile has lift 1 / 0.4 = 2.5
        assertThat(d.get(0)).isEqualTo(new DecileRow(1, 1, 1, 0.95, 1, 2.5, 0.25));
        assertThat(d.get(2)).isEqualTo(new DecileRow(3, 1, 0, 0.75, 0, 0, 0.5));
        assertThat(d.get(3).capture()).isCloseTo(0.75, within(1e-15));
        assertThat(d.get(6).capture()).isCloseTo(1, within(1e-15));
        assertThat(d.get(9).meanScore()).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void of_allTied_givesAucOneHalfAndBaseRateEverywhere() {
        double[] score = new double[20];
        boolean[] churned = new boolean[20];
        for (int i = 0; i < 5; i++) {
            churned[i * 4] = true;
        }
        ChurnEvaluation e = ChurnEvaluation.of(score, churned, false);
        assertThat(e.auc()).isEqualTo(0.5);
        assertThat(e.brier()).isEmpty();
        assertThat(e.precisionAt(7)).isCloseTo(0.25, within(1e-15));
        e.deciles().forEach(row -> assertThat(row.lift()).isCloseTo(1, within(1e-12)));
    }

    @Test
    void auc_randomScoresWithTies_equalsBruteForcePairCountAndIgnoresOrder() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 20; round++) {
            int n = 2 + random.nextInt(60);
            double[] score = new double[n];
            boolean[] churned = new boolean[n];
            for (int i = 0; i < n; i++) {
                score[i] = random.nextInt(6) / 5.0;   // many ties
                churned[i] = random.nextDouble() < 0.4;
            }
            churned[0] = true;
            churned[1] = false;
            double wins = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (churned[i] && !churned[j]) {
                        pairs++;
                        wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                    }
                }
            }
            ChurnEvaluation e = ChurnEvaluation.of(score, churned, true);
            assertThat(e.auc()).isCloseTo(wins / pairs, within(1e-12));
            // reversed input order: same results
            double[] rs = new double[n];
            boolean[] rc = new boolean[n];
            for (int i = 0; i < n; i++) {
                rs[i] = score[n - 1 - i];
                rc[i] = churned[n - 1 - i];
            }
            ChurnEvaluation r = ChurnEvaluation.of(rs, rc, true);
            int k = 1 + random.nextInt(n);
            assertThat(r.precisionAt(k)).isCloseTo(e.precisionAt(k), within(1e-12));
            assertThat(r.deciles().get(0).churners()).isCloseTo(e.deciles().get(0).churners(), within(1e-12));
            // capture of the last decile is 1, customers add up
            assertThat(e.deciles().get(9).capture()).isCloseTo(1, within(1e-12));
            assertThat(e.deciles().stream().mapToInt(DecileRow::customers).sum()).isEqualTo(n);
        }
    }

    @Test
    void of_invalidInput_isRejected() {
        assertThatThrownBy(() -> ChurnEvaluation.of(new double[] {0.1, 0.2}, new boolean[] {true, true}, true))
                .hasMessageContaining("all churners");
        assertThatThrownBy(() -> ChurnEvaluation.of(new double[] {0.1, 2}, new boolean[] {true, false}, true))
                .hasMessageContaining("row 1: score 2.0 is not a probability");
        assertThatThrownBy(() -> ChurnEvaluation.of(new double[] {0.1, Double.NaN}, new boolean[] {true, false},
                false)).hasMessageContaining("not finite");
        assertThatThrownBy(() -> ChurnEvaluation.of(new double[] {0.1}, new boolean[] {true, false}, false))
                .hasMessageContaining("differ in length");
        ChurnEvaluation e = ChurnEvaluation.of(new double[] {0.1, 0.2}, new boolean[] {true, false}, true);
        assertThatThrownBy(() -> e.precisionAt(0)).hasMessageContaining("k 0");
        assertThatThrownBy(() -> e.recallAt(3)).hasMessageContaining("k 3");
    }
}
