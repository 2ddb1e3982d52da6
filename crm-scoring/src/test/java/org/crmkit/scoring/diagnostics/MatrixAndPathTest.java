package org.crmkit.scoring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.scoring.diagnostics.FrequencyRecencyMatrix.Quantity;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

class MatrixAndPathTest {

    @Test
    void expectedPurchases_gridFromSummaries_holdsTheModelValueInEachPossibleCell() {
        CustomerSummaries s = CustomerSummaries.builder().add("a", 0, 0, 2.5, 0).add("b", 2, 1, 3.5, 5)
                .add("c", 1, 3, 4, 5).build();
        FrequencyRecencyMatrix m = FrequencyRecencyMatrix.expectedPurchases(new LinearModel(1), s, 10);
        assertThat(m.frequencies()).isEqualTo(3);
        assertThat(m.recencies()).isEqualTo(5); // 0 and T j / 4, T = 4
        assertThat(m.age()).isEqualTo(4);
        assertThat(m.recency(2)).isEqualTo(2);
        // t (x + 1) / (T + 1) = 10 (x + 1) / 5
        assertThat(m.value(0, 0).getAsDouble()).isCloseTo(2, within(1e-12));
        assertThat(m.value(0, 1)).isEmpty();
        assertThat(m.value(2, 0)).isEmpty();
        assertThat(m.value(2, 4).getAsDouble()).isCloseTo(6, within(1e-12));
        PlotTable t = m.table();
        assertThat(t.xName()).isEqualTo("frequency");
        assertThat(t.seriesNames()).containsExactly("recency=0.00", "recency=1.00", "recency=2.00", "recency=3.00",
                "recency=4.00");
    }

    @Test
    void probabilityAlive_usesRecencyAndAge() {
        FrequencyRecencyMatrix m = FrequencyRecencyMatrix.of(Quantity.PROBABILITY_ALIVE, new LinearModel(1), 1, 9,
                3, 0);
        assertThat(m.recency(1)).isEqualTo(3);
        assertThat(m.value(1, 1).getAsDouble()).isCloseTo(0.4, within(1e-12)); // (3 + 1) / 10
        assertThat(m.value(1, 3).getAsDouble()).isCloseTo(1, within(1e-12));
        assertThat(m.horizon()).isZero();
        assertThat(m.table().seriesNames()).hasSize(4);
    }

    @Test
    void matrix_invalidGrid_isRefused() {
        LinearModel model = new LinearModel(1);
        assertThatThrownBy(() -> FrequencyRecencyMatrix.of(Quantity.EXPECTED_PURCHASES, model, 2, 4, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("horizon");
        assertThatThrownBy(() -> FrequencyRecencyMatrix.of(Quantity.PROBABILITY_ALIVE, model, 2, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("age");
        CustomerSummaries newOnly = CustomerSummaries.builder().add("a", 0, 0, 0, 0).build();
        assertThatThrownBy(() -> FrequencyRecencyMatrix.probabilityAlive(model, newOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T = 0");
    }

    @Test
    void alivePath_jumpsAtEachPurchase() {
        // P(alive) = (t_x + 1) / (u + 1)
        AlivePath p = AlivePath.of(new LinearModel(1), new double[] {1.5}, 3, 4);
        assertThat(p.times()).containsExactly(0, 1, 1.5, 1.5, 2, 3);
        double[] v = p.probabilities();
        assertThat(v[0]).isEqualTo(1);
        assertThat(v[1]).isCloseTo(1 / 2.0, within(1e-12));
        assertThat(v[2]).isCloseTo(1 / 2.5, within(1e-12)); // before the purchase: t_x = 0
        assertThat(v[3]).isCloseTo(1, within(1e-12));       // with it: t_x = u
        assertThat(v[4]).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(v[5]).isCloseTo(2.5 / 4, within(1e-12));
        assertThat(p.table().seriesNames()).containsExactly("p_alive");
    }

    @Test
    void alivePath_invalidTimes_areRefused() {
        LinearModel model = new LinearModel(1);
        assertThatThrownBy(() -> AlivePath.of(model, new double[] {2, 1}, 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat purchase 1");
        assertThatThrownBy(() -> AlivePath.of(model, new double[] {4}, 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat purchase 0");
        assertThatThrownBy(() -> AlivePath.of(model, new double[0], 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gridPoints");
    }
}
