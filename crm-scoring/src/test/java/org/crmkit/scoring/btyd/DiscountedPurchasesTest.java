package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crmkit.scoring.Parallelism;
import org.junit.jupiter.api.Test;

/**
 * The discounted expected purchases over a horizon against the definition summed period by
 * period ({@code sum_k (E[Y(k)] - E[Y(k-1)]) / (1 + d)^k}, from the conditional expectation),
 * for every continuous-time purchase model; any horizon answers at once.
 */
class DiscountedPurchasesTest {

    private static final List<PurchaseModel> MODELS = List.of(
            BgNbd.of(0.243, 4.414, 0.793, 2.426),
            MbgNbd.of(0.525, 6.183, 0.891, 1.614),
            ParetoNbd.of(0.553, 10.578, 0.606, 11.669),
            ParetoNbd.of(1.5, 4.0, 1.0, 3.0),
            ParetoNbd.of(0.8, 6.0, 2.7, 20.0),
            GGompertzNbd.of(0.55, 10.6, 0.05, 0.6, 0.8),
            BgNbd.of(1.2, 30.0, 2.5, 0.4));
    private static final double[][] HISTORIES = {{0, 0, 38.86}, {2, 30.43, 38.86}, {12, 37.0, 38.0}, {1, 1.0, 70.0}};

    private static double bruteForce(PurchaseModel m, long periods, double d, double[] h) {
        double total = 0;
        double previous = 0;
        double factor = 1;
        for (long k = 1; k <= periods; k++) {
            double c = m.conditionalExpectedPurchases(k, h[0], h[1], h[2]);
            factor /= 1 + d;
            total += (c - previous) * factor;
            previous = c;
        }
        return total;
    }

    @Test
    void discountedExpectedPurchases_matchesThePeriodByPeriodSum() {
        long[] checkpoints = {1, 52, 256, 257, 258, 300, 1000};
        for (PurchaseModel m : MODELS) {
            for (double[] h : HISTORIES) {
                for (double d : new double[] {0, 0.0019, 0.2}) {
                    double total = 0;
                    double previous = 0;
                    double factor = 1;
                    int next = 0;
                    for (long k = 1; next < checkpoints.length; k++) {
                        double c = m.conditionalExpectedPurchases(k, h[0], h[1], h[2]);
                        factor /= 1 + d;
                        total += (c - previous) * factor;
                        previous = c;
                        if (k == checkpoints[next]) {
                            double actual = m.discountedExpectedPurchases(k, d, h[0], h[1], h[2]);
                            assertThat(Math.abs(actual - total)).as("%s %s K=%d d=%s: %s vs %s", m,
                                    java.util.Arrays.toString(h), k, d, actual, total)
                                    .isLessThanOrEqualTo(1e-9 * total + 1e-14);
                            next++;
                        }
                    }
                }
            }
        }
    }

    @Test
    void discountedExpectedPurchases_anyHorizonAnswersAtOnceAndConverges() {
        for (PurchaseModel m : MODELS) {
            double[] h = HISTORIES[1];
            // no time is asserted (timings belong in JMH): a sum over the periods one by one
            // would not return at all for 10^12 periods
            double huge = m.discountedExpectedPurchases(1_000_000_000_000L, 0.012, h[0], h[1], h[2]);
            double max = m.discountedExpectedPurchases(Long.MAX_VALUE, 0.012, h[0], h[1], h[2]);
            double undiscounted = m.discountedExpectedPurchases(1_000_000_000_000L, 0, h[0], h[1], h[2]);
            // (1 + d)^-k is below 1e-13 after 2,600 periods: the sum there is the whole sum
            double whole = bruteForce(m, 2_600, 0.012, h);
            assertThat(Math.abs(huge - whole)).as("%s", m).isLessThanOrEqualTo(1e-9 * whole);
            assertThat(max).isEqualTo(huge, org.assertj.core.api.Assertions.within(1e-9 * huge));
            assertThat(undiscounted).isEqualTo(m.conditionalExpectedPurchases(1e12, h[0], h[1], h[2]));
            assertThat(undiscounted).isFinite().isGreaterThan(huge);
        }
    }

    @Test
    void discountedExpectedPurchases_zeroHorizonIsZero() {
        for (PurchaseModel m : MODELS) {
            assertThat(m.discountedExpectedPurchases(0, 0.01, 2, 30.43, 38.86)).isZero();
            double[] out = {7};
            m.discountedExpectedPurchases(0, 0.01, new double[] {2}, new double[] {30.43}, new double[] {38.86}, out,
                    Parallelism.sequential());
            assertThat(out[0]).isZero();
        }
    }

