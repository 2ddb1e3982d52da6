package org.crmkit.scoring.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

class ParetoNbdFormulasTest {

    private static final double R = 0.553;
    private static final double ALPHA = 10.578;
    private static final double S = 0.606;
    private static final double BETA = 11.669;

    /** The P(X(t) = n) distribution sums to one and its mean is E[X(t)] (Fader &amp; Hardie 2005 note, eq. 27). */
    @Test
    void probabilityOfPurchases_isADistributionWithTheRightMean() {
        double[][] params = {{R, ALPHA, S, BETA}, {2.0, 3.0, 1.5, 0.5}, {0.3, 1.0, 5.0, 80.0}};
        for (double[] p : params) {
            double t = 39.0;
            double total = 0.0;
            double mean = 0.0;
            for (int n = 0; n <= 3000; n++) {
                double prob = ParetoNbdFormulas.probabilityOfPurchases(p[0], p[1], p[2], p[3], t, n);
                total += prob;
                mean += n * prob;
            }
            assertThat(total).isCloseTo(1.0, within(1e-12));
            assertThat(mean).isCloseTo(ParetoNbdFormulas.expectedPurchases(p[0], p[1], p[2], p[3], t),
                    within(1e-8));
        }
    }

    /** At s = 1 that expectation (eq. 27 of the note) becomes r beta / alpha ln(1 + t / beta) (derived by hand). */
    @Test
    void expectedPurchases_atUnitShape_isTheLogarithmicLimit() {
        double expected = R * BETA / ALPHA * Math.log1p(39.0 / BETA);
        assertThat(ParetoNbdFormulas.expectedPurchases(R, ALPHA, 1.0, BETA, 39.0)).isCloseTo(expected, within(1e-14));
        assertThat(ParetoNbdFormulas.expectedPurchases(R, ALPHA, 1.0 + 1e-12, BETA, 39.0)).isCloseTo(expected, within(1e-10));
    }

    /** Without discounting the lifetime integral is the conditional expectation (note, section 6). */
    @Test
    void discountedExpectedPurchases_withoutDiscount_equalsConditionalExpectation() {
        double[][] customers = {{0, 0, 38.86}, {2, 30.43, 38.86}, {10, 20, 38}};
        for (double[] c : customers) {
            for (double s : new double[] {S, 1.0, 3.5}) {
                double conditional = ParetoNbdFormulas.conditionalExpectedPurchases(R, ALPHA, s, BETA, c[0], c[1], c[2], 52.0);
                assertThat(ParetoNbdFormulas.discountedExpectedPurchases(R, ALPHA, s, BETA, c[0], c[1], c[2], 52.0, 0.0))
                        .isCloseTo(conditional, within(1e-12 * (1 + conditional)));
            }
        }
    }

