package org.crmkit.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFieldTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''+y"})
    void append_formulaStart_getsOneApostropheAndRestores(String value) {
        String written = CsvField.neutralise(value);
        assertThat(written).isEqualTo("'" + value);
        assertThat(CsvField.restore(written)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "'abc", "'", "a=b", "", "C-1"})
    void append_otherValues_areUnchanged(String value) {
        assertThat(CsvField.neutralise(value)).isEqualTo(value);
        assertThat(CsvField.restore(value)).isEqualTo(value);
    }

    @Test
    void append_quotesAsRfc4180() {
        assertThat(CsvField.of("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvField.of("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvField.of("\r")).isEqualTo("\"'\r\"");
        assertThat(CsvField.append(new StringBuilder(), "a\rb", false).toString()).isEqualTo("\"a\rb\"");
        assertThat(CsvField.of(" x")).isEqualTo("\" x\"");
        assertThat(CsvField.of("")).isEqualTo("\"\"");
        assertThatNullPointerException().isThrownBy(() -> CsvField.of(null));
        assertThatNullPointerException().isThrownBy(() -> CsvField.append(null, "x"));
    }

    /** Random values (quotes, commas, spaces, CR, LF, formula starts, non-ASCII) survive write and read. */
    @Test
    void append_everyValueRoundTripsThroughCsvReader() {
        Random random = new Random(20261202L);
        String alphabet = "ab,\" '=+-@\t\r\n\u00e9\u4e2d";
        List<String> values = new ArrayList<>();
        StringBuilder csv = new StringBuilder("v,i\n");
        for (int i = 0; i < 3000; i++) {
            StringBuilder v = new StringBuilder();
            int n = random.nextInt(7);
            for (int k = 0; k < n; k++) {
                v.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = v.toString();
            values.add(value);
            CsvField.append(csv, value, true).append(',').append(i).append('\n');
        }
        List<String> read = new ArrayList<>();
        try (CsvReader in = CsvReader.of(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "values", CsvReader.Options.comma())) {
            for (CsvRecord r : in) {
                read.add(CsvField.restore(r.get(0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(read).isEqualTo(values);
    }
}
