package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * No NaN or infinity from the public Pareto/NBD and BG/BB methods for valid input:
 * parameters across 1e-4 .. 1e4, histories with x up to 10,000 and T from 0.01 to 10,000
 * (the finer grids of the likelihood and formula tests cover the internals).
 */
class ParetoNbdBgBbSweepTest {

    private static final double[] VALUES = {1e-4, 1.0, 1e4};

    @Test
    void paretoNbd_publicMethods_stayFinite() {
        double[][] histories = {{0, 0, 0.01}, {0, 0, 10_000}, {10_000, 9_999, 10_000}, {2, 0.005, 0.01}};
        for (double r : VALUES) {
            for (double alpha : VALUES) {
                for (double s : VALUES) {
                    for (double beta : VALUES) {
                        ParetoNbd m = ParetoNbd.of(r, alpha, s, beta);
                        for (double[] h : histories) {
                            String where = m + Arrays.toString(h);
                            assertThat(m.conditionalProbabilityOfPurchases(0, 52, h[0], h[1], h[2])).as(where).isBetween(0.0, 1.0);
                            assertThat(m.conditionalProbabilityOfPurchases(3, 52, h[0], h[1], h[2])).as(where).isBetween(0.0, 1.0);
                            assertThat(m.discountedExpectedPurchases(52, 0.01, h[0], h[1], h[2])).as(where).isFinite().isNotNegative();
                            assertThat(m.discountedResidualPurchases(Double.POSITIVE_INFINITY, 0.01, h[0], h[1], h[2]))
                                    .as(where).isFinite().isNotNegative();
                            assertThat(m.logLikelihood(h[0], h[1], h[2])).as(where).isFinite();
                        }
                    }
                }
            }
        }
    }

    @Test
    void bgBb_publicMethods_stayFinite() {
        double[][] histories = {{0, 0, 1}, {0, 0, 10_000}, {10_000, 10_000, 10_000}, {3, 9_000, 10_000}};
        for (double a : VALUES) {
            for (double b : VALUES) {
                for (double g : VALUES) {
                    for (double d : VALUES) {
                        BgBb m = BgBb.of(a, b, g, d);
                        for (double[] h : histories) {
                            String where = m + Arrays.toString(h);
                            assertThat(m.probabilityAlive(h[0], h[1], h[2])).as(where).isBetween(0.0, 1.0);
                            assertThat(m.probabilityAliveAt(100, h[0], h[1], h[2])).as(where).isBetween(0.0, 1.0);
                            assertThat(m.conditionalExpectedPurchases(100, h[0], h[1], h[2])).as(where).isFinite();
                            assertThat(m.conditionalProbabilityOfPurchases(2, 100, h[0], h[1], h[2])).as(where).isBetween(0.0, 1.0);
                            assertThat(m.discountedExpectedPurchases(100, 0.05, h[0], h[1], h[2])).as(where).isFinite();
                            assertThat(m.discountedExpectedResidualTransactions(0.05, h[0], h[1], h[2])).as(where).isFinite();
                        }
                        assertThat(m.expectedPurchases(10_000)).isFinite();
                        assertThat(m.probabilityOfPurchases(5, 10_000)).isBetween(0.0, 1.0);
                    }
                }
            }
        }
    }
}
