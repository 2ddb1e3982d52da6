package org.crmkit.scoring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionLog;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class TrackingCurveTest {
    private static final LocalDate JAN1 = LocalDate.of(2024, 1, 1);

    /** A first on Jan 1, buys twice on Jan 3 and on Jan 10; B first on Jan 5, buys Jan 20; C starts after the calibration end. */
    private static TransactionLog smallLog() {
        return TransactionLog.builder()
                .add("A", JAN1, 10).add("A", JAN1.plusDays(2), 5).add("A", JAN1.plusDays(2), 7)
                .add("B", JAN1.plusDays(4), 3).add("A", JAN1.plusDays(9), 1)
                .add("B", JAN1.plusDays(19), 2)
                .add("C", JAN1.plusDays(16), 2).add("C", JAN1.plusDays(18), 2)
                .build();
    }

    @Test
    void of_smallLog_countsRepeatDaysPerWeekAndExpectsFromEachFirstPurchase() {
        TrackingCurve t = TrackingCurve.of(new LinearModel(0.5), smallLog(), TimeUnit.WEEKS, JAN1.plusDays(13),
                JAN1.plusDays(20));

        assertThat(t.customers()).isEqualTo(2);
        assertThat(t.laterCustomers()).isEqualTo(1);
        assertThat(t.cohortStart()).isEqualTo(JAN1);
        assertThat(t.periods()).isEqualTo(3);
        assertThat(t.calibrationEndTime()).isEqualTo(2.0);
        assertThat(t.periodEnds()).containsExactly(1, 2, 3);
        // week 0: A on Jan 3 (twice, one day); week 1: A on Jan 10; week 2: B on Jan 20
        assertThat(t.actualIncremental()).containsExactly(1, 1, 1);
        assertThat(t.actualCumulative()).containsExactly(1, 2, 3);
        // E[X(t)] = t / 2 from each first purchase: A at 0, B at 4/7 weeks
        double[] expected = t.expectedCumulative();
        assertThat(expected[0]).isCloseTo(0.5 * (1 + 3.0 / 7), within(1e-12));
        assertThat(expected[1]).isCloseTo(0.5 * (2 + 10.0 / 7), within(1e-12));
        assertThat(expected[2]).isCloseTo(0.5 * (3 + 17.0 / 7), within(1e-12));
        assertThat(t.expectedIncremental()[1]).isCloseTo(0.5 * 2, within(1e-12));
        PlotTable table = t.table(true);
        assertThat(table.xName()).isEqualTo("weeks");
        assertThat(table.seriesNames()).containsExactly("actual", "expected");
        assertThat(table.value(2, 0).getAsDouble()).isEqualTo(3.0);
    }

    @Test
    void of_lastPeriodEndsWithTheObservationEnd() {
        TrackingCurve t = TrackingCurve.of(new LinearModel(1), smallLog(), TimeUnit.WEEKS, JAN1.plusDays(13),
                JAN1.plusDays(22));
        assertThat(t.periodEnds()).containsExactly(1, 2, 3, 23.0 / 7);
        assertThat(t.expectedCumulative()[3]).isCloseTo(23.0 / 7 + (23.0 - 4) / 7, within(1e-12));
    }

    @Test
    void of_bgNbd_matchesNumericalIntegrationOfTheModel() {
        BgNbd model = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        BgNbdReference reference = new BgNbdReference(0.243, 4.414, 0.793, 2.426);
        TransactionLog log = TransactionLog.builder()
                .add("A", JAN1, 1).add("B", JAN1.plusDays(3), 1).add("C", JAN1.plusDays(3), 1)
                .add("D", JAN1.plusDays(40), 1).add("D", JAN1.plusDays(60), 1).build();
        TrackingCurve t = TrackingCurve.of(model, log, TimeUnit.WEEKS, JAN1.plusDays(69), JAN1.plusDays(139));
        double[] cumulative = t.expectedCumulative();
        double[] ends = t.periodEnds();
        for (int k = 0; k < ends.length; k++) {
            double independent = reference.expectedPurchases(ends[k])
                    + 2 * reference.expectedPurchases(ends[k] - 3 / 7.0)
                    + (ends[k] > 40 / 7.0 ? reference.expectedPurchases(ends[k] - 40 / 7.0) : 0);
            assertThat(cumulative[k]).as("week %d", k).isCloseTo(independent, within(1e-7 * (1 + independent)));
        }
    }

    /**
     * A cohort simulated here from BG/NBD (gamma purchase rates, beta dropout after each
     * repeat purchase, first purchases spread over 60 days, dates floored to days): the
     * actual cumulative repeat purchases must lie within 4 standard errors of the expectation.
     */
    @Test
    void of_simulatedCohort_actualTotalsMatchTheExpectation() {
        double r = 0.8;
        double alpha = 40; // days
        double a = 0.8;
        double b = 2.4;
        RandomGenerator random = new Well19937c(20261202L);
        GammaDistribution lambdas = new GammaDistribution(r, 1 / alpha);
        BetaDistribution dropouts = new BetaDistribution(a, b);
        int customers = 4000;
        LocalDate calEnd = JAN1.plusDays(89);
        LocalDate obsEnd = JAN1.plusDays(279);
        TransactionLog.Builder log = TransactionLog.builder();
        double[] perCustomer = new double[customers];
        for (int i = 0; i < customers; i++) {
            int first = random.nextInt(60);
            double lambda = lambdas.inverseCumulativeProbability(random.nextDouble());
            double p = dropouts.inverseCumulativeProbability(random.nextDouble());
            String id = "c" + i;
            log.add(id, JAN1.plusDays(first), 1);
            double horizon = obsEnd.toEpochDay() + 1 - JAN1.plusDays(first).toEpochDay();
            double time = 0;
            int lastDay = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time >= horizon) {
                    break;
                }
                int day = (int) Math.floor(time);
                if (day != lastDay) {
                    perCustomer[i]++;
                }
                lastDay = day;
                log.add(id, JAN1.plusDays(first + day), 1);
                if (random.nextDouble() < p) {
                    break;
                }
            }
        }
        TrackingCurve t = TrackingCurve.of(BgNbd.of(r, alpha, a, b), log.build(), TimeUnit.DAYS, calEnd, obsEnd,
                Parallelism.sequential());
        double mean = 0;
        for (double c : perCustomer) {
            mean += c / customers;
        }
        double variance = 0;
        for (double c : perCustomer) {
            variance += (c - mean) * (c - mean) / (customers - 1);
        }
        double standardError = Math.sqrt(customers * variance);
        double[] actual = t.actualCumulative();
        double[] expected = t.expectedCumulative();
        int last = t.periods() - 1;
        assertThat(actual[last]).isCloseTo(mean * customers, within(1e-6));
        assertThat(actual[last]).isCloseTo(expected[last], within(4 * standardError));
        assertThat(actual[89]).isCloseTo(expected[89], within(4 * standardError));
    }

    @Test
    void of_resultDoesNotDependOnParallelism() {
        TrackingCurve one = TrackingCurve.of(BgNbd.of(0.2, 4, 0.8, 2.4), smallLog(), TimeUnit.DAYS,
                JAN1.plusDays(13), JAN1.plusDays(20), Parallelism.sequential());
        TrackingCurve many = TrackingCurve.of(BgNbd.of(0.2, 4, 0.8, 2.4), smallLog(), TimeUnit.DAYS,
                JAN1.plusDays(13), JAN1.plusDays(20), Parallelism.commonPool());
        assertThat(many.actualIncremental()).containsExactly(one.actualIncremental());
        assertThat(many.expectedIncremental()).containsExactly(one.expectedIncremental());
    }

    @Test
    void of_invalidInput_isRefusedWithTheReason() {
        LinearModel m = new LinearModel(1);
        assertThatThrownBy(() -> TrackingCurve.of(m, smallLog(), TimeUnit.WEEKS, JAN1.plusDays(13), JAN1.plusDays(12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the calibration end");
        assertThatThrownBy(() -> TrackingCurve.of(m, smallLog(), TimeUnit.WEEKS, JAN1.plusDays(13), JAN1.plusDays(18)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transaction 5 on 2024-01-20");
        assertThatThrownBy(() -> TrackingCurve.of(m, smallLog(), TimeUnit.WEEKS, JAN1.minusDays(1), JAN1.plusDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no customer");
        assertThatNullPointerException().isThrownBy(() -> TrackingCurve.of(null, smallLog(), TimeUnit.WEEKS,
                JAN1, JAN1)).withMessage("model");
        assertThatNullPointerException().isThrownBy(() -> TrackingCurve.of(m, smallLog(), TimeUnit.WEEKS,
                JAN1, null)).withMessage("observationEnd");
    }
}
