package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No public prediction or likelihood method returns NaN or infinity for valid input:
 * x in [0, 10,000], T in [0.01, 10,000], parameters across 1e-4 .. 1e4 (seeded,
 * log-uniform draws plus the corners).
 */
class NoNonFiniteSweepTest {

    private static final double[] CORNERS = {1e-4, 1e-2, 1, 1e2, 1e4};

    private static List<double[]> parameterSets(int k, int random, long seed) {
        List<double[]> sets = new ArrayList<>();
        Random rnd = new Random(seed);
        for (int i = 0; i < random; i++) {
            double[] p = new double[k];
            for (int j = 0; j < k; j++) {
                p[j] = Math.pow(10, -4 + 8 * rnd.nextDouble());
            }
            sets.add(p);
        }
        for (double c : CORNERS) {
            double[] p = new double[k];
            java.util.Arrays.fill(p, c);
            sets.add(p);
        }
        return sets;
    }

    private static List<double[]> histories(long seed) {
        List<double[]> h = new ArrayList<>();
        h.add(new double[] {0, 0, 0.01});
        h.add(new double[] {0, 0, 1e4});
        h.add(new double[] {1e4, 1e4, 1e4});
        h.add(new double[] {1e4, 0.005, 0.01});
        h.add(new double[] {1, 0.01, 1e4});
        Random rnd = new Random(seed);
        for (int i = 0; i < 6; i++) {
            double age = Math.pow(10, -2 + 6 * rnd.nextDouble());
            double x = Math.floor(Math.pow(10, 4 * rnd.nextDouble()));
            h.add(new double[] {x, x == 0 ? 0 : age * rnd.nextDouble() + 1e-9, age});
        }
        return h;
    }

    @Test
    void purchaseModels_everyPublicMethod_isFinite() {
        for (double[] p : parameterSets(4, 25, 1)) {
            for (PurchaseModel m : List.of(BgNbd.of(p[0], p[1], p[2], p[3]), MbgNbd.of(p[0], p[1], p[2], p[3]))) {
                for (double t : new double[] {0.01, 39, 1e4}) {
                    check(m.expectedPurchases(t), m, "E[X(" + t + ")]");
                    check(m.probabilityOfPurchases(0, t), m, "P(X=0)");
                    check(m.probabilityOfPurchases(7, t), m, "P(X=7)");
                }
                for (double[] h : histories(2)) {
                    String where = java.util.Arrays.toString(h);
                    check(m.probabilityAlive(h[0], h[1], h[2]), m, "P(alive) " + where);
                    for (double t : new double[] {0.01, 39, 1e4}) {
                        check(m.conditionalExpectedPurchases(t, h[0], h[1], h[2]), m, "E[Y] t=" + t + " " + where);
                        check(m.probabilityAliveAt(t, h[0], h[1], h[2]), m, "P(alive at) t=" + t + " " + where);
                        check(m.conditionalProbabilityOfPurchases(2, t, h[0], h[1], h[2]), m, "P(Y=2) " + where);
                    }
                    check(m.discountedExpectedPurchases(10, 0.02, h[0], h[1], h[2]), m, "DEP " + where);
                }
            }
        }
    }

    @Test
    void logLikelihoods_areNeverNaN() {
        List<double[]> rows = histories(3);
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] tx = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] t = rows.stream().mapToDouble(r -> r[2]).toArray();
        double[] m = rows.stream().mapToDouble(r -> 1 + r[0]).toArray();
        BtydData data = BtydData.withMonetary(x, tx, t, m);
        for (double[] p : parameterSets(4, 40, 4)) {
            for (BtydModel<?> model : List.of(BgNbd.model(), MbgNbd.model())) {
                double[] g = new double[4];
                double ll = model.logLikelihood(p, data, g);
                assertThat(ll).as("%s LL at %s", model, java.util.Arrays.toString(p)).isNotNaN().isLessThan(Double.POSITIVE_INFINITY);
                if (Double.isFinite(ll)) {
                    for (double gi : g) {
                        assertThat(gi).as("%s gradient at %s", model, java.util.Arrays.toString(p)).isNotNaN();
                    }
                }
            }
        }
        for (double[] p : parameterSets(3, 40, 5)) {
            double ll = GammaGamma.model().logLikelihood(p, data, new double[3]);
            assertThat(ll).as("GG LL at %s", java.util.Arrays.toString(p)).isNotNaN().isLessThan(Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void gammaGamma_expectedSpend_isFiniteWhereDefined() {
        for (double[] p : parameterSets(3, 40, 6)) {
            GammaGamma gg = GammaGamma.of(p[0], p[1], p[2]);
            for (double x : new double[] {1, 10, 1e4}) {
                for (double mean : new double[] {1e-4, 1, 1e4}) {
                    if (p[0] * x + p[1] > 1) {
                        check(gg.conditionalExpectedSpend(x, mean), gg, "spend x=" + x + " m=" + mean);
                    }
                }
            }
        }
    }

    private static void check(double value, Object model, String what) {
        assertThat(value).as("%s for %s", what, model).isFinite();
    }
}
