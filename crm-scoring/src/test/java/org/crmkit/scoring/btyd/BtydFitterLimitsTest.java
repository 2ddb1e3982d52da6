package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 point 11: every fit ends in bounded time whatever the data, and a fit whose maximum
 * lies at infinity says so and is not reported as converged.
 */
class BtydFitterLimitsTest {

    /** Small degenerate files of the kind that made Pareto/NBD fits hang for minutes. */
    static Map<String, BtydData> degenerate() {
        Map<String, BtydData> m = new LinkedHashMap<>();
        int n = 200;
        double[] zeros = new double[n];
        double[] ts = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = 10 + i % 30;
        }
        m.put("all x = 0", BtydData.of(zeros, zeros, ts));
        double[] three = new double[n];
        Arrays.fill(three, 3);
        m.put("all t_x = T", BtydData.of(three, ts, ts));
        m.put("one customer", BtydData.of(new double[] {2}, new double[] {5}, new double[] {10}));
        m.put("one customer, x = 0", BtydData.of(new double[] {0}, new double[] {0}, new double[] {10}));
        double[] huge = new double[n];
        Arrays.fill(huge, 1e6);
        double[] hugeTx = new double[n];
        double[] someX = new double[n];
        for (int i = 0; i < n; i++) {
            hugeTx[i] = i % 2 == 0 ? 5e5 : 0;
            someX[i] = i % 2 == 0 ? 4 : 0;
        }
        m.put("huge T", BtydData.of(someX, hugeTx, huge));
        double[] manyX = new double[n];
        Arrays.fill(manyX, 5000);
        m.put("huge x", BtydData.of(manyX, ts, ts));
        double[] tiny = new double[n];
        Arrays.fill(tiny, 1e-6);
        m.put("tiny T", BtydData.of(zeros, zeros, tiny));
        return m;
    }

    static Stream<Arguments> degenerateFits() {
        List<BtydModel<?>> models = List.of(ParetoNbd.model(), BgNbd.model(), MbgNbd.model());
        return models.stream().flatMap(model -> degenerate().entrySet().stream()
                .map(e -> Arguments.of(model.name(), e.getKey(), model, e.getValue())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("degenerateFits")
    void fit_degenerateFileEndsInBoundedTimeAndIsHonest(String name, String file, BtydModel<?> model, BtydData data) {
        FitResult<?> fit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> BtydFitter.standard().fit(model, data),
                name + " on " + file);
        assertThat(fit.parameters().values()).allMatch(Double::isFinite);
        if (!fit.atBoundary().isEmpty()) {
            assertThat(fit.converged()).as(fit.toString()).isFalse();
            assertThat(fit.convergence()).startsWith("at boundary: ");
        }
        long evaluations = fit.attempts().stream().mapToLong(FitAttempt::iterations).sum();
        assertThat(evaluations).isLessThanOrEqualTo(BtydFitter.MAX_EVALUATIONS);
    }

    /**
     * Customers who never drop out (Poisson purchases with gamma-distributed rates, the NBD
     * model): the BG/NBD likelihood is highest with no drop-out at all, so the fit must say so
     * instead of reporting huge a, b as converged estimates.
     */
    @Test
    void fit_bgNbdOnBuyersWhoNeverDropOutReportsTheBoundary() {
        BtydData data = nbd(3_000, 0.8, 4.0, 52, 7L);
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
        assertThat(fit.converged()).as(fit.toString()).isFalse();
        assertThat(fit.atBoundary()).as(fit.toString()).isNotEmpty();
        assertThat(fit.convergence()).contains("no drop-out detected");
        // the purchase process is still recovered: r / alpha is the mean rate 0.2 a week
        double rate = fit.parameters().get("r") / fit.parameters().get("alpha");
        assertThat(rate).isBetween(0.18, 0.22);
    }

    @Test
    void fit_paretoNbdOnBuyersWhoNeverDropOutReportsTheBoundary() {
        BtydData data = nbd(3_000, 0.8, 4.0, 52, 11L);
        FitResult<ParetoNbd> fit = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> BtydFitter.standard().fit(ParetoNbd.model(), data));
        // either the boundary (s -> 0) is reported, or an interior estimate whose mean drop-out
        // rate s / beta is negligible: a mean lifetime of more than 200 weeks against 52 observed
        if (!fit.atBoundary().isEmpty()) {
            assertThat(fit.converged()).isFalse();
            assertThat(fit.convergence()).as(fit.toString()).contains("no drop-out detected");
        } else {
            assertThat(fit.parameters().get("s") / fit.parameters().get("beta")).as(fit.toString()).isLessThan(0.005);
        }
    }

    @Test
    void fit_interiorMaximumIsConvergedWithoutBoundary() {
        SimulatedCohort cohort = BgNbd.of(0.25, 4, 0.8, 2.5).simulate(ages(20_000, 3L), 0, 5L);
        BtydData data = BtydData.of(cohort.frequency(), cohort.recency(), cohort.age());
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.atBoundary()).isEmpty();
        Map<String, Double> se = fit.standardErrors();
        Map<String, Double> truth = Map.of("r", 0.25, "alpha", 4.0, "a", 0.8, "b", 2.5);
        truth.forEach((p, v) -> assertThat(fit.parameters().get(p)).as(p).isCloseTo(v,
                org.assertj.core.api.Assertions.within(4 * se.get(p))));
    }

    @Test
    void fit_halfAMillionCustomersEndsInBoundedTime() {
        SimulatedCohort cohort = MbgNbd.of(0.25, 4, 0.8, 2.5).simulate(ages(500_000, 9L), 0, 13L);
        BtydData data = BtydData.of(cohort.frequency(), cohort.recency(), cohort.age());
        FitResult<MbgNbd> fit = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> BtydFitter.standard().fit(MbgNbd.model(), data));
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.parameters().get("r")).isCloseTo(0.25, org.assertj.core.api.Assertions.within(0.02));
    }

    private static double[] ages(int n, long seed) {
        Random random = new Random(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1 + random.nextInt(52) + random.nextDouble();
        }
        return t;
    }

    /** n customers observed for T weeks, Poisson purchases at a Gamma(r, alpha) rate, no drop-out. */
    private static BtydData nbd(int n, double r, double alpha, double weeks, long seed) {
        Random random = new Random(seed);
        GammaDistribution rates = new GammaDistribution(r, 1 / alpha);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double lambda = rates.inverseCumulativeProbability(random.nextDouble());
            t[i] = weeks * (0.25 + 0.75 * random.nextDouble());
            double time = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time > t[i]) {
                    break;
                }
                x[i]++;
                tx[i] = time;
            }
        }
        return BtydData.of(x, tx, t);
    }
}
