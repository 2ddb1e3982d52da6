package org.crmkit.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AucComparisonTest {

    @Test
    void of_handExample_matchesDeLongComponents() {
        // A: churners 0.9, 0.4; others 0.6, 0.1 -> V10 = (1, 1/2), V01 = (1/2, 1), AUC 3/4
        // B: churners 0.3, 0.8; others 0.5, 0.2 -> V10 = (1/2, 1), V01 = (1/2, 1), AUC 3/4
        // S10: var 1/8, 1/8, cov -1/8 -> (1/8 + 1/8 + 2/8) / 2 = 1/4; S01: identical -> 0; SE = 1/2
        AucComparison c = AucComparison.of(new double[] {0.9, 0.4, 0.6, 0.1}, new double[] {0.3, 0.8, 0.5, 0.2},
                new boolean[] {true, true, false, false});
        assertThat(c.aucA()).isCloseTo(0.75, within(1e-15));
        assertThat(c.aucB()).isCloseTo(0.75, within(1e-15));
        assertThat(c.difference()).isCloseTo(0, within(1e-15));
        assertThat(c.standardError()).isCloseTo(0.5, within(1e-15));
        assertThat(c.notWorse(1.96)).isTrue();
    }

    @Test
    void of_randomScoresWithTies_aucsEqualTheEvaluationsAndSelfComparisonHasNoError() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 400;
        double[] a = new double[n];
        double[] b = new double[n];
        boolean[] churned = new boolean[n];
        for (int i = 0; i < n; i++) {
            churned[i] = random.nextDouble() < 0.3;
            a[i] = random.nextInt(20) + (churned[i] ? 3 : 0);
            b[i] = random.nextInt(20) + (churned[i] ? 1 : 0);
        }
        AucComparison c = AucComparison.of(a, b, churned);
        assertThat(c.aucA()).isCloseTo(ChurnEvaluation.of(a, churned, false).auc(), within(1e-12));
        assertThat(c.aucB()).isCloseTo(ChurnEvaluation.of(b, churned, false).auc(), within(1e-12));
        assertThat(c.difference()).isGreaterThan(c.standardError());
        AucComparison self = AucComparison.of(a, a, churned);
        assertThat(self.difference()).isZero();
        assertThat(self.standardError()).isCloseTo(0, within(1e-12));
    }

    @Test
    void standardError_matchesTheSpreadOfTheDifferenceOverRepeatedSamples() {
        SplittableRandom random = new SplittableRandom(17);
        int reps = 300;
        int n = 300;
        double sum = 0;
        double sumSq = 0;
        double meanSe = 0;
        for (int r = 0; r < reps; r++) {
            double[] a = new double[n];
            double[] b = new double[n];
            boolean[] churned = new boolean[n];
            for (int i = 0; i < n; i++) {
                churned[i] = random.nextDouble() < 0.4;
                double shared = random.nextDouble();       // correlated scores
                a[i] = shared + random.nextDouble() + (churned[i] ? 0.5 : 0);
                b[i] = shared + random.nextDouble() + (churned[i] ? 0.3 : 0);
            }
            AucComparison c = AucComparison.of(a, b, churned);
            sum += c.difference();
            sumSq += c.difference() * c.difference();
            meanSe += c.standardError() / reps;
        }
        double sd = Math.sqrt((sumSq - sum * sum / reps) / (reps - 1));
        assertThat(meanSe / sd).isBetween(0.85, 1.15);
    }

    @Test
    void of_invalidInput_isRejected() {
        assertThatThrownBy(() -> AucComparison.of(new double[3], new double[3], new boolean[] {true, false, false}))
                .hasMessageContaining("two churners");
        assertThatThrownBy(() -> AucComparison.of(new double[3], new double[2], new boolean[3]))
                .hasMessageContaining("differ in length");
        AucComparison c = new AucComparison(0.6, 0.5, 0.01);
        assertThatThrownBy(() -> c.notWorse(-1)).hasMessageContaining("z -1.0");
    }
}
