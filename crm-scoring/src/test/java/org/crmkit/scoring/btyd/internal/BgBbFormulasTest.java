package org.crmkit.scoring.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.Test;

class BgBbFormulasTest {

    private static final double A = 1.204;
    private static final double B = 0.750;
    private static final double G = 0.657;
    private static final double D = 2.783;

    /** P(X(n) = x) equals the likelihood summed over the C(t_x - 1, x - 1) sequences. */
    @Test
    void probabilityOfPurchases_matchesSumOfLikelihoods() {
        int n = 12;
        double total = 0.0;
        double mean = 0.0;
        for (int x = 0; x <= n; x++) {
            double bySequences = x == 0 ? Math.exp(BgBbLikelihood.logLikelihood(A, B, G, D, 0, 0, n, null)) : 0.0;
            for (int tx = Math.max(x, 1); x > 0 && tx <= n; tx++) {
                bySequences += Math.exp(BgBbLikelihoodTest.lnChoose(tx - 1, x - 1)
                        + BgBbLikelihood.logLikelihood(A, B, G, D, x, tx, n, null));
            }
            double p = BgBbFormulas.probabilityOfPurchases(A, B, G, D, n, x);
            assertThat(p).isCloseTo(bySequences, within(1e-13));
            total += p;
            mean += x * p;
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
        assertThat(BgBbFormulas.expectedPurchases(A, B, G, D, n)).isCloseTo(mean, within(1e-11));
    }

    /** The closed form of the survival sum agrees with adding the terms up. */
    @Test
    void survivalSum_closedFormMatchesDirectSum() {
        double direct = 0.0;
        double term = D / (G + D);
        for (int t = 1; t <= 10_000; t++) {
            direct += term;
            term *= (D + t) / (G + D + t);
        }
        assertThat(BgBbFormulas.survivalSum(G, D, 0, 10_000)).isCloseTo(direct, within(1e-9 * direct));
        // gamma > 1, starting after 3 opportunities
        double later = 0.0;
        double g = 2.5;
        double survival = 1.0;
        for (int t = 1; t <= 3; t++) {
            survival *= (D + t - 1) / (g + D + t - 1);
        }
        for (int t = 4; t <= 10_003; t++) {
            survival *= (D + t - 1) / (g + D + t - 1);
            later += survival;
        }
        assertThat(BgBbFormulas.survivalSum(g, D, 3, 10_000)).isCloseTo(later, within(1e-9 * later));
        assertThat(BgBbFormulas.survivalSum(1.0, D, 0, 10)).isCloseTo(
                java.util.stream.IntStream.rangeClosed(1, 10).mapToDouble(t -> D / (D + t)).sum(), within(1e-13));
    }

    /**
     * DERT by the hypergeometric function equals the discounted sum of the per-period
     * conditional expectations (eq. 13 applied to one period at a time).
     */
    @Test
    void dert_matchesDiscountedSumOfConditionalExpectations() {
        int[][] customers = {{0, 0, 6}, {3, 5, 6}, {6, 6, 6}};
        double rate = 0.1;
        for (int[] c : customers) {
            double sum = 0.0;
            double previous = 0.0;
            for (int k = 1; k <= 600; k++) {
                double cumulative = BgBbFormulas.conditionalExpectedPurchases(A, B, G, D, c[0], c[1], c[2], k);
                sum += (cumulative - previous) / Math.pow(1 + rate, k);
                previous = cumulative;
            }
            assertThat(BgBbFormulas.discountedExpectedResidualTransactions(A, B, G, D, c[0], c[1], c[2], rate))
                    .isCloseTo(sum, within(1e-10 * sum));
        }
    }

    /**
     * Hand-derived: a customer who bought at the only opportunity was alive at it, so
     * P(alive at 2) = E[1 - theta | survived one draw] = (delta + 1) / (gamma + delta + 1).
     */
    @Test
    void probabilityAlive_afterPurchaseAtLastOpportunity_isSurvivalOfOneMorePeriod() {
        // bought at opportunity 1 of 1: certainly alive at 1, so alive at 2 with E[1-theta | alive at 1]
        assertThat(BgBbFormulas.probabilityAlive(A, B, G, D, 1, 1, 1)).isCloseTo((D + 1) / (G + D + 1), within(1e-14));
        // and m periods later with the product of the m survival ratios
        assertThat(BgBbFormulas.probabilityAliveAt(A, B, G, D, 1, 1, 1, 3))
                .isCloseTo((D + 1) / (G + D + 1) * (D + 2) / (G + D + 2) * (D + 3) / (G + D + 3), within(1e-14));
        assertThat(BgBbFormulas.probabilityAliveAt(A, B, G, D, 2, 4, 6, 1))
                .isCloseTo(BgBbFormulas.probabilityAlive(A, B, G, D, 2, 4, 6), within(1e-14));
    }

    /** Seeded simulation of 200,000 customers reproduces E[X(n)] and P(X(n) = 0). */
    @Test
    void simulation_reproducesExpectedPurchasesAndZeroClass() {
        int size = 200_000;
        double[] n = new double[size];
        java.util.Arrays.fill(n, 6);
        SimulatedCohort pop = BtydSimulations.bgBb(A, B, G, D, n, 0, 42L);
        double mean = java.util.Arrays.stream(pop.frequency()).average().orElseThrow();
        double var = java.util.Arrays.stream(pop.frequency()).map(v -> (v - mean) * (v - mean)).sum() / (size - 1);
        double expected = BgBbFormulas.expectedPurchases(A, B, G, D, 6);
        assertThat(mean).isCloseTo(expected, within(4 * Math.sqrt(var / size)));
        double zeros = java.util.Arrays.stream(pop.frequency()).filter(v -> v == 0).count() / (double) size;
        double p0 = BgBbFormulas.probabilityOfPurchases(A, B, G, D, 6, 0);
        assertThat(zeros).isCloseTo(p0, within(4 * Math.sqrt(p0 * (1 - p0) / size)));
        assertThat(pop.transactionTimes().length).isEqualTo(size + (int) java.util.Arrays.stream(pop.frequency()).sum());
    }

    @Test
    void predictions_sweep_stayFinite() {
        double[] values = {1e-4, 1e-2, 1.0, 100.0, 1e4};
        for (double a : values) {
            for (double b : values) {
                for (double g : values) {
                    for (double d : values) {
                        for (int[] c : new int[][] {{0, 0, 6}, {5, 9_000, 10_000}, {10_000, 10_000, 10_000}}) {
                            assertThat(BgBbFormulas.probabilityAlive(a, b, g, d, c[0], c[1], c[2])).isBetween(0.0, 1.0);
                            assertThat(BgBbFormulas.conditionalExpectedPurchases(a, b, g, d, c[0], c[1], c[2], 10_000)).isFinite();
                            assertThat(BgBbFormulas.discountedExpectedResidualTransactions(a, b, g, d, c[0], c[1], c[2], 0.01)).isFinite();
                        }
                        assertThat(BgBbFormulas.expectedPurchases(a, b, g, d, 10_000)).isFinite();
                        assertThat(BgBbFormulas.probabilityOfPurchases(a, b, g, d, 100, 3)).isBetween(0.0, 1.0);
                    }
                }
            }
        }
    }
}
