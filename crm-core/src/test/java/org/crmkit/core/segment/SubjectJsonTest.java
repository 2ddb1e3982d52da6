package org.crmkit.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.json.CrmJsonException;
import org.junit.jupiter.api.Test;

class SubjectJsonTest {
    private static final AttributeRegistry R = StandardAttributes.registry();

    private static List<String> read(byte[] json) throws IOException {
        List<String> rows = new ArrayList<>();
        SubjectJson.of(R, ZoneOffset.UTC).read(new ByteArrayInputStream(json), "c.json", LocalDate.of(2026, 6, 30),
                (id, s) -> rows.add(id + ":" + (s.isPresent(R.slot("age")) ? s.number(R.slot("age")) : "-")));
        return rows;
    }

    private static List<String> read(String json) throws IOException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_flatObjects_withBomAndNulls() throws IOException {
        assertThat(read("\uFEFF[{\"customer_id\":\"C-1\",\"age\":42},{\"customer_id\":\"C-2\",\"age\":null}]"))
                .containsExactly("C-1:42.0", "C-2:-");
    }

    @Test
    void read_badInput_namesThePathWithoutTheValue() {
        assertThatThrownBy(() -> read("[{\"customer_id\":\"C-1\",\"age\":\"ann@example.com\"}]"))
                .isInstanceOf(CrmJsonException.class).hasMessage("$[0].age: expected a number")
                .extracting(e -> ((CrmJsonException) e).path()).isEqualTo("$[0].age");
        assertThatThrownBy(() -> read("[{\"customer_id\":\"C-1\",\"colour\":\"red\"}]"))
                .hasMessageStartingWith("$[0].colour: unknown attribute");
        assertThatThrownBy(() -> read("[{\"customer_id\":\"C-1\",\"age\":1,\"age\":2}]"))
                .hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> read("[{\"customer_id\":\"C-1\"}] []")).hasMessageContaining("after the array");
        assertThatThrownBy(() -> read("{}")).hasMessageContaining("expected a JSON array");
        assertThatThrownBy(() -> read("[{\"age\":3}]")).hasMessageStartingWith("$[0].customer_id: ");
        assertThatThrownBy(() -> read(new byte[] {'[', '{', '"', 'c', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}', ']'}))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> read("[{\"customer_id\":\"C-1\",")).hasMessageContaining("malformed JSON");
        assertThatNullPointerException().isThrownBy(() -> SubjectJson.of(null, ZoneOffset.UTC));
    }

    @Test
    void parse_readsEachTypeAndNeverEchoesTheText() {
        SubjectRecord r = new SubjectRecord(R);
        r.parse(R.slot("age"), "42").parse(R.slot("abc_class"), "A");
        assertThat(r.number(R.slot("age"))).isEqualTo(42.0);
        assertThat(r.text(R.slot("abc_class"))).isEqualTo("A");
        assertThatThrownBy(() -> r.parse(R.slot("age"), "Ann Lee")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Ann");
        assertThatThrownBy(() -> r.parse(R.slot("age"), "0x10")).hasMessageContaining("decimal");
        assertThatThrownBy(() -> r.parse(R.slot("abc_class"), "Lee")).hasMessageNotContaining("Lee");
        assertThatNullPointerException().isThrownBy(() -> r.parse(R.slot("age"), null));
    }
}
