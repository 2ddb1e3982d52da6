package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TransactionLogTest {
    @Test
    void builder_internsCustomersInOrderOfFirstAppearance() {
        TransactionLog log = TransactionLog.builder()
                .add("x", LocalDate.of(2024, 3, 1), 1.0)
                .add("y", LocalDate.of(2024, 3, 2), 2.0)
                .add("x", LocalDate.of(2024, 3, 3), -1.0)
                .build();
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.customerCount()).isEqualTo(2);
        assertThat(log.customerIndex(2)).isZero();
        assertThat(log.customerId(1)).isEqualTo("y");
        assertThat(log.date(1)).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(log.amount(2)).isEqualTo(-1.0);
        assertThat(log.firstDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(log.lastDate()).isEqualTo(LocalDate.of(2024, 3, 3));
    }

    @Test
    void builder_nonFiniteAmount_throws() {
        assertThatThrownBy(() -> TransactionLog.builder().add("x", 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> TransactionLog.builder().add(null, 0, 1.0))
                .isInstanceOf(NullPointerException.class).hasMessage("customerId");
    }

    @Test
    void builder_buildTwice_throws() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.build();
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void of_copiesAndValidatesColumns() {
        int[] idx = {0, 1, 0};
        TransactionLog log = TransactionLog.of(new String[] {"a", "b"}, idx, new int[] {1, 2, 3},
                new double[] {1, 2, 3});
        idx[0] = 1;
        assertThat(log.customerIndex(0)).isZero();
        assertThatThrownBy(() -> TransactionLog.of(new String[] {"a"}, new int[] {1},
                new int[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> TransactionLog.of(new String[] {"a", "a"}, new int[0],
                new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> TransactionLog.of(new String[] {"a"}, new int[] {0},
                new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths");
        assertThatThrownBy(() -> TransactionLog.builder().build().lastDate())
                .isInstanceOf(IllegalStateException.class);
    }
}
