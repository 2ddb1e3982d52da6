package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 point 18: SummaryCsv reads the column names of lifetimes and of the papers, and
 * the time unit travels in the file.
 */
class SummaryColumnNamesTest {

    private static CustomerSummaries read(String text) throws IOException {
        return SummaryCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "s.csv");
    }

    @Test
    void read_lifetimesCalibrationAndHoldoutNames() throws IOException {
        // the columns of lifetimes.utils.calibration_and_holdout_data(..., monetary_value_col=...)
        CustomerSummaries s = read("customer_id,frequency_cal,recency_cal,T_cal,monetary_value_cal,"
                + "frequency_holdout,monetary_value_holdout,duration_holdout\n"
                + "7,2.0,30.0,38.0,22.5,1.0,10.0,39.0\n");
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isEqualTo(30.0);
        assertThat(s.t(0)).isEqualTo(38.0);
        assertThat(s.monetaryValue(0)).isEqualTo(22.5);
        assertThat(s.frequencyHoldout(0)).isEqualTo(1);
        assertThat(s.durationHoldout(0)).isEqualTo(39.0);
        assertThat(s.columnName("frequency")).isEqualTo("frequency_cal");
    }

    @Test
    void read_publishedCdnowSummaryWithZbar() throws IOException {
        Path file = Path.of(System.getProperty("crm.data.dir", "../../shared/data"))
                .resolve("cdnow_customers_summary_with_transactions.csv");
        assumeTrue(Files.isRegularFile(file), "reference file " + file + " is absent");
        CustomerSummaries s = SummaryCsv.read(file);
        // first line of the file: 1,2,30.43,38.86,22.35 (ID,x,t_x,T,zbar)
        assertThat(s.size()).isEqualTo(2357);
        assertThat(s.customerId(0)).isEqualTo("1");
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isEqualTo(30.43);
        assertThat(s.t(0)).isEqualTo(38.86);
        assertThat(s.monetaryValue(0)).isEqualTo(22.35);
        assertThat(s.hasMonetaryValue()).isTrue();
        assertThat(s.columnName("monetary_value")).isEqualTo("zbar");
        assertThat(s.sourceLine(0)).isEqualTo(2);
    }

    @Test
    void read_twoNamesOfOneColumn_isAnError() {
        assertThatThrownBy(() -> read("customer_id,frequency,x,recency,T\na,1,1,2,5\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo("x");
                    assertThat(e.getReason()).contains("'frequency'").contains("'x'");
                });
    }

    @Test
    void write_timeUnitComment_readsBack() throws IOException {
        TransactionLog log = TransactionLog.builder()
                .add("a", LocalDate.of(2024, 1, 1), 5).add("a", LocalDate.of(2024, 2, 1), 6).build();
        CustomerSummaries s = Summarizer.builder().timeUnit(TimeUnit.MONTHS)
                .calibrationEnd(LocalDate.of(2024, 3, 1)).build().summarize(log);
        StringWriter w = new StringWriter();
        SummaryCsv.write(w, s);
        assertThat(w.toString()).startsWith("# time_unit=months\ncustomer_id,frequency,");
        CustomerSummaries back = read(w.toString());
        assertThat(back.timeUnit()).contains(TimeUnit.MONTHS);
        assertThat(back.sourceLine(0)).isEqualTo(3);
        assertThat(back.t(0)).isEqualTo(s.t(0));
    }

    @Test
    void read_noUnitComment_hasNoUnit_andOtherCommentsAreIgnored() throws IOException {
        assertThat(read("customer_id,frequency,recency,T\na,0,0,5\n").timeUnit()).isEmpty();
        assertThat(read("# exported 2024-07-01\n# source=crm\ncustomer_id,frequency,recency,T\na,0,0,5\n")
                .timeUnit()).isEmpty();
    }

    @Test
    void read_badOrRepeatedUnit_isAnError() {
        assertThatThrownBy(() -> read("# time_unit=fortnights\ncustomer_id,frequency,recency,T\na,0,0,5\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo("time_unit");
                });
        assertThatThrownBy(() -> read("# time_unit=weeks\n# time_unit=days\ncustomer_id,frequency,recency,T\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> assertThat(e.getLine()).isEqualTo(2));
    }
}
