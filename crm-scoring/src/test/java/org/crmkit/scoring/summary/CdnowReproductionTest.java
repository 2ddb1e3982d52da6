package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the published CDNOW sample summary (calibration end 1997-09-30, weeks) from
 * the raw transactions: x, t_x, T and zbar to two decimals for all 2,357 customers.
 */
class CdnowReproductionTest {
    static Path dataDir() {
        return Path.of(System.getProperty("crm.data.dir", "../../shared/data"));
    }

    @Test
    void summarize_cdnowSample_reproducesPublishedSummary() throws IOException {
        Path dir = dataDir();
        Path transactions = dir.resolve("CDNOW_sample.txt");
        Path reference = dir.resolve("cdnow_customers_summary_with_transactions.csv");
        Assumptions.assumeTrue(Files.isReadable(transactions) && Files.isReadable(reference),
                "CDNOW reference data not found in " + dir.toAbsolutePath()
                        + " (set -Dcrm.data.dir); skipping the reproduction test");

        TransactionLog log = TransactionCsv.builder()
                .delimiter(CsvDelimiter.WHITESPACE).header(false)
                .customerColumn(ColumnSelector.byPosition(2))
                .dateColumn(ColumnSelector.byPosition(3)).dateFormat("yyyyMMdd")
                .amountColumn(ColumnSelector.byPosition(5))
                .build().read(transactions);
        CustomerSummaries s = Summarizer.builder().timeUnit(TimeUnit.WEEKS)
                .calibrationEnd(LocalDate.of(1997, 9, 30)).build().summarize(log);

        List<String> lines = Files.readAllLines(reference);
        assertThat(lines.get(0)).isEqualTo("ID,x,t_x,T,zbar");
        Map<Integer, Integer> row = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            row.put(Integer.parseInt(s.customerId(i)), i);
        }
        assertThat(s.size()).isEqualTo(2357);
        assertThat(lines).hasSize(2358);
        // the reference rounds to two decimals: agree within half a unit in the last place
        double tol = 0.005 + 1e-9;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Integer i = row.get(Integer.parseInt(f[0]));
            assertThat(i).as("customer %s", f[0]).isNotNull();
            assertThat(s.frequency(i)).as("x of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
            assertThat(s.recency(i)).as("t_x of %s", f[0])
                    .isCloseTo(Double.parseDouble(f[2]), within(tol));
            assertThat(s.t(i)).as("T of %s", f[0]).isCloseTo(Double.parseDouble(f[3]), within(tol));
            assertThat(s.monetaryValue(i)).as("zbar of %s", f[0])
                    .isCloseTo(Double.parseDouble(f[4]), within(tol));
        }
    }
}