    @Test
    void discountedExpectedPurchases_bulkEqualsScalar() {
        for (PurchaseModel m : MODELS) {
            int n = HISTORIES.length * 50;
            double[] x = new double[n];
            double[] tx = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                double[] h = HISTORIES[i % HISTORIES.length];
                x[i] = h[0];
                tx[i] = h[1];
                t[i] = h[2];
            }
            double[] out = new double[n];
            m.discountedExpectedPurchases(52, 0.0019, x, tx, t, out, Parallelism.commonPool());
            for (int i = 0; i < n; i++) {
                // equal up to rounding: Pareto/NBD's bulk P(alive) reuses per-frequency series
                // coefficients that the one-customer route computes on the way
                double scalar = m.discountedExpectedPurchases(52, 0.0019, x[i], tx[i], t[i]);
                assertThat(out[i]).as("%s row %d", m, i).isCloseTo(scalar,
                        org.assertj.core.api.Assertions.within(1e-14 * scalar));
            }
        }
    }

    /**
     * The bulk forms that take the discounted sum once per distinct age (Pareto/NBD,
     * GGompertz/NBD): many customers over few ages, in chunks and in any order, against the
     * one-customer form, and against the period-by-period sum at 1e-9 relative.
     */
    @Test
    void discountedExpectedPurchases_perAgeBulkMatchesScalarAndThePeriodByPeriodSum() {
        List<PurchaseModel> models = List.of(ParetoNbd.of(0.553, 10.578, 0.606, 11.669),
                ParetoNbd.of(1.5, 4.0, 1.0, 3.0), GGompertzNbd.of(0.55, 10.6, 0.05, 0.6, 0.8));
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(18);
        int n = 3000;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 27 + rnd.nextInt(84) / 7.0; // CDNOW: first purchases on 84 days, ages in weeks
            x[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(30);
            tx[i] = x[i] == 0 ? 0 : t[i] * rnd.nextDouble();
        }
        for (PurchaseModel m : models) {
            for (long periods : new long[] {52, 300, Long.MAX_VALUE}) {
                double[] out = new double[n];
                m.discountedExpectedPurchases(periods, 0.0019, x, tx, t, out, Parallelism.commonPool());
                for (int i = 0; i < n; i += m instanceof GGompertzNbd ? 37 : 1) { // its quadrature is slow
                    double scalar = m.discountedExpectedPurchases(periods, 0.0019, x[i], tx[i], t[i]);
                    assertThat(out[i]).as("%s K=%d row %d", m, periods, i).isCloseTo(scalar,
                            org.assertj.core.api.Assertions.within(1e-12 * scalar));
                }
            }
            for (int i = 0; i < 40; i++) {
                double[] h = {x[i], tx[i], t[i]};
                double brute = bruteForce(m, 52, 0.0019, h);
                double[] out = new double[1];
                m.discountedExpectedPurchases(52, 0.0019, new double[] {h[0]}, new double[] {h[1]},
                        new double[] {h[2]}, out, Parallelism.sequential());
                assertThat(Math.abs(out[0] - brute)).as("%s row %d", m, i).isLessThanOrEqualTo(1e-9 * brute);
            }
        }
        double[] bad = {2, 40, 38};
        assertThatThrownBy(() -> models.get(2).discountedExpectedPurchases(52, 0.01, new double[] {1, bad[0]},
                new double[] {1, bad[1]}, new double[] {5, bad[2]}, new double[2], Parallelism.sequential()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1");
    }

    @Test
    void discountedExpectedPurchases_rejectsBadArguments() {
        PurchaseModel m = MODELS.get(0);
        assertThatThrownBy(() -> m.discountedExpectedPurchases(-1, 0.01, 2, 30.43, 38.86))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periods -1");
        assertThatThrownBy(() -> m.discountedExpectedPurchases(5, Double.NaN, 2, 30.43, 38.86))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discount rate");
        assertThatThrownBy(() -> m.discountedExpectedPurchases(5, 0.01, new double[1], new double[2], new double[1],
                new double[1], Parallelism.sequential())).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The BG/NBD and MBG/NBD short-horizon series (one weight table per age, one coefficient
     * table per frequency) against the period-by-period sum at 1e-10 relative: shapes a below
     * 1, at 1 and above 2 (coefficients that grow before they fall), x from 0 to 40, ages
     * from recent to long, and customers sharing ages and frequencies in one bulk call.
     */
    @Test
    void discountedExpectedPurchases_betaGeometricSeriesMatchesThePeriodByPeriodSumTo1e10() {
        List<PurchaseModel> models = List.of(
                BgNbd.of(0.243, 4.414, 0.793, 2.426),
                MbgNbd.of(0.525, 6.183, 0.891, 1.614),
                BgNbd.of(1.2, 30.0, 2.5, 0.4),
                BgNbd.of(0.8, 2.0, 1.0, 3.0),
                MbgNbd.of(2.0, 12.0, 4.5, 6.0));
        double[][] histories = {{0, 0, 38.86}, {1, 1.71, 38.86}, {2, 30.43, 38.86}, {7, 29.43, 32.71},
            {12, 37.0, 38.0}, {40, 70.0, 72.0}, {3, 5.0, 300.0}, {1, 0.5, 1.0}};
        long[] horizons = {1, 2, 13, 52, 104, 256};
        for (PurchaseModel m : models) {
            for (double d : new double[] {0.0019, 0.01, 0.2}) {
                for (long k : horizons) {
                    double[] x = new double[histories.length * 3];
                    double[] tx = new double[x.length];
                    double[] t = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        double[] h = histories[i % histories.length];
                        x[i] = h[0];
                        tx[i] = h[1];
                        t[i] = h[2];
                    }
                    double[] bulk = new double[x.length];
                    m.discountedExpectedPurchases(k, d, x, tx, t, bulk, Parallelism.sequential());
                    for (int i = 0; i < x.length; i++) {
                        double[] h = histories[i % histories.length];
                        double expected = bruteForce(m, k, d, h);
                        double actual = m.discountedExpectedPurchases(k, d, h[0], h[1], h[2]);
                        assertThat(Math.abs(actual - expected)).as("%s %s K=%d d=%s: %s vs %s", m,
                                java.util.Arrays.toString(h), k, d, actual, expected)
                                .isLessThanOrEqualTo(1e-10 * expected + 1e-15);
                        assertThat(bulk[i]).isEqualTo(actual);
                    }
                }
            }
        }
    }
}
