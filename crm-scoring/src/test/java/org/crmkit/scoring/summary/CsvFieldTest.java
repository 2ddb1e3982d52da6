package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
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

    /** Random ids (quotes, commas, spaces, CR, formula starts, non-ASCII) survive write and read. */
    @Test
    void summaryCsv_idsRoundTrip() throws IOException {
        Random random = new Random(20261202L);
        String alphabet = "ab,\" '=+-@\t\r\u00e9\u4e2d";
        CustomerSummaries.Builder b = CustomerSummaries.builder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder id = new StringBuilder();
            int n = 1 + random.nextInt(6);
            for (int k = 0; k < n; k++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = id.append(i).toString();
            if (s.isBlank()) {
                continue;
            }
            ids.add(s);
            b.add(s, 0, 0, 10, 0);
        }
        CustomerSummaries summaries = b.build();
        for (boolean safe : new boolean[] {true, false}) {
            StringWriter w = new StringWriter();
            SummaryCsv.write(w, summaries, safe);
            CustomerSummaries back = SummaryCsv.read(new ByteArrayInputStream(
                    w.toString().getBytes(StandardCharsets.UTF_8)), "ids");
            List<String> read = new ArrayList<>();
            for (int i = 0; i < back.size(); i++) {
                read.add(back.customerId(i));
            }
            if (safe) {
                assertThat(read).isEqualTo(ids);
            } else {
                // written raw, a value that looks neutralised is restored on read: the documented edge
                for (int i = 0; i < ids.size(); i++) {
                    assertThat(read.get(i)).isEqualTo(CsvField.restore(ids.get(i)));
                }
            }
        }
    }
}
