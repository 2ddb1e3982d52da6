package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.BtydModelJson;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.concentration.RevenueConcentration;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmScores;
import org.crmkit.scoring.rfm.RfmSegmentMap;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.scoring.summary.TransactionLog;
import org.junit.jupiter.api.Test;

/** Keeps the scoring tour of README.md true: the same calls, on a seeded simulated log. */
class ReadmeScoringExampleTest {

    @Test
    void readmeScoringTour_runsAsWritten() {
        TransactionLog log = simulatedLog(3_000, 7L);

        // --- README: scoring tour (keep in step with README.md) ---
        CustomerSummaries summaries = Summarizer.builder()
                .timeUnit(TimeUnit.WEEKS)
                .calibrationEnd(LocalDate.of(2025, 12, 31))   // holdout: 2026-01-01 .. observation end
                .observationEnd(LocalDate.of(2026, 6, 30))
                .build()
                .summarize(log);

        RfmScores rfm = RfmScorer.builder().bins(5).build().score(summaries);
        String[] segment = RfmSegmentMap.defaults().segments(rfm);         // "champions", "at-risk", ...

        double[] spend = new double[summaries.size()];
        for (int i = 0; i < spend.length; i++) {
            spend[i] = summaries.totalSpend(i);
        }
        RevenueConcentration revenue = RevenueConcentration.of(spend);
        double top20 = revenue.shareOfTop(0.20);                             // the 80/20 rule, measured
        double gini = revenue.gini();

        BtydData data = BtydData.from(summaries);
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
        FitResult<GammaGamma> spendFit = BtydFitter.standard().fit(GammaGamma.model(), data);
        BgNbd bgnbd = fit.model();                     // fit.converged(), fit.standardErrors(), fit.aic() ...
        int i = 0;
        double pAlive = bgnbd.probabilityAlive(summaries.frequency(i), summaries.recency(i), summaries.t(i));
        double next52 = bgnbd.conditionalExpectedPurchases(52, summaries.frequency(i), summaries.recency(i),
                summaries.t(i));
        double clv = spendFit.model().lifetimeValue(bgnbd, 52, 0.0019,  // 52 weeks, ~10% a year
                summaries.frequency(i), summaries.recency(i), summaries.t(i), summaries.monetaryValue(i));
        String json = BtydModelJson.write(fit, "weeks");                    // read back: BtydModelJson.read
        // --- end of README code ---

        assertThat(segment).hasSize(summaries.size()).doesNotContainNull();
        assertThat(top20).isBetween(0.2, 1.0);
        assertThat(gini).isBetween(0.0, 1.0);
        assertThat(fit.converged()).isTrue();
        assertThat(spendFit.converged()).isTrue();
        assertThat(pAlive).isBetween(0.0, 1.0);
        assertThat(next52).isGreaterThanOrEqualTo(0.0);
        assertThat(clv).isGreaterThanOrEqualTo(0.0);
        assertThat(json).containsPattern("\"model\"\\s*:\\s*\"bg-nbd\"");
        assertThat(BtydModelJson.read(json).as(BgNbd.model())).isEqualTo(bgnbd);
    }

    /** Customers who buy at exponential gaps and may quit after each purchase; spend varies. */
    private static TransactionLog simulatedLog(int customers, long seed) {
        Random random = new Random(seed);
        LocalDate start = LocalDate.of(2025, 1, 1);
        LocalDate end = LocalDate.of(2026, 6, 30);
        TransactionLog.Builder log = TransactionLog.builder();
        for (int c = 0; c < customers; c++) {
            String id = "C-" + c;
            double rate = 0.02 + 0.1 * random.nextDouble();          // purchases per day
            double meanSpend = 10 + 40 * random.nextDouble();
            LocalDate day = start.plusDays(random.nextInt(360));
            while (!day.isAfter(end)) {
                log.add(id, day, Math.round(meanSpend * (0.5 + random.nextDouble()) * 100) / 100.0);
                if (random.nextDouble() < 0.15) {
                    break;
                }
                day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) / rate));
            }
        }
        return log.build();
    }
}
