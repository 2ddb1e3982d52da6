package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.SummaryCsv;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Crm.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void summarize_cdnowSample_reproducesPublishedSummary(@TempDir Path dir) throws IOException {
        Path data = Path.of(System.getProperty("crm.data.dir", "../../shared/data"));
        Path sample = data.resolve("CDNOW_sample.txt");
        Path reference = data.resolve("cdnow_customers_summary_with_transactions.csv");
        Assumptions.assumeTrue(Files.isReadable(sample) && Files.isReadable(reference),
                "CDNOW data not found in " + data.toAbsolutePath() + "; skipping");
        Path summary = dir.resolve("S.csv");

        int code = run("summarize", "--transactions", sample.toString(), "--delimiter",
                "whitespace", "--no-header", "--customer-col", "2", "--date-col", "3",
                "--date-format", "yyyyMMdd", "--amount-col", "5", "--time-unit", "weeks",
                "--calibration-end", "1997-09-30", "--out", summary.toString());

        assertThat(code).as(err.toString()).isZero();
        CustomerSummaries s = SummaryCsv.read(summary);
        List<String> ref = Files.readAllLines(reference);
        assertThat(s.size()).isEqualTo(ref.size() - 1).isEqualTo(2357);
        for (int i = 0; i < s.size(); i++) {
            String[] f = ref.get(i + 1).split(",");
            assertThat(Integer.parseInt(s.customerId(i))).isEqualTo(Integer.parseInt(f[0]));
            assertThat(s.frequency(i)).isEqualTo(Integer.parseInt(f[1]));
            assertThat(s.recency(i)).isCloseTo(Double.parseDouble(f[2]), within(0.005 + 1e-9));
            assertThat(s.t(i)).isCloseTo(Double.parseDouble(f[3]), within(0.005 + 1e-9));
            assertThat(s.monetaryValue(i)).isCloseTo(Double.parseDouble(f[4]), within(0.005 + 1e-9));
        }
    }

    @Test
    void summarize_badDate_exitsTwoWithOneLineNamingFileLineAndColumn(@TempDir Path dir)
            throws IOException {
        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, "customer,date,amount\nc1,2024-01-02,3\nc2,2024-02-30,4\n");
        int code = run("summarize", "--transactions", tx.toString(), "--customer-col",
                "customer", "--date-col", "date", "--amount-col", "amount", "--out",
                dir.resolve("s.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("tx.csv: line 3, field 'date'")
                .contains("2024-02-30").doesNotContain("Exception");
    }

    @Test
    void summarize_debug_printsTheStackTrace(@TempDir Path dir) throws IOException {
        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, "customer,date\nc1,01/02/2024\n");
        int code = run("summarize", "--debug", "--transactions", tx.toString(), "--customer-col",
                "customer", "--date-col", "date", "--out", dir.resolve("s.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("tx.csv: line 2").contains("CsvInputException")
                .contains("\tat ");
    }

    @Test
    void summarize_holdoutAndMonthsThroughTheCommandLine(@TempDir Path dir) throws IOException {
        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, "customer;date;amount\na;2024-01-01;10\na;2024-02-01;20\n"
                + "a;2024-02-01;-5\nb;2024-03-15;7\na;2024-04-10;8\n");
        Path out = dir.resolve("s.csv");
        int code = run("summarize", "--transactions", tx.toString(), "--delimiter", ";",
                "--customer-col", "customer", "--date-col", "date", "--amount-col", "amount",
                "--time-unit", "months", "--calibration-end", "2024-03-31", "--observation-end",
                "2024-06-30", "--out", out.toString());
        assertThat(code).as(err.toString()).isZero();
        CustomerSummaries s = SummaryCsv.read(out);
        assertThat(s.hasHoldout()).isTrue();
        assertThat(s.frequency(0)).isEqualTo(1);
        // 31 days / 30.4375; T = 90 days / 30.4375; holdout 91 days
        assertThat(s.recency(0)).isCloseTo(31 / 30.4375, within(1e-12));
        assertThat(s.t(0)).isCloseTo(90 / 30.4375, within(1e-12));
        assertThat(s.monetaryValue(0)).isEqualTo(15.0);
        assertThat(s.frequencyHoldout(0)).isEqualTo(1);
        assertThat(s.monetaryValueHoldout(0)).isEqualTo(8.0);
        assertThat(s.durationHoldout(1)).isCloseTo(91 / 30.4375, within(1e-12));
    }

    @Test
    void summarize_transactionAfterObservationEnd_exitsTwo(@TempDir Path dir) throws IOException {
        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, "customer,date\nc1,2024-01-02\nc2,2024-02-20\n");
        int code = run("summarize", "--transactions", tx.toString(), "--customer-col", "1",
                "--date-col", "2", "--calibration-end", "2024-01-31", "--observation-end",
                "2024-02-10", "--out", dir.resolve("s.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("tx.csv: line 3").contains("observation end");
    }

    @Test
    void summarize_calibrationEndAfterObservationEnd_exitsTwo(@TempDir Path dir) throws IOException {
        Path tx = dir.resolve("tx.csv");
        Files.writeString(tx, "customer,date\nc1,2024-01-02\n");
        int code = run("summarize", "--transactions", tx.toString(), "--customer-col", "1",
                "--date-col", "2", "--calibration-end", "2024-03-01", "--observation-end",
                "2024-02-10", "--time-unit", "weeks", "--out", dir.resolve("s.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("2024-03-01").contains("2024-02-10");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void summarize_unknownTimeUnitOrMissingFile_exitsTwo(@TempDir Path dir) {
        int code = run("summarize", "--transactions", dir.resolve("none.csv").toString(),
                "--customer-col", "1", "--date-col", "2", "--time-unit", "years", "--out",
                dir.resolve("s.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("years");
        err.getBuffer().setLength(0);
        code = run("summarize", "--transactions", dir.resolve("none.csv").toString(),
                "--customer-col", "1", "--date-col", "2", "--out", dir.resolve("s.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("none.csv").contains("no such file");
    }
}
