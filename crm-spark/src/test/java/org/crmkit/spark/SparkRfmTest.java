package org.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.crmkit.scoring.concentration.AbcClass;
import org.crmkit.scoring.concentration.RevenueConcentration;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmScores;
import org.crmkit.scoring.rfm.RfmWeights;
import org.junit.jupiter.api.Test;

class SparkRfmTest {

    @Test
    void score_cdnow_equalsRfmScorerWithItsTies() {
        Summaries s = Summaries.cdnow(TestSpark.dataDirectory());
        assertScoresEqual(s, 5);
    }

    @Test
    void score_simulatedWithManyTiesAndTwelveBins_equalsRfmScorer() {
        assertScoresEqual(Summaries.simulated(5000, 9), 12);
    }

    private static void assertScoresEqual(Summaries s, int bins) {
        int n = s.x.length;
        double[] since = new double[n];
        for (int i = 0; i < n; i++) {
            since[i] = s.t[i] - s.tx[i];
        }
        RfmWeights w = RfmWeights.of(3, 2, 1);
        RfmScores expected = RfmScorer.builder().bins(bins).weights(w).build().score(since, s.x, s.m);
        List<Row> rows = SparkRfm.builder().bins(bins).weights(w).build().score(s.dataset(TestSpark.session(), 3))
                .collectAsList();
        assertThat(rows).hasSize(n);
        for (Row r : rows) {
            int i = Integer.parseInt(r.getString(0).substring(1));
            assertThat(r.getInt(r.fieldIndex("recency_score"))).as("R of %d", i).isEqualTo(expected.recency(i));
            assertThat(r.getInt(r.fieldIndex("frequency_score"))).as("F of %d", i).isEqualTo(expected.frequency(i));
            assertThat(r.getInt(r.fieldIndex("monetary_score"))).as("M of %d", i).isEqualTo(expected.monetary(i));
            assertThat(r.getDouble(r.fieldIndex("rfm_score"))).isCloseTo(expected.combined(i),
                    org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.getString(r.fieldIndex("rfm_cell"))).isEqualTo(expected.cell(i));
        }
    }

    @Test
    void abcClasses_cdnowSpendAndSimulatedQuarters_equalRevenueConcentration() {
        Summaries cdnow = Summaries.cdnow(TestSpark.dataDirectory());
        assertAbcEqual(cdnow, cdnow.m);
        Summaries sim = Summaries.simulated(4000, 4);
        double[] quarters = new double[sim.x.length];
        for (int i = 0; i < quarters.length; i++) {
            quarters[i] = Math.floor(sim.m[i] * 4) / 4; // exact in binary, many ties at 0
        }
        assertAbcEqual(new Summaries(sim.x, sim.tx, sim.t, quarters, sim.w), quarters);
    }

    private static void assertAbcEqual(Summaries s, double[] values) {
        AbcClass[] expected = RevenueConcentration.of(values).abcClasses(0.8, 0.95);
        Dataset<Row> data = s.dataset(TestSpark.session(), 3);
        List<Row> rows = SparkRfm.abcClasses(data, "monetary_value", 0.8, 0.95).collectAsList();
        int[] count = new int[3];
        for (Row r : rows) {
            int i = Integer.parseInt(r.getString(0).substring(1));
            assertThat(r.getString(r.fieldIndex("abc_class"))).as("customer %d", i).isEqualTo(expected[i].name());
            count[expected[i].ordinal()]++;
        }
        assertThat(count[0]).isPositive();
        assertThat(count[1]).isPositive();
    }

    @Test
    void badInput_isRejected() {
        Summaries s = new Summaries(new double[] {1, 0}, new double[] {2, 0}, new double[] {5, 5},
                new double[] {-1, 0}, new double[] {1, 1});
        assertThatThrownBy(() -> SparkRfm.abcClasses(s.dataset(TestSpark.session(), 1), "monetary_value", 0.8, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> SparkRfm.abcClasses(s.dataset(TestSpark.session(), 1), "monetary_value", 0.9, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparkRfm.builder().bins(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
