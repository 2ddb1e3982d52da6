package org.crmkit.scoring.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.Test;

class PredictionIntervalsTest {

    private static final BgNbd TRUTH = BgNbd.of(0.25, 4, 0.8, 2.5);

    private static SimulatedCohort cohort(int n, long seed) {
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 20 + i % 20;
        }
        return TRUTH.simulate(ages, 26, seed);
    }

    @Test
    void quantiles_definition7_byHand() {
        // R: quantile(c(1, 2, 3, 4), c(0.05, 0.95), type = 7) = 1.15, 3.85
        double[] v = {4, 1, 3, 2};
        assertThat(Quantiles.interval(v, 4, 0.9)).containsExactly(new double[] {1.15, 3.85}, within(1e-12));
        assertThat(Quantiles.sorted(new double[] {7}, 1, 0.3)).isEqualTo(7);
    }

    @Test
    void interval_validates() {
        assertThatThrownBy(() -> new Interval(1, 0, 0, 1, Set.of(), "m")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level 1.0 is not in (0, 1)");
        assertThatThrownBy(() -> new Interval(0.9, 2, 1, 1, Set.of(), "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("low 2.0 is above high 1.0");
        assertThatThrownBy(() -> new Interval(0.9, 0, Double.NaN, 1, Set.of(), "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Interval(0.9, 0, 0, 1, null, "m")).isInstanceOf(NullPointerException.class);
        Interval i = new Interval(0.9, 1, 2, 3, Set.of(UncertaintySource.PARAMETERS), "m");
        assertThat(i.contains(1)).isTrue();
        assertThat(i.contains(3.0001)).isFalse();
        assertThat(i.width()).isEqualTo(2);
        assertThat(i).hasToString("0.9 interval [1.0, 3.0], point 2.0, includes [PARAMETERS] (m)");
    }

    @Test
    void fromCovariance_drawsOnTheLogScaleReproduceTheCovariance() {
        // V on the log scale = diag(0.1^2, 0.2^2, 0.05^2, 0.3^2), correlation 0.5 between log r and log alpha;
        // the parameter-scale covariance the fitter reports is J V J with J = diag(parameters)
        double[] p = {0.25, 4, 0.8, 2.5};
        double[] sd = {0.1, 0.2, 0.05, 0.3};
        double[][] v = new double[4][4];
        for (int i = 0; i < 4; i++) {
            v[i][i] = sd[i] * sd[i];
        }
        v[0][1] = v[1][0] = 0.5 * sd[0] * sd[1];
        double[][] c = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                c[i][j] = p[i] * v[i][j] * p[j];
            }
        }
        ParameterDraws<BgNbd> draws = ParameterDraws.fromCovariance(BgNbd.model(), TRUTH, c, 20_000, 3L);
        assertThat(draws.method()).isEqualTo(DrawMethod.COVARIANCE);
        double[][] logs = new double[4][draws.size()];
        for (int d = 0; d < draws.size(); d++) {
            List<Double> values = new ArrayList<>(draws.draws().get(d).parameters().values());
            for (int i = 0; i < 4; i++) {
                assertThat(values.get(i)).isPositive();
                logs[i][d] = Math.log(values.get(i));
            }
        }
        for (int i = 0; i < 4; i++) {
            double mean = Arrays.stream(logs[i]).average().orElseThrow();
            double var = Arrays.stream(logs[i]).map(x -> (x - mean) * (x - mean)).sum() / (draws.size() - 1);
            assertThat(mean).as("mean log %d", i).isCloseTo(Math.log(p[i]), within(4 * sd[i] / Math.sqrt(20_000)));
            assertThat(Math.sqrt(var)).as("sd log %d", i).isCloseTo(sd[i], within(0.03 * sd[i]));
        }
        double m0 = Arrays.stream(logs[0]).average().orElseThrow();
        double m1 = Arrays.stream(logs[1]).average().orElseThrow();
        double cov = 0;
        for (int d = 0; d < draws.size(); d++) {
            cov += (logs[0][d] - m0) * (logs[1][d] - m1);
        }
        cov /= draws.size() - 1;
        assertThat(cov / (sd[0] * sd[1])).isCloseTo(0.5, within(0.03));
        // equal seeds, equal draws
        assertThat(ParameterDraws.fromCovariance(BgNbd.model(), TRUTH, c, 5, 3L).draws())
                .isEqualTo(draws.draws().subList(0, 5));
    }

    @Test
    void fromCovariance_invalid() {
        double[][] notDefinite = {{1, 2, 0, 0}, {2, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        assertThatThrownBy(() -> ParameterDraws.fromCovariance(BgNbd.model(), TRUTH, notDefinite, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric positive definite");
        assertThatThrownBy(() -> ParameterDraws.fromCovariance(BgNbd.model(), TRUTH, new double[3][3], 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 3 rows");
        double[][] nan = new double[4][4];
        nan[2][2] = Double.NaN;
        assertThatThrownBy(() -> ParameterDraws.fromCovariance(BgNbd.model(), TRUTH, nan, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        assertThatThrownBy(() -> ParameterDraws.fromCovariance(BgNbd.model(), TRUTH, new double[4][4], 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("draws 1 is not in [2, 100000]");
        assertThatThrownBy(() -> PredictionIntervals.of(ParameterDraws.fixed(BgNbd.model(), TRUTH), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedDraws_totalWithProcessIsTheQuantileOfTheConditionalCountDistribution() {
        // one customer, no parameter uncertainty: the 90% interval of the simulated counts is the
        // 5% and 95% quantiles of P(Y(26) = n | 3, 20, 30), summed here term by term
        PredictionIntervals intervals = PredictionIntervals.of(ParameterDraws.fixed(BgNbd.model(), TRUTH), 0.9)
                .withSimulatedTotals(40_000);
        Interval i = intervals.totalPurchases(new double[] {26}, new double[] {3}, new double[] {20},
                new double[] {30}, true, 5L);
        double cumulative = 0;
        int q05 = -1;
        int q95 = -1;
        for (int n = 0; q95 < 0; n++) {
            cumulative += TRUTH.conditionalProbabilityOfPurchases(n, 26, 3, 20, 30);
            if (q05 < 0 && cumulative >= 0.05) {
                q05 = n;
            }
            if (cumulative >= 0.95) {
                q95 = n;
            }
        }
        assertThat(i.low()).isEqualTo(q05);
        assertThat(i.high()).isEqualTo(q95);
        assertThat(i.point()).isEqualTo(TRUTH.conditionalExpectedPurchases(26, 3, 20, 30));
        assertThat(i.includes()).containsExactly(UncertaintySource.PURCHASE_PROCESS);
        Interval expectation = intervals.totalPurchases(new double[] {26}, new double[] {3}, new double[] {20},
                new double[] {30}, false, 5L);
        assertThat(expectation.low()).isEqualTo(expectation.high()).isEqualTo(expectation.point());
        assertThat(expectation.includes()).isEmpty();
    }

    @Test
    void totals_sameOnEveryParallelism_andBulkEqualsSingle() {
        SimulatedCohort c = cohort(800, 21L);
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), c.calibration());
        PredictionIntervals intervals = PredictionIntervals.of(ParameterDraws.fromFit(BgNbd.model(), fit, 50, 1L), 0.8);
        double[] window = new double[c.size()];
        Arrays.fill(window, 26);
        Interval parallel = intervals.totalPurchases(window, c.frequency(), c.recency(), c.age(), true, 4L);
        Interval sequential = intervals.withParallelism(Parallelism.sequential())
                .totalPurchases(window, c.frequency(), c.recency(), c.age(), true, 4L);
        assertThat(parallel).isEqualTo(sequential);
        Interval expected = intervals.totalPurchases(window, c.frequency(), c.recency(), c.age(), false, 4L);
        assertThat(parallel.width()).isGreaterThan(expected.width());
        assertThat(expected.low()).isLessThan(expected.point());
        assertThat(expected.high()).isGreaterThan(expected.point());
        double[] low = new double[c.size()];
        double[] high = new double[c.size()];
        intervals.probabilityAlive(c.frequency(), c.recency(), c.age(), low, high);
        for (int i = 0; i < c.size(); i += 37) {
            Interval one = intervals.probabilityAlive(c.frequency()[i], c.recency()[i], c.age()[i]);
            assertThat(low[i]).isEqualTo(one.low());
            assertThat(high[i]).isEqualTo(one.high());
            assertThat(low[i]).isBetween(0.0, 1.0);
            assertThat(high[i]).isBetween(0.0, 1.0);
        }
        assertThatThrownBy(() -> intervals.probabilityAlive(c.frequency(), c.recency(), c.age(), low, new double[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array lengths differ");
        assertThatThrownBy(() -> intervals.lifetimeValue(52, 0, 1, 1, 2, 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("withSpend");
    }

    @Test
    void revenue_withSpendProcess_isWiderThanTheExpectedRevenue_andCentredOnIt() {
        SimulatedCohort c = cohort(300, 9L);
        GammaGamma spend = GammaGamma.of(6.25, 3.74, 15.44);
        double[] m = spend.simulateMeanSpend(c.frequency(), 2L);
        PredictionIntervals intervals = PredictionIntervals.of(ParameterDraws.fixed(BgNbd.model(), TRUTH), 0.9)
                .withSpend(ParameterDraws.fixed(GammaGamma.model(), spend));
        Interval process = intervals.totalRevenue(52, c.frequency(), c.recency(), c.age(), m, true, 3L);
        assertThat(process.includes()).containsExactlyInAnyOrder(UncertaintySource.PURCHASE_PROCESS,
                UncertaintySource.SPEND_PROCESS);
        assertThat(process.contains(process.point())).isTrue();
        assertThat(process.width()).isGreaterThan(0);
        double expected = 0;
        for (int i = 0; i < c.size(); i++) {
            expected += TRUTH.conditionalExpectedPurchases(52, c.frequency()[i], c.recency()[i], c.age()[i])
                    * spend.conditionalExpectedSpend(c.frequency()[i], m[i]);
        }
        assertThat(process.point()).isCloseTo(expected, within(1e-9 * expected));
        Interval clv = intervals.lifetimeValue(52, 0, 2, 15, 30, 20);
        assertThat(clv.point()).isCloseTo(spend.lifetimeValue(TRUTH, 52, 0, 2, 15, 30, 20), within(1e-9));
    }

    @Test
    void bootstrap_spreadAgreesWithTheStandardErrors_andIsReproducible() {
        SimulatedCohort c = cohort(2000, 21L);
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), c.calibration());
        List<ProgressEvent> events = new ArrayList<>();
        ParametricBootstrap<BgNbd> bootstrap = ParametricBootstrap.of(BgNbd.model(), fit.model(), c.age())
                .withRefits(120).withSeed(5L);
        ParameterDraws<BgNbd> draws = bootstrap.withProgress(events::add).run();
        assertThat(draws.method()).isEqualTo(DrawMethod.BOOTSTRAP);
        assertThat(draws.size()).isGreaterThan(110);
        assertThat(events).hasSize(120);
        assertThat(events.get(119).done()).isEqualTo(120);
        assertThat(events.get(119).total()).hasValue(120);
        Map<String, Double> se = fit.standardErrors();
        // the bootstrap and the observed information estimate the same sampling spread; with 120
        // refits the standard deviation has a relative error of about 1 / sqrt(240) = 6.5 %
        draws.standardDeviations().forEach((name, sd) ->
                assertThat(sd).as(name).isCloseTo(se.get(name), within(0.35 * se.get(name))));
        assertThat(bootstrap.withParallelism(Parallelism.sequential()).withRefits(4).run().draws())
                .isEqualTo(bootstrap.withRefits(4).run().draws());
    }

    @Test
    void bootstrap_cancelled_throws() {
        SimulatedCohort c = cohort(200, 21L);
        Cancellation cancel = Cancellation.create();
        cancel.cancel();
        assertThatThrownBy(() -> ParametricBootstrap.of(BgNbd.model(), TRUTH, c.age()).withCancellation(cancel)
                .withRefits(10).run()).isInstanceOf(CancellationException.class)
                .hasMessage("bootstrap bg-nbd: refits was cancelled");
        assertThatThrownBy(() -> ParametricBootstrap.of(BgNbd.model(), TRUTH, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("age 1 = 0.0 is not positive and finite");
    }
}
