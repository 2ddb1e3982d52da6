package org.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.ParetoNbd;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.churn.NoPurchaseRisk;
import org.junit.jupiter.api.Test;

class SparkScoringTest {

    @Test
    void transform_cdnow_bgNbdWithSpend_equalsSingleMachineScores() {
        Summaries s = Summaries.cdnow(TestSpark.dataDirectory());
        BgNbd bg = BtydFitter.standard().fit(BgNbd.model(), s.data()).model();
        GammaGamma gg = BtydFitter.standard().fit(GammaGamma.model(),
                BtydData.withMonetary(s.x, s.tx, s.t, s.m, s.w)).model();
        SparkScoring scoring = SparkScoring.builder(bg).spendModel(gg).horizon(39).churnWindow(26).clvPeriods(52)
                .discountRate(0.0019).build();
        BtydScorer scorer = new BtydScorer(scoring);
        Dataset<Row> summary = s.dataset(TestSpark.session(), 3);
        assertThat(scorer.transformSchema(summary.schema()).fieldNames())
                .endsWith("expected_purchases", "p_alive", "churn_risk", "expected_spend", "clv");
        List<Row> rows = scorer.transform(summary).collectAsList();
        assertThat(rows).hasSize(s.x.length);
        for (Row r : rows) {
            int i = Integer.parseInt(r.getString(0).substring(1));
            double x = s.x[i];
            double tx = s.tx[i];
            double t = s.t[i];
            assertThat(r.getDouble(r.fieldIndex("expected_purchases")))
                    .isEqualTo(bg.conditionalExpectedPurchases(39, x, tx, t));
            assertThat(r.getDouble(r.fieldIndex("p_alive"))).isEqualTo(bg.probabilityAlive(x, tx, t));
            assertThat(r.getDouble(r.fieldIndex("churn_risk"))).isEqualTo(NoPurchaseRisk.of(bg, 26, x, tx, t));
            double spend = gg.conditionalExpectedSpend(x, s.m[i]);
            assertThat(r.getDouble(r.fieldIndex("expected_spend"))).isEqualTo(spend);
            assertThat(r.getDouble(r.fieldIndex("clv")))
                    .isEqualTo(bg.discountedExpectedPurchases(52, 0.0019, x, tx, t) * spend);
        }
    }

    @Test
    void score_simulated_paretoNbdRebuiltOnTheExecutors_equalsSingleMachine() {
        Summaries s = Summaries.simulated(6000, 3);
        PurchaseModel model = ParetoNbd.of(0.55, 10.5, 0.6, 11.7);
        List<Row> rows = SparkScoring.builder(model).horizon(12).build().score(s.dataset(TestSpark.session(), 4))
                .collectAsList();
        assertThat(rows).hasSize(6000);
        // the single-machine bulk methods, as crm predict calls them
        double[] expected = new double[6000];
        double[] alive = new double[6000];
        double[] risk = new double[6000];
        model.predict(12, s.x, s.tx, s.t, expected, alive);
        NoPurchaseRisk.of(model, 12, s.x, s.tx, s.t, risk, null);
        for (Row r : rows) {
            int i = Integer.parseInt(r.getString(0).substring(1));
            assertThat(r.getDouble(r.fieldIndex("expected_purchases"))).isEqualTo(expected[i]);
            assertThat(r.getDouble(r.fieldIndex("p_alive"))).isEqualTo(alive[i]);
            assertThat(r.getDouble(r.fieldIndex("churn_risk"))).isEqualTo(risk[i]);
        }
    }

    @Test
    void score_missingColumnOrBadOption_isRejected() {
        Summaries s = Summaries.simulated(10, 3);
        SparkScoring scoring = SparkScoring.builder(BgNbd.of(0.25, 4, 0.8, 2.4)).build();
        Dataset<Row> summary = s.dataset(TestSpark.session(), 1).drop("T");
        assertThatThrownBy(() -> scoring.score(summary)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'T'");
        assertThatThrownBy(() -> SparkScoring.builder(BgNbd.of(0.25, 4, 0.8, 2.4)).horizon(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparkScoring.builder(BgNbd.of(0.25, 4, 0.8, 2.4)).horizon(1).horizon(2))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void modelParameters_roundTrip() {
        ModelParameters p = ModelParameters.of(BgNbd.of(0.243, 4.414, 0.793, 2.426));
        assertThat(p.rebuild().parameters()).isEqualTo(BgNbd.of(0.243, 4.414, 0.793, 2.426).parameters());
        assertThat(p).isEqualTo(ModelParameters.of(BgNbd.of(0.243, 4.414, 0.793, 2.426)));
        assertThat(p.toString()).isEqualTo("bg-nbd[0.243, 4.414, 0.793, 2.426]");
    }
}
