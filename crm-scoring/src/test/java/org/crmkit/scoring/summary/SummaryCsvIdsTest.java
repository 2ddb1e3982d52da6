package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crmkit.core.csv.CsvField;
import org.junit.jupiter.api.Test;

/** Ids written by SummaryCsv (through CsvField) read back to the same ids. */
class SummaryCsvIdsTest {
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
