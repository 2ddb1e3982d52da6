package org.crmkit.scoring.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueMatrixTest {
    @Test
    void classify_fourQuadrantsWithThresholdCountingAsHigh() {
        ValueMatrix m = ValueMatrix.of(1_000, 5_000);
        assertThat(m.classify(1_000, 5_000)).isEqualTo(ValueQuadrant.MOST_VALUABLE);
        assertThat(m.classify(1_200, 800)).isEqualTo(ValueQuadrant.HARVEST);
        assertThat(m.classify(999, 9_000)).isEqualTo(ValueQuadrant.GROWTH);
        assertThat(m.classify(0, 0)).isEqualTo(ValueQuadrant.LOW_VALUE);
        assertThat(ValueQuadrant.GROWTH.highPotential()).isTrue();
        assertThat(ValueQuadrant.GROWTH.highCurrent()).isFalse();
    }

    @Test
    void atMedians_splitsAtTheMedians() {
        double[] current = {1, 2, 3, 4};
        double[] potential = {40, 30, 20, 10};
        ValueMatrix m = ValueMatrix.atMedians(current, potential);
        assertThat(m.currentThreshold()).isEqualTo(2.5);
        assertThat(m.potentialThreshold()).isEqualTo(25.0);
        assertThat(m.classify(current, potential)).containsExactly(ValueQuadrant.GROWTH,
                ValueQuadrant.GROWTH, ValueQuadrant.HARVEST, ValueQuadrant.HARVEST);
    }

    @Test
    void invalidInput_throws() {
        assertThatThrownBy(() -> ValueMatrix.of(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueMatrix.atMedians(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ValueMatrix.of(1, 1).classify(new double[1], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths");
    }
}
