package org.crmkit.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.MbgNbd;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.Test;

class HoldoutEvaluationTest {

    private static final BgNbd TRUTH = BgNbd.of(0.4, 5, 0.8, 2.5);

    private static HoldoutData simulated(int n, long seed) {
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 26 + i % 14;
        }
        SimulatedCohort c = TRUTH.simulate(ages, 39, seed);
        double[] duration = new double[n];
        Arrays.fill(duration, 39);
        return HoldoutData.of(c.frequency(), c.recency(), c.age(), c.holdoutFrequency(), duration);
    }

    @Test
    void evaluate_smallCase_matchesHandComputation() {
        HoldoutData data = HoldoutData.of(new double[] {0, 2}, new double[] {0, 10}, new double[] {20, 20},
                new double[] {1, 8}, new double[] {10, 10});
        HoldoutEvaluation e = HoldoutEvaluation.evaluate(TRUTH, data);
        double p0 = TRUTH.conditionalExpectedPurchases(10, 0, 0, 20);
        double p1 = TRUTH.conditionalExpectedPurchases(10, 2, 10, 20);
        assertThat(e.actualTotal()).isEqualTo(9);
        assertThat(e.predictedTotal()).isCloseTo(p0 + p1, within(1e-12));
        assertThat(e.meanAbsoluteError()).isCloseTo((Math.abs(1 - p0) + Math.abs(8 - p1)) / 2, within(1e-12));
        assertThat(e.holdoutTable()).hasSize(8);
        assertThat(e.holdoutTable().get(1).actual()).isEqualTo(1);
        assertThat(e.holdoutTable().get(7).label()).isEqualTo("7+");
        assertThat(e.holdoutTable().get(7).actual()).isEqualTo(1);
        assertThat(e.holdoutTable().stream().mapToDouble(FrequencyRow::expected).sum()).isCloseTo(2, within(1e-9));
        assertThat(e.calibrationTable().get(0).actual()).isEqualTo(1);
        assertThat(e.calibrationTable().get(2).actual()).isEqualTo(1);
    }

    @Test
    void evaluate_trueModelOnItsOwnSimulation_predictsTotalsAndTable() {
        HoldoutData data = simulated(20_000, 3);
        HoldoutEvaluation e = HoldoutEvaluation.evaluate(TRUTH, data);
        // sampling error of the total is about sqrt(n * var) ~ 2% here
        assertThat(e.predictedTotal()).isCloseTo(e.actualTotal(), within(0.05 * e.actualTotal()));
        for (FrequencyRow row : e.holdoutTable()) {
            assertThat(row.expected()).as(row.label())
                    .isCloseTo(row.actual(), within(5 * Math.sqrt(row.expected()) + 0.02 * row.expected()));
        }
        for (FrequencyRow row : e.calibrationTable()) {
            assertThat(row.expected()).as(row.label())
                    .isCloseTo(row.actual(), within(5 * Math.sqrt(row.expected()) + 0.02 * row.expected()));
        }
    }

    @Test
    void compare_severalModels_reportsFitFiguresAndHoldoutError() {
        HoldoutData data = simulated(5_000, 4);
        ModelComparison c = ModelComparison.compare(List.of(BgNbd.model(), MbgNbd.model()), data,
                BtydFitter.standard());
        assertThat(c.entries()).extracting(ModelComparison.Entry::model).containsExactly("bg-nbd", "mbg-nbd");
        for (ModelComparison.Entry e : c.entries()) {
            assertThat(e.converged()).isTrue();
            assertThat(e.aic()).isCloseTo(2 * 4 - 2 * e.logLikelihood(), within(1e-9));
            assertThat(e.bic()).isCloseTo(4 * Math.log(5000) - 2 * e.logLikelihood(), within(1e-9));
            assertThat(e.holdout().meanAbsoluteError()).isPositive();
        }
    }

    @Test
    void compare_spendModel_isRejected() {
        HoldoutData data = simulated(200, 5);
        assertThatThrownBy(() -> ModelComparison.compare(List.of(GammaGamma.model()), data, BtydFitter.standard()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monetary");
    }

    @Test
    void of_invalidHoldout_isRejected() {
        assertThatThrownBy(() -> HoldoutData.of(new double[] {1}, new double[] {1}, new double[] {2},
                new double[] {-1}, new double[] {3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0: holdout purchases -1.0");
        assertThatThrownBy(() -> HoldoutData.of(new double[] {1}, new double[] {3}, new double[] {2},
                new double[] {1}, new double[] {3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recency 3.0 > T 2.0");
    }
}
