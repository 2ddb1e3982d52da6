package org.crmkit.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.MbgNbd;
import org.crmkit.scoring.btyd.ParetoNbd;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class NoPurchaseRiskTest {

    @Test
    void of_bgNbdWithoutRepeatPurchase_isTheNegativeBinomialZeroTerm() {
        // x = 0: P(alive) = 1 and risk = ((alpha + T) / (alpha + T + t))^r = (5 / 10)^1
        assertThat(NoPurchaseRisk.of(BgNbd.of(1, 2, 1, 2), 5, 0, 0, 3)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void of_bgNbdWithHistory_matchesHandDerivation() {
        // r=1, alpha=2, a=1, b=2; x=1, t_x=2, T=3, t=5:
        // A = 1 / (1 + 1/2 * (5/4)^2) = 32/57, Q0 = (5/10)^2 = 1/4, risk = 1 - 32/57 * 3/4 = 33/57
        assertThat(NoPurchaseRisk.of(BgNbd.of(1, 2, 1, 2), 5, 1, 2, 3)).isCloseTo(33.0 / 57, within(1e-14));
    }

    @Test
    void of_mbgNbdWithoutRepeatPurchase_canBeDeadAtTimeZero() {
        // A = 1 / (1 + a/b * ((alpha+T)/alpha)^r) = 1 / (1 + 1/2 * 5/2) = 4/9, Q0 = 1/2, risk = 7/9
        assertThat(NoPurchaseRisk.of(MbgNbd.of(1, 2, 1, 2), 5, 0, 0, 3)).isCloseTo(7.0 / 9, within(1e-14));
    }

    @Test
    void of_bgBbOneOpportunity_matchesHandDerivation() {
        // alpha=beta=gamma=delta=1, one opportunity without purchase (x=0, t_x=0, n=1):
        // P(alive at 1, no purchase) = E[1-theta] E[1-p] = 1/4; P(no purchase) = 1/2 + 1/4 = 3/4
        // so A = 1/3; posterior p ~ Beta(1, 2), theta ~ Beta(1, 2):
        // Q0 = E[theta] + E[1-theta] E[1-p] = 1/3 + 2/3 * 2/3 = 7/9; risk = 1 - 1/3 * 2/9 = 25/27
        BgBb m = BgBb.of(1, 1, 1, 1);
        assertThat(m.probabilityAlive(0, 0, 1)).isCloseTo(1.0 / 3, within(1e-14));
        assertThat(NoPurchaseRisk.of(m, 1, 0, 0, 1)).isCloseTo(25.0 / 27, within(1e-14));
    }

    @Test
    void of_bgBbTwoOpportunities_matchesHandDerivation() {
        // same model, x=0, n=1, next 2 opportunities, posterior p ~ Beta(1,2), theta ~ Beta(1,2):
        // Q0 = E[theta] + E[theta(1-theta)] E[1-p] + E[(1-theta)^2] E[(1-p)^2]
        //    = 1/3 + (1/6)(2/3) + (1/2)(1/2) = 1/3 + 1/9 + 1/4 = 25/36; risk = 1 - 1/3 * 11/36
        assertThat(NoPurchaseRisk.of(BgBb.of(1, 1, 1, 1), 2, 0, 0, 1)).isCloseTo(1 - 11.0 / 108, within(1e-14));
    }

    @Test
    void of_paretoNbd_matchesNumericalIntegralOfTheDerivation() {
        ParetoNbd m = ParetoNbd.of(0.55, 10.58, 0.61, 11.67);
        double x = 2;
        double age = 38.86;
        double w = 39;
        double r1 = 0.55 + x;
        double a1 = 10.58 + age;
        double b1 = 11.67 + age;
        double s = 0.61;
        // Q0 = (a1/(a1+w))^r1 (b1/(b1+w))^s + int_0^w (s/b1)(b1/(b1+u))^(s+1)(a1/(a1+u))^r1 du, by Simpson
        int steps = 20_000;
        double h = w / steps;
        double integral = 0;
        for (int k = 0; k <= steps; k++) {
            double u = k * h;
            double f = s / b1 * Math.pow(b1 / (b1 + u), s + 1) * Math.pow(a1 / (a1 + u), r1);
            integral += f * (k == 0 || k == steps ? 1 : k % 2 == 1 ? 4 : 2);
        }
        integral *= h / 3;
        double quiet = Math.pow(a1 / (a1 + w), r1) * Math.pow(b1 / (b1 + w), s) + integral;
        double alive = m.probabilityAlive(x, 30.43, age);
        assertThat(NoPurchaseRisk.of(m, w, x, 30.43, age)).isCloseTo(1 - alive * (1 - quiet), within(1e-8));
    }

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(BgNbd.of(0.243, 4.414, 0.793, 2.426), false),
                Arguments.of(MbgNbd.of(0.525, 6.183, 0.891, 1.614), false),
                Arguments.of(ParetoNbd.of(0.553, 10.578, 0.606, 11.669), false),
                Arguments.of(BgBb.of(1.204, 0.750, 0.657, 2.783), true));
    }

    /**
     * Simulation from the model with known parameters: among simulated customers the number
     * without holdout purchase must match the sum of predicted risks within 3 standard
     * errors, overall and for customers with and without repeat purchases.
     */
    @ParameterizedTest
    @MethodSource("models")
    void of_matchesSimulationFromTheModel(PurchaseModel model, boolean discrete) {
        int n = 20_000;
        double[] ages = new double[n];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            ages[i] = discrete ? 1 + random.nextInt(8) : 5 + 50 * random.nextDouble();
        }
        double window = discrete ? 3 : 26;
        SimulatedCohort cohort = model.simulate(ages, window, 20261202L);
        double[] x = cohort.frequency();
        double[] tx = cohort.recency();
        double[] age = cohort.age();
        double[] holdout = cohort.holdoutFrequency();
        double[] risk = new double[n];
        NoPurchaseRisk.of(model, window, x, tx, age, risk, null);
        for (int group = 0; group < 3; group++) {
            double expected = 0;
            double variance = 0;
            int observed = 0;
            int members = 0;
            for (int i = 0; i < n; i++) {
                boolean in = group == 0 || (group == 1 ? x[i] == 0 : x[i] > 0);
                if (in) {
                    members++;
                    expected += risk[i];
                    variance += risk[i] * (1 - risk[i]);
                    observed += holdout[i] == 0 ? 1 : 0;
                }
            }
            assertThat(members).as("group %d", group).isGreaterThan(500);
            assertThat((double) observed).as("%s group %d: observed quiet customers vs sum of risks", model, group)
                    .isCloseTo(expected, within(3 * Math.sqrt(variance)));
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void of_agreesWithTheModelsConditionalZeroPurchaseProbability(PurchaseModel model, boolean discrete) {
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 300; k++) {
            double age = discrete ? 1 + random.nextInt(10) : 1 + 60 * random.nextDouble();
            double tx = discrete ? random.nextInt((int) age + 1) : age * random.nextDouble();
            double x = tx == 0 ? 0 : discrete ? 1 + random.nextInt((int) tx) : random.nextInt(10) + 1;
            double w = discrete ? 1 + random.nextInt(6) : 0.5 + 50 * random.nextDouble();
            assertThat(NoPurchaseRisk.of(model, w, x, tx, age)).as("x %s t_x %s T %s w %s", x, tx, age, w)
                    .isCloseTo(model.conditionalProbabilityOfPurchases(0, w, x, tx, age), within(1e-9));
        }
    }

    @Test
    void of_bulkEqualsOneByOneAndFillsProbabilityAlive() {
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        int n = 40_000; // more than two chunks
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            age[i] = 1 + 50 * random.nextDouble();
            tx[i] = random.nextBoolean() ? 0 : age[i] * random.nextDouble();
            x[i] = tx[i] == 0 ? 0 : 1 + random.nextInt(20);
        }
        double[] risk = new double[n];
        double[] alive = new double[n];
        NoPurchaseRisk.of(m, 39, x, tx, age, risk, alive);
        for (int i = 0; i < n; i += 97) {
            assertThat(risk[i]).isEqualTo(NoPurchaseRisk.of(m, 39, x[i], tx[i], age[i]));
            assertThat(alive[i]).isCloseTo(m.probabilityAlive(x[i], tx[i], age[i]), within(1e-14));
        }
        assertThat(Arrays.stream(risk).allMatch(p -> p >= 0 && p <= 1)).isTrue();
    }

    @Test
    void of_riskFallsWithTheWindowTowardsProbabilityDead() {
        BgNbd m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        assertThat(NoPurchaseRisk.of(m, 10, 2, 30, 38)).isGreaterThan(NoPurchaseRisk.of(m, 20, 2, 30, 38));
        // a long enough window: only the dead stay quiet
        assertThat(NoPurchaseRisk.of(m, 1e12, 2, 30, 38)).isCloseTo(1 - m.probabilityAlive(2, 30, 38), within(1e-6));
    }

    @Test
    void of_invalidArguments_areRejected() {
        BgNbd m = BgNbd.of(1, 2, 1, 2);
        assertThatThrownBy(() -> NoPurchaseRisk.of(null, 1, 0, 0, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> NoPurchaseRisk.of(m, 0, 0, 0, 1)).hasMessageContaining("window 0.0");
        assertThatThrownBy(() -> NoPurchaseRisk.of(m, Double.NaN, 0, 0, 1)).hasMessageContaining("window NaN");
        assertThatThrownBy(() -> NoPurchaseRisk.of(m, 1, 1, 5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoPurchaseRisk.of(BgBb.of(1, 1, 1, 1), 1.5, 0, 0, 1))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> NoPurchaseRisk.of(m, 1, new double[2], new double[2], new double[1],
                new double[2], null)).hasMessageContaining("differ in length");
    }
}
