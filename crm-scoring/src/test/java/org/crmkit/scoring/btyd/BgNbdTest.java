package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD predictions against independent computations: the closed forms of Fader, Hardie
 * and Lee (2005) evaluated with a plain 2F1 series, brute-force integrals over the beta
 * mixture, probability identities, and parameter recovery from a seeded simulation.
 */
class BgNbdTest {

    private static final BgNbd CDNOW = BgNbd.of(0.243, 4.414, 0.793, 2.426);

    @Test
    void probabilityAlive_noRepeatPurchase_isOne() {
        assertThat(CDNOW.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
        assertThat(BgNbd.of(5, 0.1, 100, 0.01).probabilityAlive(0, 0, 1e4)).isEqualTo(1.0);
    }

    @Test
    void probabilityAlive_matchesClosedFormByHand() {
        // 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x)), x=2, tx=30.43, T=38.86
        double odds = 0.793 / (2.426 + 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 2.243);
        assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86)).isCloseTo(1 / (1 + odds), within(1e-14));
    }

    @Test
    void expectedPurchases_matchesBruteForceIntegralOverDropoutProbability() {
        for (double t : new double[] {0.5, 39, 78, 500}) {
            double r = 0.243;
            double alpha = 4.414;
            double reference = Numeric.betaExpectation(0.793, 2.426,
                    p -> p == 0 ? r * t / alpha : (1 - Math.pow(alpha / (alpha + p * t), r)) / p);
            assertThat(CDNOW.expectedPurchases(t)).as("t=%s", t).isCloseTo(reference, within(1e-7 * reference));
        }
    }

    @Test
    void expectedPurchases_matchesEquation9WithPlainSeries() {
        double r = 0.243;
        double alpha = 4.414;
        double a = 0.793;
        double b = 2.426;
        double t = 20;
        double z = t / (alpha + t);
        double eq9 = (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * Numeric.hyp2f1(r, b, a + b - 1, z));
        assertThat(CDNOW.expectedPurchases(t)).isCloseTo(eq9, within(1e-10));
        assertThat(CDNOW.expectedPurchases(0)).isZero();
    }

    @Test
    void expectedPurchases_aEqualToOne_isFiniteAndBetweenNeighbours() {
        // equation 9 divides by a - 1; the implementation must not
        double at = BgNbd.of(0.5, 4, 1.0, 2.5).expectedPurchases(39);
        double below = BgNbd.of(0.5, 4, 1.0 - 1e-6, 2.5).expectedPurchases(39);
        double above = BgNbd.of(0.5, 4, 1.0 + 1e-6, 2.5).expectedPurchases(39);
        assertThat(at).isFinite().isBetween(Math.min(below, above) - 1e-5, Math.max(below, above) + 1e-5);
    }

    @Test
    void conditionalExpectedPurchases_matchesEquation10WithPlainSeries() {
        double r = 0.243;
        double alpha = 4.414;
        double a = 0.793;
        double b = 2.426;
        double x = 2;
        double tx = 30.43;
        double age = 38.86;
        double t = 39;
        double z = t / (alpha + age + t);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + age) / (alpha + age + t), r + x)
                * Numeric.hyp2f1(r + x, b + x, a + b + x - 1, z));
        double denominator = 1 + a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x);
        assertThat(CDNOW.conditionalExpectedPurchases(t, x, tx, age)).isCloseTo(numerator / denominator, within(1e-10));
    }

    @Test
    void conditionalExpectedPurchases_longHorizon_seriesAndQuadratureAgree() {
        // z = t / (alpha + T + t) > 0.9 takes the quadrature route; compare with a brute-force integral
        double x = 1;
        double age = 5;
        double t = 300;
        double r = 0.243 + x;
        double alpha = 4.414 + age;
        double reference = Numeric.betaExpectation(0.793, 2.426 + x,
                p -> p == 0 ? r * t / alpha : (1 - Math.pow(alpha / (alpha + p * t), r)) / p)
                * CDNOW.probabilityAlive(x, 2, age);
        assertThat(CDNOW.conditionalExpectedPurchases(t, x, 2, age)).isCloseTo(reference, within(1e-7 * reference));
    }

    @Test
    void probabilityAliveAt_matchesBruteForceIntegral() {
        double x = 3;
        double tx = 20;
        double age = 39;
        double t = 26;
        double rx = 0.243 + x;
        double scale = 4.414 + age;
        double survive = Numeric.betaExpectation(0.793, 2.426 + x, p -> Math.pow(scale / (scale + p * t), rx));
        double expected = CDNOW.probabilityAlive(x, tx, age) * survive;
        assertThat(CDNOW.probabilityAliveAt(t, x, tx, age)).isCloseTo(expected, within(1e-9));
        assertThat(CDNOW.probabilityAliveAt(0, x, tx, age)).isEqualTo(CDNOW.probabilityAlive(x, tx, age));
    }

    @Test
    void probabilityOfPurchases_publishedBtydValue() {
        // P(X(2) = 10) = 1.07869e-07 at the CDNOW estimates: lifetimes'
        // test_probability_of_n_purchases_up_to_time_same_as_R_BTYD, which cites the BTYD (R) manual
        assertThat(CDNOW.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(1e-11));
    }

    @Test
    void probabilityOfPurchases_sumsToOneWithMeanEqualToExpectation() {
        double t = 39;
        double total = 0;
        double mean = 0;
        for (int n = 0; n < 2000; n++) {
            double p = CDNOW.probabilityOfPurchases(n, t);
            total += p;
            mean += n * p;
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        assertThat(mean).isCloseTo(CDNOW.expectedPurchases(t), within(1e-7));
    }

    @Test
    void conditionalProbabilityOfPurchases_sumsToOneWithMeanEqualToConditionalExpectation() {
        double total = 0;
        double mean = 0;
        for (int n = 0; n < 2000; n++) {
            double p = CDNOW.conditionalProbabilityOfPurchases(n, 39, 4, 30, 38);
            total += p;
            mean += n * p;
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        assertThat(mean).isCloseTo(CDNOW.conditionalExpectedPurchases(39, 4, 30, 38), within(1e-7));
    }

    @Test
    void discountedExpectedPurchases_zeroRate_equalsConditionalExpectation() {
        assertThat(CDNOW.discountedExpectedPurchases(52, 0, 3, 20, 39))
                .isCloseTo(CDNOW.conditionalExpectedPurchases(52, 3, 20, 39), within(1e-10));
        double discounted = CDNOW.discountedExpectedPurchases(52, 0.01, 3, 20, 39);
        assertThat(discounted).isLessThan(CDNOW.conditionalExpectedPurchases(52, 3, 20, 39));
        // by hand: sum of period increments discounted at the end of each period
        double byHand = 0;
        for (int k = 1; k <= 52; k++) {
            byHand += (CDNOW.conditionalExpectedPurchases(k, 3, 20, 39) - CDNOW.conditionalExpectedPurchases(k - 1, 3, 20, 39))
                    / Math.pow(1.01, k);
        }
        assertThat(discounted).isCloseTo(byHand, within(1e-10));
    }

    @Test
    void simulate_sameSeed_sameCohort_andMeanMatchesExpectation() {
        double[] ages = new double[20_000];
        java.util.Arrays.fill(ages, 39);
        SimulatedCohort one = CDNOW.simulate(ages, 39, 11);
        SimulatedCohort two = CDNOW.simulate(ages, 39, 11);
        assertThat(one.frequency()).isEqualTo(two.frequency());
        assertThat(one.transactionTimes()).isEqualTo(two.transactionTimes());
        double mean = java.util.Arrays.stream(one.frequency()).average().orElseThrow();
        double expected = CDNOW.expectedPurchases(39);
        // standard error of the mean is below 0.03 here
        assertThat(mean).isCloseTo(expected, within(0.1));
        assertThat(one.transactionCustomers()).hasSameSizeAs(one.transactionTimes());
    }

    @Test
    void fit_simulated50000Customers_recoversParametersWithin3StandardErrors() {
        Random random = new Random(2024);
        double[] ages = new double[50_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = Math.round((13 + 39 * random.nextDouble()) * 7) / 7.0;
        }
        BgNbd truth = BgNbd.of(0.5, 6, 0.7, 3);
        SimulatedCohort cohort = truth.simulate(ages, 0, 99);
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), cohort.calibration());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        for (String name : truth.parameters().keySet()) {
            assertThat(fit.parameters().get(name)).as(name)
                    .isCloseTo(truth.parameters().get(name), within(3 * fit.standardErrors().get(name)));
        }
        double[][] c = fit.covariance().orElseThrow();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(c[i][j]).isCloseTo(c[j][i], within(1e-12 + 1e-9 * Math.abs(c[i][j])));
            }
        }
    }

    @Test
    void bulkPredictions_equalScalarPredictions() {
        Random random = new Random(8);
        int n = 100_000;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            age[i] = (1 + random.nextInt(300)) / 7.0;
            x[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(30);
            tx[i] = x[i] == 0 ? 0 : (1 + random.nextInt((int) Math.round(age[i] * 7))) / 7.0;
        }
        for (PurchaseModel m : java.util.List.of(CDNOW, MbgNbd.of(0.525, 6.183, 0.891, 1.614))) {
            double[] expected = new double[n];
            double[] alive = new double[n];
            m.conditionalExpectedPurchases(39, x, tx, age, expected);
            m.probabilityAlive(x, tx, age, alive);
            double[] expected2 = new double[n];
            double[] alive2 = new double[n];
            m.predict(39, x, tx, age, expected2, alive2);
            assertThat(expected2).isEqualTo(expected);
            assertThat(alive2).isEqualTo(alive);
            for (int i = 0; i < n; i += 7) {
                assertThat(expected[i]).isEqualTo(m.conditionalExpectedPurchases(39, x[i], tx[i], age[i]));
                assertThat(alive[i]).isEqualTo(m.probabilityAlive(x[i], tx[i], age[i]));
            }
        }
    }

    @Test
    void predictions_invalidHistory_areRejected() {
        assertThatThrownBy(() -> CDNOW.probabilityAlive(2, 40, 39)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency 40.0 > T 39.0");
        assertThatThrownBy(() -> CDNOW.conditionalExpectedPurchases(-1, 2, 30, 39))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> CDNOW.probabilityOfPurchases(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BgNbd.of(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 0.0");
    }
}
