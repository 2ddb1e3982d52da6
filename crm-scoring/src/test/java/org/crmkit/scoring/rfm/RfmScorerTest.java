package org.crmkit.scoring.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

class RfmScorerTest {
    /** Five customers with distinct R, F, M; T - recency = weeks since last purchase. */
    private static CustomerSummaries five() {
        return CustomerSummaries.builder()
                .add("a", 9, 39, 40, 50)   // 1 week ago, most frequent, top spend
                .add("b", 5, 30, 40, 40)   // 10 weeks ago
                .add("c", 3, 20, 40, 30)   // 20 weeks
                .add("d", 1, 10, 40, 20)   // 30 weeks
                .add("e", 0, 0, 40, 0)     // 40 weeks
                .build();
    }

    @Test
    void score_recentIsHighAndWeightedCombination() {
        RfmScores s = RfmScorer.builder().weights(RfmWeights.of(2, 1, 1)).build().score(five());
        assertThat(s.recency(0)).isEqualTo(5);
        assertThat(s.recency(4)).isEqualTo(1);
        assertThat(s.frequency(0)).isEqualTo(5);
        assertThat(s.monetary(3)).isEqualTo(2);
        assertThat(s.cell(0)).isEqualTo("555");
        assertThat(s.cell(2)).isEqualTo("333");
        // (2*4 + 4 + 4) / 4
        assertThat(s.combined(1)).isEqualTo(4.0);
        assertThat(s.bins()).isEqualTo(5);
    }

    @Test
    void score_customBreakpointsReplaceQuantiles() {
        RfmScorer scorer = RfmScorer.builder().bins(3)
                .recencyBreakpoints(Breakpoints.of(5, 25))
                .frequencyBreakpoints(Breakpoints.of(1, 5))
                .build();
        RfmScores s = scorer.score(five());
        assertThat(s.recencyScores().scoreColumn()).containsExactly(3, 2, 2, 1, 1);
        assertThat(s.frequencyScores().scoreColumn()).containsExactly(3, 3, 2, 2, 1);
        assertThat(s.cell(0)).hasSize(3);
    }

    @Test
    void build_breakpointsWithOtherBinCount_throws() {
        assertThatThrownBy(() -> RfmScorer.builder().bins(5)
                .monetaryBreakpoints(Breakpoints.of(10, 20)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 bins");
        assertThatThrownBy(() -> RfmScorer.builder().bins(5).bins(4))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RfmWeights.of(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmWeights.of(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cell_largeBinCountsAreDashSeparated() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        RfmScores s = RfmScorer.builder().bins(10).build().score(v, v, v);
        assertThat(s.cell(19)).isEqualTo("1-10-10");
    }
}