    /** With discounting, compare with Simpson's rule on the posterior purchase rate. */
    @Test
    void discountedExpectedPurchases_matchesSimpsonIntegrationOfTheRate() {
        double x = 2;
        double tx = 30.43;
        double t = 38.86;
        double d = 0.01;
        double alive = ParetoNbdFormulas.probabilityAlive(R, ALPHA, S, BETA, x, tx, t);
        double horizon = 5000.0;
        int steps = 200_000;
        double h = horizon / steps;
        double sum = 0.0;
        for (int i = 0; i <= steps; i++) {
            double u = i * h;
            double rate = alive * (R + x) / (ALPHA + t) * Math.pow((BETA + t) / (BETA + t + u), S)
                    * Math.pow(1 + d, -u);
            sum += rate * (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        double simpson = sum * h / 3;
        assertThat(ParetoNbdFormulas.discountedExpectedPurchases(R, ALPHA, S, BETA, x, tx, t, horizon, d))
                .isCloseTo(simpson, within(1e-9 * simpson));
        // the infinite horizon adds only the tail beyond 5000 periods, discounted by 1.01^-5000
        assertThat(ParetoNbdFormulas.discountedExpectedPurchases(R, ALPHA, S, BETA, x, tx, t, Double.POSITIVE_INFINITY, d))
                .isCloseTo(simpson, within(1e-9 * simpson));
    }

    /**
     * A seeded simulation of 400,000 customers observed for T = 20 and then 30 periods more:
     * among those with no repeat purchase by T, the share still alive at T and the mean
     * number of purchases in (T, T + 30] match P(alive | 0, 0, T) and E[Y(30) | 0, 0, T];
     * the mean of X(T) over everybody matches E[X(T)].
     */
    @Test
    void predictions_matchSeededSimulation() {
        double r = 0.8;
        double alpha = 6.0;
        double s = 0.9;
        double beta = 15.0;
        double t = 20.0;
        double more = 30.0;
        RandomDataGenerator draws = new RandomDataGenerator(20_260_101L);
        int size = 400_000;
        double[] all = new double[size];
        int zeros = 0;
        int zerosAlive = 0;
        double zerosLater = 0.0;
        double zerosLaterSquares = 0.0;
        for (int i = 0; i < size; i++) {
            double lambda = draws.nextGamma(r, 1 / alpha);
            double mu = draws.nextGamma(s, 1 / beta);
            double death = draws.nextExponential(1 / mu);
            int before = 0;
            int after = 0;
            for (double time = draws.nextExponential(1 / lambda); time <= Math.min(death, t + more);
                    time += draws.nextExponential(1 / lambda)) {
                if (time <= t) {
                    before++;
                } else {
                    after++;
                }
            }
            all[i] = before;
            if (before == 0) {
                zeros++;
                zerosAlive += death > t ? 1 : 0;
                zerosLater += after;
                zerosLaterSquares += (double) after * after;
            }
        }
        double mean = Arrays.stream(all).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(all).map(v -> (v - mean) * (v - mean)).sum() / (size - 1));
        assertThat(mean).isCloseTo(ParetoNbdFormulas.expectedPurchases(r, alpha, s, beta, t),
                within(4 * sd / Math.sqrt(size)));
        double pAlive = ParetoNbdFormulas.probabilityAlive(r, alpha, s, beta, 0, 0, t);
        assertThat(zerosAlive / (double) zeros).isCloseTo(pAlive, within(4 * Math.sqrt(pAlive * (1 - pAlive) / zeros)));
        double laterMean = zerosLater / zeros;
        double laterSd = Math.sqrt(zerosLaterSquares / zeros - laterMean * laterMean);
        assertThat(laterMean).isCloseTo(ParetoNbdFormulas.conditionalExpectedPurchases(r, alpha, s, beta, 0, 0, t, more),
                within(4 * laterSd / Math.sqrt(zeros)));
        double pAliveLater = ParetoNbdFormulas.probabilityAliveAt(r, alpha, s, beta, 0, 0, t, more);
        assertThat(pAliveLater).isLessThan(pAlive).isPositive();
    }

    @Test
    void simulation_logsEveryTransactionAndKeepsRecencyInRange() {
        double[] ages = new double[1000];
        Arrays.fill(ages, 39.0);
        SimulatedCohort pop = BtydSimulations.paretoNbd(R, ALPHA, S, BETA, ages, 10.0, 7L);
        SimulatedCohort again = BtydSimulations.paretoNbd(R, ALPHA, S, BETA, ages, 10.0, 7L);
        assertThat(again.frequency()).containsExactly(pop.frequency());
        assertThat(pop.transactionTimes().length).isEqualTo(ages.length
                + (int) Arrays.stream(pop.frequency()).sum() + (int) Arrays.stream(pop.holdoutFrequency()).sum());
        for (int i = 0; i < ages.length; i++) {
            assertThat(pop.recency()[i]).isBetween(0.0, 39.0);
            assertThat(pop.frequency()[i] == 0).isEqualTo(pop.recency()[i] == 0.0);
        }
    }

    @Test
    void predictions_sweep_stayFinite() {
        double[] values = {1e-4, 1e-2, 1.0, 100.0, 1e4};
        double[][] customers = {{0, 0, 0.01}, {0, 0, 10_000}, {10_000, 9_000, 10_000}, {3, 0.005, 0.01}, {1, 5_000, 10_000}};
        for (double r : values) {
            for (double alpha : values) {
                for (double s : values) {
                    for (double beta : values) {
                        for (double[] c : customers) {
                            String where = Arrays.toString(new double[] {r, alpha, s, beta}) + Arrays.toString(c);
                            assertThat(ParetoNbdFormulas.probabilityAlive(r, alpha, s, beta, c[0], c[1], c[2])).as(where).isBetween(0.0, 1.0);
                            assertThat(ParetoNbdFormulas.conditionalExpectedPurchases(r, alpha, s, beta, c[0], c[1], c[2], 10_000)).as(where).isFinite();
                            assertThat(ParetoNbdFormulas.probabilityAliveAt(r, alpha, s, beta, c[0], c[1], c[2], 10_000)).as(where).isBetween(0.0, 1.0);
                            assertThat(ParetoNbdFormulas.discountedExpectedPurchases(r, alpha, s, beta, c[0], c[1], c[2], 10_000, 0.01)).as(where).isFinite();
                        }
                        assertThat(ParetoNbdFormulas.expectedPurchases(r, alpha, s, beta, 10_000)).isFinite();
                        for (int n : new int[] {0, 7, 10_000}) {
                            for (double t : new double[] {0.01, 10_000}) {
                                String where = Arrays.toString(new double[] {r, alpha, s, beta, t, n});
                                assertThat(ParetoNbdFormulas.probabilityOfPurchases(r, alpha, s, beta, t, n)).as(where).isBetween(0.0, 1.0);
                            }
                        }
                    }
                }
            }
        }
    }
}
