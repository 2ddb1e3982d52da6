package org.crmkit.scoring.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crmkit.core.customer.RelationshipType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelationshipTypesTest {
    private static final RelationshipTypes GRID = RelationshipTypes.of(50, 5_000, 0.10, 0.30);

    /** Kotler's grid, cell by cell, with the band edges. */
    @ParameterizedTest
    @CsvSource({
        "12, 0.35, PARTNERSHIP", "50, 0.30, PARTNERSHIP", "12, 0.20, PROACTIVE", "12, 0.05, ACCOUNTABLE",
        "51, 0.35, PROACTIVE", "5000, 0.10, ACCOUNTABLE", "300, 0.0999, REACTIVE",
        "5001, 0.30, ACCOUNTABLE", "80000, 0.29, REACTIVE", "80000, 0.05, BASIC", "0, -1, ACCOUNTABLE"})
    void classify_kotlerGrid(long customers, double margin, RelationshipType expected) {
        assertThat(GRID.classify(customers, margin)).isEqualTo(expected);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> RelationshipTypes.of(0, 10, 0.1, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelationshipTypes.of(10, 10, 0.1, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelationshipTypes.of(1, 10, 0.2, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GRID.classify(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GRID.classify(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueMatrixReport_countsAndMembers() {
        ValueMatrixReport r = ValueMatrixReport.of(List.of("a", "b", "c", "d", "e"),
                new double[] {10, 10, 1, 1, 5}, new double[] {100, 1, 100, 1, 50}, ValueMatrix.of(5, 50));
        assertThat(r.count(ValueQuadrant.MOST_VALUABLE)).isEqualTo(2);
        assertThat(r.customers(ValueQuadrant.MOST_VALUABLE)).containsExactly("a", "e");
        assertThat(r.customers(ValueQuadrant.HARVEST)).containsExactly("b");
        assertThat(r.customers(ValueQuadrant.GROWTH)).containsExactly("c");
        assertThat(r.customers(ValueQuadrant.LOW_VALUE)).containsExactly("d");
        assertThatThrownBy(() -> ValueMatrixReport.of(List.of("a"), new double[2], new double[2], ValueMatrix.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
