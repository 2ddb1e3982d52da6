package org.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.MbgNbd;
import org.crmkit.scoring.btyd.NonPositiveSpendPolicy;
import org.crmkit.scoring.btyd.ParetoNbd;
import org.junit.jupiter.api.Test;

class SparkBtydFitterTest {
    private static final double RELATIVE = 1e-6;

    private static final SparkBtydFitter PATTERNS = SparkBtydFitter.builder().build();
    private static final SparkBtydFitter DISTRIBUTED = SparkBtydFitter.builder().patternLimit(0).build();

    @Test
    void fit_cdnow_everyPurchaseModelOnPatterns_equalsSingleMachine() {
        Summaries s = Summaries.cdnow(TestSpark.dataDirectory());
        Dataset<Row> summary = s.dataset(TestSpark.session(), 3).cache();
        for (BtydModel<?> model : List.<BtydModel<?>>of(BgNbd.model(), MbgNbd.model(), ParetoNbd.model())) {
            assertEqual(BtydFitter.standard().fit(model, s.data()), PATTERNS.fit(model, summary));
        }
        summary.unpersist();
    }

    @Test
    void fit_cdnow_bgNbdAndGammaGammaByDistributedSums_equalSingleMachine() {
        Summaries s = Summaries.cdnow(TestSpark.dataDirectory());
        Dataset<Row> summary = s.dataset(TestSpark.session(), 3).cache();
        FitResult<BgNbd> local = BtydFitter.standard().fit(BgNbd.model(), s.data());
        FitResult<BgNbd> spark = DISTRIBUTED.fit(BgNbd.model(), summary);
        assertEqual(local, spark);
        // the published CDNOW estimates (Fader, Hardie and Lee 2005): r 0.243, alpha 4.414, a 0.793, b 2.426
        assertThat(spark.parameters().get("r")).isBetween(0.2425, 0.2435);
        assertThat(spark.parameters().get("alpha")).isBetween(4.41, 4.42);

        BtydData spend = BtydData.withMonetary(s.x, s.tx, s.t, s.m, s.w);
        FitResult<GammaGamma> gg = BtydFitter.standard().fit(GammaGamma.model(), spend);
        assertEqual(gg, DISTRIBUTED.fitSpend(GammaGamma.model(), summary, NonPositiveSpendPolicy.REJECT));
        assertEqual(gg, PATTERNS.fitSpend(GammaGamma.model(), summary, NonPositiveSpendPolicy.REJECT));
        summary.unpersist();
    }

    @Test
    void fit_donations_bgBbWithWeightsOnBothPlans_equalsSingleMachine() {
        Summaries s = Summaries.donations(TestSpark.dataDirectory());
        Dataset<Row> summary = s.dataset(TestSpark.session(), 2);
        FitResult<BgBb> local = BtydFitter.standard().fit(BgBb.model(), s.data());
        SparkBtydFitter.Builder b = SparkBtydFitter.builder().ageColumn("T").weightColumn("weight");
        assertEqual(local, b.build().fit(BgBb.model(), summary));
        assertEqual(local, SparkBtydFitter.builder().weightColumn("weight").patternLimit(0).build()
                .fit(BgBb.model(), summary));
        assertThat(local.customers()).isEqualTo(11_104);
    }

    @Test
    void fit_simulated_paretoNbdOnBothPlans_equalsSingleMachine() {
        Summaries s = Summaries.simulated(4000, 5);
        Dataset<Row> summary = s.dataset(TestSpark.session(), 4).cache();
        FitResult<ParetoNbd> local = BtydFitter.standard().fit(ParetoNbd.model(), s.data());
        assertEqual(local, PATTERNS.fit(ParetoNbd.model(), summary));
        assertEqual(local, DISTRIBUTED.fit(ParetoNbd.model(), summary));
        FitResult<BgNbd> bg = BtydFitter.standard().fit(BgNbd.model(), s.data());
        assertEqual(bg, PATTERNS.fit(BgNbd.model(), summary));
        summary.unpersist();
    }

    @Test
    void fit_invalidRow_isAnIllegalArgumentOnBothPlans() {
        Summaries s = new Summaries(new double[] {2, 1}, new double[] {5, 9}, new double[] {8, 8},
                new double[] {0, 0}, new double[] {1, 1});
        Dataset<Row> summary = s.dataset(TestSpark.session(), 2);
        assertThatThrownBy(() -> PATTERNS.fit(BgNbd.model(), summary)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DISTRIBUTED.fit(BgNbd.model(), summary))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PATTERNS.fit(BgNbd.model(), summary.drop("recency")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recency");
    }

    @Test
    void builder_badOptions_areRejected() {
        assertThatThrownBy(() -> SparkBtydFitter.builder().patternLimit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparkBtydFitter.builder().treeDepth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparkBtydFitter.builder().patternLimit(3).patternLimit(4))
                .isInstanceOf(IllegalStateException.class);
    }

    static void assertEqual(FitResult<?> expected, FitResult<?> actual) {
        assertThat(actual.converged()).as("converged: " + actual).isEqualTo(expected.converged());
        for (Map.Entry<String, Double> e : expected.parameters().entrySet()) {
            double v = actual.parameters().get(e.getKey());
            assertThat(Math.abs(v - e.getValue())).as(e.getKey() + ": " + v + " vs " + e.getValue())
                    .isLessThanOrEqualTo(RELATIVE * Math.abs(e.getValue()));
        }
        assertThat(Math.abs(actual.logLikelihood() - expected.logLikelihood()))
                .isLessThanOrEqualTo(1e-9 * Math.abs(expected.logLikelihood()));
        assertThat(actual.customers()).isEqualTo(expected.customers());
    }
}
