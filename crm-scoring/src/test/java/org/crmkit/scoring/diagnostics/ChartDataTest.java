package org.crmkit.scoring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.crmkit.scoring.basket.AssociationRule;
import org.crmkit.scoring.churn.ChurnEvaluation;
import org.crmkit.scoring.concentration.AbcClass;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

class ChartDataTest {

    @Test
    void rfmHeatmap_averagesMonetaryValueByRecencyAndFrequencyScore() {
        CustomerSummaries s = CustomerSummaries.builder()
                .add("c1", 5, 9, 10, 100)   // 1 since last, F 5
                .add("c2", 4, 8.5, 10, 60)  // 1.5 since last, F 4
                .add("c3", 1, 2, 10, 10)    // 8 since last, F 1
                .add("c4", 2, 1, 10, 30)    // 9 since last, F 2
                .build();
        RfmHeatmap h = RfmHeatmap.of(s, RfmScorer.builder().bins(2).build());
        assertThat(h.bins()).isEqualTo(2);
        assertThat(h.customers(2, 2)).isEqualTo(2);
        assertThat(h.meanMonetary(2, 2).getAsDouble()).isCloseTo(80, within(1e-12));
        assertThat(h.meanMonetary(1, 1).getAsDouble()).isCloseTo(20, within(1e-12));
        assertThat(h.meanMonetary(1, 2)).isEmpty();
        PlotTable t = h.table();
        assertThat(t.xName()).isEqualTo("recency_score");
        assertThat(t.seriesNames()).containsExactly("F=1", "F=2");
        assertThat(t.value(1, 1).getAsDouble()).isCloseTo(80, within(1e-12));
        assertThat(t.value(0, 1)).isEmpty();
    }

    @Test
    void lorenzChart_handComputedCurveGiniAndAbcShares() {
        LorenzChart c = LorenzChart.of(new double[] {6, 1, 2, 1}, 5);
        assertThat(c.curve()).extracting(p -> p.valueShare()).containsExactly(0.0, 0.1, 0.2, 0.4, 1.0);
        assertThat(c.gini()).isCloseTo(0.4, within(1e-12));
        assertThat(c.topFifthShare()).isCloseTo(0.48, within(1e-12));
        assertThat(c.customerShare(AbcClass.A)).isEqualTo(0.5);
        assertThat(c.revenueShare(AbcClass.A)).isCloseTo(0.8, within(1e-12));
        assertThat(c.revenueShare(AbcClass.B)).isCloseTo(0.2, within(1e-12));
        assertThat(c.customerShare(AbcClass.C)).isZero();
        assertThat(c.table().seriesNames()).containsExactly("Lorenz curve", "equality");
    }

    @Test
    void gainChart_handComputedGainAndLift() {
        ChurnEvaluation e = ChurnEvaluation.of(new double[] {0.9, 0.8, 0.3, 0.1},
                new boolean[] {true, false, true, false}, true);
        GainChart g = GainChart.of(e, 4);
        assertThat(g.shares()).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(g.gain()).containsExactly(0, 0.5, 0.5, 1, 1);
        double[] lift = g.lift();
        assertThat(lift[0]).isCloseTo(2, within(1e-12));
        assertThat(lift[1]).isCloseTo(1, within(1e-12));
        assertThat(lift[2]).isCloseTo(4 / 3.0, within(1e-12));
        assertThat(lift[3]).isCloseTo(1, within(1e-12));
        assertThat(g.gainTable().seriesNames()).containsExactly("model", "random");
        assertThat(g.liftTable().rows()).isEqualTo(4);
    }

    @Test
    void ruleScatter_takesTheMeasuresOfEachRule() {
        AssociationRule r1 = new AssociationRule(List.of("a"), List.of("b"), 0.2, 0.5, 1.25, 0.04,
                OptionalDouble.of(1.6), 10);
        AssociationRule r2 = new AssociationRule(List.of("b"), List.of("c"), 0.1, 0.8, 2.0, 0.05,
                OptionalDouble.of(3.0), 5);
        RuleScatter s = RuleScatter.of(List.of(r1, r2));
        assertThat(s.support()).containsExactly(0.2, 0.1);
        assertThat(s.confidence()).containsExactly(0.5, 0.8);
        assertThat(s.lift()).containsExactly(1.25, 2.0);
        assertThat(s.table().seriesNames()).containsExactly("confidence", "lift");
        assertThatThrownBy(() -> RuleScatter.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plotTable_refusesNonFiniteValuesAndDuplicateNames() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("a", new double[] {1, Double.NaN});
        assertThatThrownBy(() -> PlotTable.of("x", new double[] {1, 2}, series))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("series 'a' row 1");
        Map<String, double[]> shortSeries = Map.of("a", new double[] {1});
        assertThatThrownBy(() -> PlotTable.of("x", new double[] {1, 2}, shortSeries))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2");
        PlotTable t = PlotTable.of("x", new double[] {1, 2}, Map.of("y", new double[] {3, 4}));
        assertThat(t.value(1, 0).getAsDouble()).isEqualTo(4);
        assertThat(t.toString()).isEqualTo("PlotTable[x=x, series=[y], rows=2]");
    }
}
