package org.crmkit.scoring.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LifetimeValueTest {
    @Test
    void simple_designWorkedExample() {
        // the textbook example: 40 a week for 30 more years = 30 x 52 x 40 = 62,400 undiscounted
        assertThat(LifetimeValue.simple(40, 52, 30)).isEqualTo(62_400.0);
    }

    @Test
    void retentionPerpetuity_marginMultiple() {
        // 100 x 0.8 / (1 + 0.1 - 0.8) = 80 / 0.3
        assertThat(LifetimeValue.retentionPerpetuity(100, 0.8, 0.1))
                .isCloseTo(266.6666666666667, within(1e-9));
        assertThat(LifetimeValue.retentionPerpetuity(100, 0, 0.1)).isZero();
    }

    @Test
    void retentionFiniteHorizon_handSums() {
        // T = 1: 100 x 0.8 / 1.1; T = 2: adds 100 x (0.8 / 1.1)^2
        assertThat(LifetimeValue.retentionFiniteHorizon(100, 0.8, 0.1, 1))
                .isCloseTo(72.72727272727273, within(1e-9));
        assertThat(LifetimeValue.retentionFiniteHorizon(100, 0.8, 0.1, 2))
                .isCloseTo(72.72727272727273 + 52.89256198347107, within(1e-9));
        assertThat(LifetimeValue.retentionFiniteHorizon(100, 0.8, 0.1, 0)).isZero();
        // full retention, no discounting: 30 periods of 2,080 (40 x 52) = 62,400
        assertThat(LifetimeValue.retentionFiniteHorizon(2080, 1, 0, 30)).isEqualTo(62_400.0);
    }

    @Test
    void retentionFiniteHorizon_tendsToThePerpetuity() {
        double limit = LifetimeValue.retentionPerpetuity(50, 0.9, 0.12);
        assertThat(LifetimeValue.retentionFiniteHorizon(50, 0.9, 0.12, 1000))
                .isCloseTo(limit, within(1e-9));
        assertThat(LifetimeValue.retentionFiniteHorizon(50, 0.9, 0.12, 10)).isLessThan(limit);
    }

    @Test
    void invalidArguments_throw() {
        assertThatThrownBy(() -> LifetimeValue.retentionPerpetuity(10, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diverges");
        assertThatThrownBy(() -> LifetimeValue.retentionPerpetuity(10, 1.2, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.2");
        assertThatThrownBy(() -> LifetimeValue.retentionPerpetuity(10, 0.5, -0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LifetimeValue.simple(Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LifetimeValue.simple(1, -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LifetimeValue.retentionFiniteHorizon(1, 0.5, 0.1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LifetimeValue.simple(1e300, 1e10, 1e10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
    }
}
