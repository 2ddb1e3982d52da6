package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.csv.CsvFormatException;
import org.junit.jupiter.api.Test;

class SubjectCsvTest {
    private static final AttributeRegistry REGISTRY = StandardAttributes.registry();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private static List<String> read(String csv) throws IOException {
        List<String> rows = new ArrayList<>();
        AttributeRegistry r = REGISTRY;
        SubjectCsv.of(r).read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "c.csv", AS_OF,
                (id, s) -> rows.add(id + ":" + (s.isPresent(r.slot("age")) ? s.number(r.slot("age")) : "-")
                        + ":" + (s.isPresent(r.slot("abc_class")) ? s.text(r.slot("abc_class")) : "-")));
        return rows;
    }

    @Test
    void read_typedColumnsQuotingAndAbsentCells() throws IOException {
        assertThat(read("customer_id,age,abc_class\nC-1,42,A\n\"C,2\",,B\n'=x,7.5,\n"))
                .containsExactly("C-1:42.0:A", "C,2:-:B", "=x:7.5:-");
    }

    @Test
    void read_badInput_namesLineAndColumnWithoutTheValue() {
        assertThatThrownBy(() -> read("customer_id,age\nC-1,ann@example.com\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("c.csv:2: field 'age': not a number (expected a decimal such as 12.5)");
        assertThatThrownBy(() -> read("customer_id,abc_class\nC-1,Z\n")).hasMessageContaining("field 'abc_class'")
                .hasMessageNotContaining("'Z'");
        assertThatThrownBy(() -> read("customer_id,colour\nC-1,red\n")).hasMessageContaining(":1: field 'colour': "
                + "unknown attribute");
        assertThatThrownBy(() -> read("age\n42\n")).hasMessageContaining("field 'customer_id': missing column");
        assertThatThrownBy(() -> read("customer_id,age\nC-1,4,5\n")).hasMessageContaining(":2: ")
                .hasMessageContaining("3 fields, the header has 2");
        assertThatThrownBy(() -> read("customer_id,age\nC-1,4\nC-1,5\n")).hasMessageContaining(":3: field "
                + "'customer_id': duplicate customer id");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("customer_id,age,age\n")).hasMessageContaining("twice");
        assertThatNullPointerException().isThrownBy(() -> SubjectCsv.of(null));
    }
}
