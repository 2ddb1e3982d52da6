package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 point 3: input is decoded strictly (UTF-8, field counts, distinct ids, dates in a
 * plausible range, a byte order mark accepted alike), and every error names file, 1-based
 * line and column.
 */
class StrictReadingTest {
    private static final TransactionCsv CSV = TransactionCsv.builder()
            .customerColumn(ColumnSelector.byName("customer"))
            .dateColumn(ColumnSelector.byName("date"))
            .amountColumn(ColumnSelector.byName("amount"))
            .build();

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes((byte[]) p);
            }
        }
        return out.toByteArray();
    }

    private static TransactionLog transactions(TransactionCsv csv, byte[] content) throws IOException {
        return csv.read(new ByteArrayInputStream(content), "t.csv");
    }

    private static CustomerSummaries summaries(byte[] content) throws IOException {
        return SummaryCsv.read(new ByteArrayInputStream(content), "s.csv");
    }

    @Test
    void read_invalidUtf8InIds_isAnErrorNotAMerge() {
        // two different ids that a replacing decoder turns into the same "c\uFFFD"
        byte[] content = bytes("customer,date,amount\nc", new byte[] {(byte) 0xFF},
                ",2024-01-01,1\nc", new byte[] {(byte) 0xFE}, ",2024-01-02,1\n");
        assertThatThrownBy(() -> transactions(CSV, content))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getFile()).isEqualTo("t.csv");
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.getColumn()).isEqualTo("customer");
                    assertThat(e.getReason()).contains("invalid UTF-8").contains("0xFF");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0 80", "E0 80 80", "ED A0 80", "F4 90 80 80", "F5 80 80 80", "80",
        "C3", "E2 82", "C3 28"})
    void read_malformedUtf8_isRejectedInEveryReader(String hex) {
        String[] parts = hex.split(" ");
        byte[] bad = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bad[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        assertThatThrownBy(() -> transactions(CSV, bytes("customer,date,amount\nok,2024-01-01,1\nx",
                bad, ",2024-01-01,1\n")))
                .isInstanceOfSatisfying(CsvInputException.class, e -> assertThat(e.getLine()).isEqualTo(3));
        assertThatThrownBy(() -> summaries(bytes("customer_id,frequency,recency,T\nx", bad, ",0,0,5\n")))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.getColumn()).isEqualTo("customer_id");
                });
    }

    @Test
    void read_validMultibyteUtf8_keepsIdsApart() throws IOException {
        TransactionLog log = transactions(CSV, bytes("customer,date,amount\n",
                "Zoë,2024-01-01,1\nZoe,2024-01-01,1\n日本,2024-01-02,2\n\uD83D\uDE00,2024-01-03,3\n"));
        assertThat(log.customerCount()).isEqualTo(4);
        assertThat(log.customerId(0)).isEqualTo("Zoë");
        assertThat(log.customerId(2)).isEqualTo("日本");
        assertThat(log.customerId(3)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void read_fieldCountDiffersFromHeader_isAnError() {
        assertThatThrownBy(() -> transactions(CSV, bytes("customer,date,amount\nc,2024-01-01,1,extra\n")))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.getColumn()).isEqualTo("4");
                    assertThat(e.getReason()).contains("4 fields").contains("header 3");
                });
        assertThatThrownBy(() -> transactions(CSV, bytes("customer,date,amount,note\nc,2024-01-01,1\n")))
                .isInstanceOfSatisfying(CsvInputException.class, e -> assertThat(e.getColumn()).isEqualTo("note"));
        assertThatThrownBy(() -> summaries(bytes("customer_id,frequency,recency,T\na,0,0,5\nb,0,0,5,9\n")))
                .isInstanceOfSatisfying(CsvInputException.class, e -> assertThat(e.getLine()).isEqualTo(3));
        assertThatThrownBy(() -> summaries(bytes("customer_id,frequency,recency,T,note\na,0,0,5\n")))
                .isInstanceOfSatisfying(CsvInputException.class, e -> assertThat(e.getColumn()).isEqualTo("note"));
        TransactionCsv noHeader = TransactionCsv.builder().header(false)
                .delimiter(CsvDelimiter.WHITESPACE)
                .customerColumn(ColumnSelector.byPosition(1))
                .dateColumn(ColumnSelector.byPosition(2)).dateFormat("yyyyMMdd").build();
        assertThatThrownBy(() -> transactions(noHeader, bytes("1 19970101 1\n2 19970102 1 7\n")))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.getReason()).contains("first line");
                });
    }

    @Test
    void read_duplicateCustomerIdInSummary_namesBothLines() {
        assertThatThrownBy(() -> summaries(bytes("customer_id,frequency,recency,T\na,0,0,5\nb,1,2,5\n\na,0,0,4\n")))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(5);
                    assertThat(e.getColumn()).isEqualTo("customer_id");
                    assertThat(e.getReason()).contains("duplicate customer id").contains("line 2");
                });
        assertThatThrownBy(() -> CustomerSummaries.builder().add("a", 0, 0, 5, 0).add("a", 0, 0, 5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31", "2020-02-01Tgarbage", "1899-12-31", "2200-01-01",
        "2020-02-01T25:00", "2020-02-01T10:15:30+", "2020-02-01T", "2020-02-01T10", "2020-02-30",
        "2020-02-01T10:15:30.1234567890", "2020-02-01X"})
    void read_implausibleOrMalformedDate_isAnError(String date) {
        assertThatThrownBy(() -> transactions(CSV, bytes("customer,date,amount\nc,2024-01-01,1\nc," + date + ",1\n")))
                .as(date)
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(3);
                    assertThat(e.getColumn()).isEqualTo("date");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-01T10:15", "2020-02-01T10:15:30", "2020-02-01T10:15:30.5Z",
        "2020-02-01 10:15:30", "2020-02-01T10:15:30+01:00", "2020-02-01T10:15:30-0530",
        "2020-02-01T23:59:59.123456789+14", "1900-01-01", "2199-12-31"})
    void read_wellFormedDateWithTime_isTheCalendarDate(String date) throws IOException {
        TransactionLog log = transactions(CSV, bytes("customer,date,amount\nc," + date + ",1\n"));
        assertThat(log.date(0)).isEqualTo(LocalDate.parse(date.substring(0, 10)));
    }

    @Test
    void read_outOfRangeDateInOtherPatterns_isAnError() {
        TransactionCsv compact = TransactionCsv.builder().header(false)
                .customerColumn(ColumnSelector.byPosition(1))
                .dateColumn(ColumnSelector.byPosition(2)).dateFormat("yyyyMMdd").build();
        assertThatThrownBy(() -> transactions(compact, bytes("c,99991231\n")))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("1900-01-01 .. 2199-12-31");
        TransactionCsv german = TransactionCsv.builder().header(false)
                .customerColumn(ColumnSelector.byPosition(1))
                .dateColumn(ColumnSelector.byPosition(2)).dateFormat("dd.MM.yyyy").build();
        assertThatThrownBy(() -> transactions(german, bytes("c,31.12.9999\n")))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("range");
    }

    @Test
    void read_byteOrderMark_isAcceptedByEveryCsvReader() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        TransactionLog log = transactions(CSV, bytes(bom, "customer,date,amount\nc,2024-01-01,1\n"));
        assertThat(log.customerId(0)).isEqualTo("c");
        CustomerSummaries s = summaries(bytes(bom, "customer_id,frequency,recency,T\na,0,0,5\n"));
        assertThat(s.customerId(0)).isEqualTo("a");
        CustomerSummaries commented = summaries(bytes(bom, "# time_unit=weeks\ncustomer_id,frequency,recency,T\na,0,0,5\n"));
        assertThat(commented.timeUnit()).contains(TimeUnit.WEEKS);
    }
}
