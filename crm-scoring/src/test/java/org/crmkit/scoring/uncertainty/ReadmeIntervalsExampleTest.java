package org.crmkit.scoring.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.junit.jupiter.api.Test;

/** Keeps the README sections "Prediction intervals" and "Progress, time limits and cancellation" true. */
class ReadmeIntervalsExampleTest {

    @Test
    void readmeIntervals() {
        double[] ages = new double[1500];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 27 + i % 12;
        }
        SimulatedCohort cohort = BgNbd.of(0.243, 4.414, 0.793, 2.426).simulate(ages, 39, 3L);
        double[] x = cohort.frequency();
        double[] tx = cohort.recency();
        double[] age = cohort.age();
        double[] m = GammaGamma.of(6.25, 3.74, 15.44).simulateMeanSpend(x, 4L);
        double[] durations = new double[x.length];
        Arrays.fill(durations, 39);
        BtydData data = cohort.calibration();
        List<Integer> repeat = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                repeat.add(i);
            }
        }
        BtydData spendData = BtydData.withMonetary(repeat.stream().mapToDouble(i -> x[i]).toArray(),
                repeat.stream().mapToDouble(i -> tx[i]).toArray(), repeat.stream().mapToDouble(i -> age[i]).toArray(),
                repeat.stream().mapToDouble(i -> m[i]).toArray());
        // --- README: prediction intervals ---
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
        FitResult<GammaGamma> spendFit = BtydFitter.standard().fit(GammaGamma.model(), spendData);
        ParameterDraws<BgNbd> draws = ParameterDraws.fromFit(BgNbd.model(), fit, 200, 7L);
        PredictionIntervals intervals = PredictionIntervals.of(draws, 0.9)
                .withSpend(ParameterDraws.fromFit(GammaGamma.model(), spendFit, 200, 8L));
        Interval alive = intervals.probabilityAlive(2, 30.43, 38.86);
        Interval clv = intervals.lifetimeValue(52, 0.002, 2, 30.43, 38.86, 22.35);
        Interval holdout = intervals.totalPurchases(durations, x, tx, age, true, 11L);
        Interval revenue = intervals.totalRevenue(52, x, tx, age, m, true, 12L);
        // ---
        assertThat(alive.includes()).containsExactly(UncertaintySource.PARAMETERS);
        assertThat(clv.low()).isLessThan(clv.point());
        assertThat(clv.high()).isGreaterThan(clv.point());
        assertThat(holdout.contains(Arrays.stream(cohort.holdoutFrequency()).sum())).isTrue();
        assertThat(revenue.includes()).containsExactlyInAnyOrder(UncertaintySource.PARAMETERS,
                UncertaintySource.PURCHASE_PROCESS, UncertaintySource.SPEND_PROCESS);
        ParameterDraws<BgNbd> boot = ParametricBootstrap.of(BgNbd.model(), fit.model(), ages).withRefits(20)
                .withSeed(7L).run();
        assertThat(boot.method()).isEqualTo(DrawMethod.BOOTSTRAP);

        // --- README: progress, time limits and cancellation ---
        List<ProgressEvent> log = new ArrayList<>();
        Cancellation cancel = Cancellation.create();
        FitResult<BgNbd> limited = BtydFitter.standard()
                .withProgress(log::add)
                .withTimeLimit(Duration.ofMinutes(5))
                .withMaxIterations(200)
                .withCancellation(cancel)
                .fit(BgNbd.model(), data);
        // ---
        assertThat(limited.limitReached()).isEmpty();
        assertThat(limited.converged()).isTrue();
        assertThat(log).isNotEmpty();
    }
}
