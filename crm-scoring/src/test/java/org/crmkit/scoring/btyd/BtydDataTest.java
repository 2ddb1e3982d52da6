package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BtydDataTest {

    @Test
    void of_identicalRows_areCompressedIntoWeights() {
        BtydData data = BtydData.of(new double[] {0, 2, 0, 2, 1}, new double[] {0, 5, 0, 5, 3},
                new double[] {10, 10, 10, 10, 10});
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.inputRows()).isEqualTo(5);
        assertThat(data.customers()).isEqualTo(5);
        assertThat(data.weight(0)).isEqualTo(2);
        assertThat(data.weight(1)).isEqualTo(2);
        assertThat(data.frequencyLevelCount()).isEqualTo(3);
        for (int i = 0; i < data.size(); i++) {
            assertThat(data.frequencyLevel(data.frequencyLevelIndex(i))).isEqualTo(data.frequency(i));
        }
        assertThat(data.meanFrequency()).isEqualTo(1.0);
    }

    @Test
    void of_weights_addUp() {
        BtydData data = BtydData.of(new double[] {1, 1}, new double[] {2, 2}, new double[] {3, 3},
                new double[] {2.5, 4});
        assertThat(data.size()).isEqualTo(1);
        assertThat(data.weight(0)).isEqualTo(6.5);
    }

    static Stream<Arguments> invalidRows() {
        return Stream.of(
                Arguments.of(new double[] {1, 2}, new double[] {1, 40}, new double[] {39, 39}, "row 1: recency 40.0 > T 39.0"),
                Arguments.of(new double[] {-1}, new double[] {0}, new double[] {39}, "row 0: frequency -1.0"),
                Arguments.of(new double[] {1}, new double[] {-2}, new double[] {39}, "row 0: recency -2.0 is negative"),
                Arguments.of(new double[] {1}, new double[] {2}, new double[] {-39}, "row 0: T -39.0"),
                Arguments.of(new double[] {Double.NaN}, new double[] {0}, new double[] {39}, "row 0: frequency is NaN"),
                Arguments.of(new double[] {1}, new double[] {Double.POSITIVE_INFINITY}, new double[] {39}, "row 0: recency is Infinity"),
                Arguments.of(new double[] {0, 3}, new double[] {0, 0}, new double[] {39, 39}, "row 1: frequency 3.0 > 0 with recency 0"),
                Arguments.of(new double[] {1.5}, new double[] {2}, new double[] {39}, "row 0: frequency 1.5 is not a whole number"),
                Arguments.of(new double[] {0}, new double[] {2}, new double[] {39}, "row 0: frequency 0 with recency 2.0"),
                Arguments.of(new double[] {}, new double[] {}, new double[] {}, "empty table"),
                Arguments.of(new double[] {1}, new double[] {1, 2}, new double[] {3}, "recency has 2 rows"));
    }

    @ParameterizedTest
    @MethodSource("invalidRows")
    void of_invalidInput_isRejectedNamingRowAndValue(double[] x, double[] tx, double[] t, String message) {
        assertThatThrownBy(() -> BtydData.of(x, tx, t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void of_badWeightOrMonetary_isRejected() {
        assertThatThrownBy(() -> BtydData.of(new double[] {1}, new double[] {1}, new double[] {2}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight 0.0");
        assertThatThrownBy(() -> BtydData.withMonetary(new double[] {1}, new double[] {1}, new double[] {2}, new double[] {-3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monetary value -3.0");
    }

    @Test
    void of_nulls_areRejected() {
        assertThatThrownBy(() -> BtydData.of(null, new double[0], new double[0])).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("frequency");
        assertThatThrownBy(() -> BtydData.of(new double[0], null, new double[0])).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("recency");
    }
}
