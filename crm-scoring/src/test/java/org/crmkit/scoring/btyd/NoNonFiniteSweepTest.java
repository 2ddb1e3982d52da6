package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                checkPurchaseModel(m, histories(2));
            }
        }
    }

    @Test
    void ggompertzNbd_everyPublicMethodAndTheLikelihood_isFinite() {
        List<double[]> rows = histories(7);
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] tx = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] t = rows.stream().mapToDouble(r -> r[2]).toArray();
        BtydData data = BtydData.of(x, tx, t);
        for (double[] p : parameterSets(5, 12, 8)) {
            checkPurchaseModel(GGompertzNbd.of(p[0], p[1], p[2], p[3], p[4]), histories(2));
            double[] g = new double[5];
            double ll = GGompertzNbd.model().logLikelihood(p, data, g);
            assertThat(ll).as("LL at %s", java.util.Arrays.toString(p)).isNotNaN().isLessThan(Double.POSITIVE_INFINITY);
            if (Double.isFinite(ll)) {
                for (double gi : g) {
                    assertThat(gi).as("gradient at %s", java.util.Arrays.toString(p)).isNotNaN();
                }
            }
        }
    }

    @Test
    void checkPurchaseModel_failsOnANaNTurnedIntoZero() {
        // a NaN hidden as 0 is finite: the sweep must still catch it by the relations it checks
        BgNbd real = BgNbd.of(0.24, 4.4, 0.79, 2.4);
        List<double[]> h = histories(2);
        assertThatThrownBy(() -> checkPurchaseModel(new ZeroAt(real, "E[X]"), h)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("E[X(");
        assertThatThrownBy(() -> checkPurchaseModel(new ZeroAt(real, "E[Y]"), h)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("E[Y]");
        assertThatThrownBy(() -> checkPurchaseModel(new ZeroAt(real, "DEP"), h)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("DEP");
        checkPurchaseModel(real, h); // and passes the model itself
    }

    /**
     * Checks a purchase model over histories: every value finite, probabilities in [0, 1],
     * expectations positive where the customer may be alive and non-decreasing in the horizon,
     * discounting never adding purchases. A NaN replaced by 0 breaks one of these.
     */
    private static void checkPurchaseModel(PurchaseModel m, List<double[]> histories) {
        double[] horizons = {0.01, 39, 1e4};
        double previous = 0;
        for (double t : horizons) {
            double e = m.expectedPurchases(t);
            check(e, m, "E[X(" + t + ")]");
            // non-decreasing up to rounding where the expectation has saturated
            assertThat(e).as("E[X(%s)] for %s: positive and non-decreasing in t", t, m).isPositive()
                    .isGreaterThanOrEqualTo(previous * (1 - 1e-9));
            previous = e;
            double p0 = m.probabilityOfPurchases(0, t);
            double p7 = m.probabilityOfPurchases(7, t);
            checkProbability(p0, m, "P(X=0) t=" + t);
            checkProbability(p7, m, "P(X=7) t=" + t);
            assertThat(p0 + p7).as("P(X=0) + P(X=7) t=%s for %s", t, m).isLessThanOrEqualTo(1 + 1e-9);
        }
        for (double[] h : histories) {
            String where = java.util.Arrays.toString(h);
            double alive = m.probabilityAlive(h[0], h[1], h[2]);
            checkProbability(alive, m, "P(alive) " + where);
            double before = 0;
            for (double t : horizons) {
                double ey = m.conditionalExpectedPurchases(t, h[0], h[1], h[2]);
                check(ey, m, "E[Y] t=" + t + " " + where);
                assertThat(ey).as("E[Y] t=%s %s for %s: non-decreasing in t", t, where, m)
                        .isGreaterThanOrEqualTo(before * (1 - 1e-9));
                if (alive > 1e-100) {
                    assertThat(ey).as("E[Y] t=%s %s for %s with P(alive) %s", t, where, m, alive).isPositive();
                }
                before = ey;
                double aliveAt = m.probabilityAliveAt(t, h[0], h[1], h[2]);
                checkProbability(aliveAt, m, "P(alive at) t=" + t + " " + where);
                assertThat(aliveAt).as("P(alive at) t=%s %s for %s: not above P(alive) now", t, where, m)
                        .isLessThanOrEqualTo(alive + 1e-9);
                checkProbability(m.conditionalProbabilityOfPurchases(2, t, h[0], h[1], h[2]), m, "P(Y=2) " + where);
            }
            double dep = m.discountedExpectedPurchases(10, 0.02, h[0], h[1], h[2]);
            double undiscounted = m.conditionalExpectedPurchases(10, h[0], h[1], h[2]);
            check(dep, m, "DEP " + where);
            assertThat(dep).as("DEP %s for %s: not above the undiscounted %s", where, m, undiscounted)
                    .isLessThanOrEqualTo(undiscounted * (1 + 1e-9) + 1e-300);
            if (undiscounted > 1e-100) {
                assertThat(dep).as("DEP %s for %s with undiscounted %s", where, m, undiscounted).isPositive();
            }
        }
    }

    private static void checkProbability(double p, Object model, String what) {
        assertThat(p).as("%s for %s", what, model).isBetween(0.0, 1.0);
    }

    /** A model that answers 0 for one quantity at the longest horizon, as code hiding a NaN would. */
    private record ZeroAt(PurchaseModel model, String quantity) implements PurchaseModel {
        @Override
        public String modelName() {
            return model.modelName();
        }

        @Override
        public java.util.Map<String, Double> parameters() {
            return model.parameters();
        }

        @Override
        public double expectedPurchases(double t) {
            return quantity.equals("E[X]") && t == 1e4 ? 0 : model.expectedPurchases(t);
        }

        @Override
        public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
            return quantity.equals("E[Y]") && t == 1e4 ? 0 : model.conditionalExpectedPurchases(t, x, tx, age);
        }

        @Override
        public double probabilityAlive(double x, double tx, double age) {
            return model.probabilityAlive(x, tx, age);
        }

        @Override
        public double probabilityAliveAt(double t, double x, double tx, double age) {
            return model.probabilityAliveAt(t, x, tx, age);
        }

        @Override
        public double probabilityOfPurchases(int n, double t) {
            return model.probabilityOfPurchases(n, t);
        }

        @Override
        public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx, double age) {
            return model.conditionalProbabilityOfPurchases(n, t, x, tx, age);
        }

        @Override
        public SimulatedCohort simulate(double[] ages, double holdout, long seed) {
            return model.simulate(ages, holdout, seed);
        }

        @Override
        public double discountedExpectedPurchases(long periods, double discountRate, double x, double tx,
                double age) {
            return quantity.equals("DEP") ? 0 : model.discountedExpectedPurchases(periods, discountRate, x, tx, age);
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
