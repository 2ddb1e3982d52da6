package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TransactionCsvTest {
    private static final TransactionCsv BY_NAME = TransactionCsv.builder()
            .customerColumn(ColumnSelector.byName("customer"))
            .dateColumn(ColumnSelector.byName("date"))
            .amountColumn(ColumnSelector.byName("amount"))
            .build();

    private static TransactionLog read(TransactionCsv csv, String text) throws IOException {
        return csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv");
    }

    @Test
    void read_commaWithHeaderByName() throws IOException {
        TransactionLog log = read(BY_NAME, "\uFEFFdate,customer,amount,channel\r\n"
                + "2024-01-05,c1,20.5,web\r\n"
                + "\r\n"
                + "2024-02-01T10:15:00,\"c,2\",-3,shop\r\n");
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.customerId(log.customerIndex(1))).isEqualTo("c,2");
        assertThat(log.date(0)).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(log.date(1)).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(log.amount(0)).isEqualTo(20.5);
        assertThat(log.amount(1)).isEqualTo(-3.0);
    }

    @Test
    void read_whitespaceWithoutHeaderByPosition() throws IOException {
        TransactionCsv csv = TransactionCsv.builder().delimiter(CsvDelimiter.WHITESPACE)
                .header(false).customerColumn(ColumnSelector.parse("2"))
                .dateColumn(ColumnSelector.parse("3")).amountColumn(ColumnSelector.parse("5"))
                .dateFormat("yyyyMMdd").build();
        TransactionLog log = read(csv, " 00004 0001 19970101  2   29.33\n"
                + " 00004 0001 19970118\t2   29.73\n"
                + " 00021 0002 19970101  3   63.34");
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.customerCount()).isEqualTo(2);
        assertThat(log.customerId(0)).isEqualTo("0001");
        assertThat(log.date(1)).isEqualTo(LocalDate.of(1997, 1, 18));
        assertThat(log.amount(2)).isEqualTo(63.34);
    }

    @Test
    void read_otherDatePatternAndNoAmountColumn() throws IOException {
        TransactionCsv csv = TransactionCsv.builder().delimiter(CsvDelimiter.SEMICOLON)
                .customerColumn(ColumnSelector.byName("id"))
                .dateColumn(ColumnSelector.byPosition(2)).dateFormat("dd.MM.yyyy").build();
        TransactionLog log = read(csv, "id;when\n7;29.02.2024\n");
        assertThat(log.date(0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(log.amount(0)).isZero();
        assertThatThrownBy(() -> read(csv, "id;when\n7;30.02.2024\n"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("30.02.2024");
    }

    @Test
    void read_badDate_namesLineAndColumn() {
        assertThatThrownBy(() -> read(BY_NAME, "customer,date,amount\nc1,2024-01-05,1\n"
                + "c1,2024-13-01,2\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getFile()).isEqualTo("t.csv");
                    assertThat(e.getLine()).isEqualTo(3);
                    assertThat(e.getColumn()).isEqualTo("date");
                    assertThat(e.getMessage()).contains("2024-13-01");
                });
    }

    @Test
    void read_badAmount_namesLineAndColumn() {
        for (String bad : new String[] {"12a", "NaN", "Infinity", "", "1.5d", "--1"}) {
            assertThatThrownBy(() -> read(BY_NAME, "customer,date,amount\nc1,2024-01-05," + bad
                    + "\n"))
                    .as(bad)
                    .isInstanceOfSatisfying(CsvInputException.class, e -> {
                        assertThat(e.getLine()).isEqualTo(2);
                        assertThat(e.getColumn()).isEqualTo("amount");
                    });
        }
    }

    @Test
    void read_parsesDecimalsExactly() throws IOException {
        String[] numbers = {"0.1", "29.33", "-0.07", "123456789.123456", "1e3", "00012.50",
            "9007199254740993", ".5"};
        StringBuilder sb = new StringBuilder("customer,date,amount\n");
        for (String n : numbers) {
            sb.append("c,2024-01-01,").append(n).append('\n');
        }
        TransactionLog log = read(BY_NAME, sb.toString());
        for (int i = 0; i < numbers.length; i++) {
            assertThat(log.amount(i)).as(numbers[i]).isEqualTo(Double.parseDouble(numbers[i]));
        }
    }

    @Test
    void read_missingFieldsAndColumns_areRejected() {
        assertThatThrownBy(() -> read(BY_NAME, "customer,date,amount\nc1,2024-01-05\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.getColumn()).isEqualTo("amount");
                });
        assertThatThrownBy(() -> read(BY_NAME, "customer,day,amount\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo("date");
                });
        TransactionCsv noHeader = TransactionCsv.builder().header(false)
                .customerColumn(ColumnSelector.byName("customer"))
                .dateColumn(ColumnSelector.byPosition(2)).build();
        assertThatThrownBy(() -> read(noHeader, "c1,2024-01-05\n"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("header");
        assertThatThrownBy(() -> read(BY_NAME, "customer,date,amount\n,2024-01-05,1\n"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("empty customer id");
        assertThatThrownBy(() -> read(BY_NAME, "customer,date,amount\n\"c1,2024-01-05,1\n"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("unterminated");
    }

    @Test
    void read_latestDate_rejectsLaterTransactions() {
        TransactionCsv csv = TransactionCsv.builder()
                .customerColumn(ColumnSelector.byName("customer"))
                .dateColumn(ColumnSelector.byName("date"))
                .latestDate(LocalDate.of(2024, 1, 31)).build();
        assertThatThrownBy(() -> read(csv, "customer,date\nc,2024-01-31\nc,2024-02-01\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("after the observation end");
                });
    }

    @Test
    void read_longLinesAcrossBufferBoundaries() throws IOException {
        StringBuilder sb = new StringBuilder("customer,date,amount,pad\n");
        String pad = "p".repeat(5000);
        for (int i = 0; i < 200; i++) {
            sb.append("c").append(i % 7).append(",2024-01-0").append(1 + i % 9).append(',')
                    .append(i).append(',').append(pad).append('\n');
        }
        TransactionLog log = read(BY_NAME, sb.toString());
        assertThat(log.size()).isEqualTo(200);
        assertThat(log.amount(199)).isEqualTo(199.0);
        assertThat(log.customerCount()).isEqualTo(7);
    }

    @Test
    void builder_requiresColumnsAndRejectsRepeats() {
        assertThatThrownBy(() -> TransactionCsv.builder().build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TransactionCsv.builder().header(true).header(false))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TransactionCsv.builder().dateFormat("yyyy-qq-ZZZZZZ"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColumnSelector.parse("0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CsvDelimiter.parse("whitespace")).isEqualTo(CsvDelimiter.WHITESPACE);
        assertThat(CsvDelimiter.parse(",")).isEqualTo(CsvDelimiter.COMMA);
    }
}
