package org.crmkit.scoring.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.scoring.btyd.BtydTestData;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class BgBbLikelihoodTest {

    private static final double[][] PARAMS = {
        {1.204, 0.750, 0.657, 2.783}, {1e-4, 1e-4, 1e-4, 1e-4}, {1e4, 1e4, 1e4, 1e4},
        {0.5, 3.0, 1e4, 1e-4}, {2.0, 0.1, 1.0, 1.0}};

    private static double ll(double[] p, int x, int tx, int n) {
        return BgBbLikelihood.logLikelihood(p[0], p[1], p[2], p[3], x, tx, n, null);
    }

    /**
     * Fader, Hardie &amp; Shang (2010), Marketing Science 29(6), 1086-1108, donations data
     * (11,104 donors, 6 opportunities): alpha = 1.204, beta = 0.750, gamma = 0.657,
     * delta = 2.783 (as also used by lifetimes' tests). LL = -33,225.6 is quoted without an
     * independent source; it is the paper's eq. 5 likelihood, which omits binomial
     * normalizing constants (see SSRN 3241680), like {@link BgBbLikelihood}.
     */
    @Test
    void logLikelihood_donationsAtPublishedEstimates_matchesPublishedValue() {
        double[][] rows = BtydTestData.csv("donations.csv");
        double total = 0.0;
        double customers = 0.0;
        for (double[] row : rows) {
            total += row[3] * BgBbLikelihood.logLikelihood(1.204, 0.750, 0.657, 2.783, (int) row[0],
                    (int) row[1], (int) row[2], null);
            customers += row[3];
        }
        assertThat(customers).isEqualTo(11_104.0);
        assertThat(total).isCloseTo(-33_225.6, within(0.1));
    }

    /** n = 1 by hand: buy = alpha/(alpha+beta) delta/(gamma+delta); no buy = the rest. */
    @Test
    void logLikelihood_oneOpportunity_matchesHandDerivation() {
        double a = 1.3;
        double b = 0.8;
        double g = 0.6;
        double d = 2.1;
        double buy = a / (a + b) * d / (g + d);
        double noBuy = b / (a + b) * d / (g + d) + g / (g + d);
        assertThat(Math.exp(BgBbLikelihood.logLikelihood(a, b, g, d, 1, 1, 1, null))).isCloseTo(buy, within(1e-14));
        assertThat(Math.exp(BgBbLikelihood.logLikelihood(a, b, g, d, 0, 0, 1, null))).isCloseTo(noBuy, within(1e-14));
        assertThat(buy + noBuy).isCloseTo(1.0, within(1e-14));
    }

    /**
     * Summing the likelihood over every purchase sequence of n opportunities gives 1: there
     * are C(t_x - 1, x - 1) sequences with x purchases, the last at t_x.
     */
    @Test
    void logLikelihood_overAllSequences_sumsToOne() {
        for (double[] p : PARAMS) {
            for (int n : new int[] {1, 6, 25}) {
                double total = Math.exp(ll(p, 0, 0, n));
                for (int tx = 1; tx <= n; tx++) {
                    for (int x = 1; x <= tx; x++) {
                        total += Math.exp(lnChoose(tx - 1, x - 1) + ll(p, x, tx, n));
                    }
                }
                assertThat(total).isCloseTo(1.0, within(1e-10));
            }
        }
    }

    static double lnChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    @Test
    void logLikelihood_gradientAgreesWithFiniteDifferences() {
        int[][] customers = {{0, 0, 6}, {1, 1, 6}, {3, 5, 6}, {6, 6, 6}, {2, 10, 10_000}, {0, 0, 10_000}};
        double[] g = new double[5];
        for (double[] p : PARAMS) {
            for (int[] c : customers) {
                double value = BgBbLikelihood.logLikelihood(p[0], p[1], p[2], p[3], c[0], c[1], c[2], g);
                for (int k = 0; k < 4; k++) {
                    double h = 1e-6 * p[k];
                    double[] up = p.clone();
                    double[] down = p.clone();
                    up[k] += h;
                    down[k] -= h;
                    double fd = (ll(up, c[0], c[1], c[2]) - ll(down, c[0], c[1], c[2])) / (2 * h);
                    double noise = 1e-15 * (1 + Math.abs(value)) / h;
                    assertThat(g[k]).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd)) + noise));
                }
            }
        }
    }

    @Test
    void logLikelihood_sweep_staysFinite() {
        double[] values = {1e-4, 1e-2, 1.0, 100.0, 1e4};
        int[][] customers = {{0, 0, 1}, {1, 1, 1}, {0, 0, 10_000}, {1, 1, 10_000}, {10, 5_000, 10_000},
            {10_000, 10_000, 10_000}, {5_000, 9_999, 10_000}};
        double[] g = new double[5];
        for (double a : values) {
            for (double b : values) {
                for (double c : values) {
                    for (double d : values) {
                        for (int[] cu : customers) {
                            double v = BgBbLikelihood.logLikelihood(a, b, c, d, cu[0], cu[1], cu[2], g);
                            assertThat(Double.isFinite(v)).isTrue();
                            for (int k = 0; k < 5; k++) {
                                assertThat(Double.isFinite(g[k])).isTrue();
                            }
                            assertThat(g[4]).isBetween(0.0, 1.0);
                        }
                    }
                }
            }
        }
    }
}
