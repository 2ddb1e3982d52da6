package org.crmkit.scoring.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.scoring.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

class CalibrationHoldoutTest {

    /** Predictions of the linear model over 10 units: t (x + 1) / (T + 1) = 1, 2, 2, 6. */
    private static CustomerSummaries.Builder rows(double lastDuration) {
        return CustomerSummaries.builder()
                .add("a", 0, 0, 9, 0, 0, 0, 10)
                .add("b", 1, 4, 9, 5, 3, 5, 10)
                .add("c", 1, 8, 9, 5, 1, 5, 10)
                .add("d", 5, 8, 9, 5, 4, 5, lastDuration);
    }

    @Test
    void of_groupsByCalibrationFrequency_andAveragesActualAndPredicted() {
        CalibrationHoldout c = CalibrationHoldout.of(new LinearModel(1), rows(10).build(), 2);
        assertThat(c.labels()).containsExactly("0", "1", "2+");
        assertThat(c.customers(0)).isEqualTo(1);
        assertThat(c.customers(1)).isEqualTo(2);
        assertThat(c.customers(2)).isEqualTo(1);
        assertThat(c.actualMean(0).getAsDouble()).isEqualTo(0);
        assertThat(c.predictedMean(0).getAsDouble()).isCloseTo(1, within(1e-12));
        assertThat(c.actualMean(1).getAsDouble()).isEqualTo(2);
        assertThat(c.predictedMean(1).getAsDouble()).isCloseTo(2, within(1e-12));
        assertThat(c.actualMean(2).getAsDouble()).isEqualTo(4);
        assertThat(c.predictedMean(2).getAsDouble()).isCloseTo(6, within(1e-12));
        PlotTable t = c.table();
        assertThat(t.seriesNames()).containsExactly("actual", "predicted");
        assertThat(t.value(2, 1).getAsDouble()).isCloseTo(6, within(1e-12));
    }

    @Test
    void of_emptyGroupHasNoValue_andDurationsMayDiffer() {
        CalibrationHoldout c = CalibrationHoldout.of(new LinearModel(1), rows(5).build(), 3);
        assertThat(c.customers(2)).isZero();
        assertThat(c.actualMean(2)).isEmpty();
        assertThat(c.table().value(2, 0)).isEmpty();
        assertThat(c.predictedMean(3).getAsDouble()).isCloseTo(3, within(1e-12)); // 5 * 6 / 10
    }

    @Test
    void of_invalidInput_isRefused() {
        LinearModel m = new LinearModel(1);
        CustomerSummaries noHoldout = CustomerSummaries.builder().add("a", 0, 0, 9, 0).build();
        assertThatThrownBy(() -> CalibrationHoldout.of(m, noHoldout, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holdout");
        assertThatThrownBy(() -> CalibrationHoldout.of(m, rows(10).build(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastGroup 0");
        assertThatNullPointerException().isThrownBy(() -> CalibrationHoldout.of(m, null, 7)).withMessage("summaries");
    }
}
