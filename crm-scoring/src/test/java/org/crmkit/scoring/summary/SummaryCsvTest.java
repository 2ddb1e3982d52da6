package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCsvTest {
    private static CustomerSummaries read(String text) throws IOException {
        return SummaryCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "s.csv");
    }

    /** Hands out one byte per read, so that every CR is the last byte the scanner has. */
    private static final class OneByteAtATime extends java.io.InputStream {
        private final byte[] bytes;
        private int next;

        OneByteAtATime(String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }

    @Test
    void read_acceptsLf_CrLf_loneCr_andMixed_inCommentsHeaderAndRows() throws IOException {
        String[] lines = {"# time_unit=weeks", "customer_id,frequency,recency,T", "a,1,2,3", "b,0,0,3.5",
            " ", "\"c\rd\",4,2.5,6"};
        String[][] ends = {{"\n"}, {"\r\n"}, {"\r"}, {"\r", "\n", "\r\n"}, {"\r\n", "\r", "\n"}};
        for (String[] end : ends) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                b.append(lines[i]).append(end[i % end.length]);
            }
            for (boolean trickle : new boolean[] {false, true}) {
                CustomerSummaries s = trickle
                        ? SummaryCsv.read(new OneByteAtATime(b.toString()), "s.csv") : read(b.toString());
                String what = String.join("+", end).replace("\r", "CR").replace("\n", "LF")
                        + (trickle ? " one byte per read" : "");
                assertThat(s.timeUnit()).as(what).contains(TimeUnit.WEEKS);
                assertThat(s.size()).as(what).isEqualTo(3);
                assertThat(s.customerId(2)).as(what).isEqualTo("c\rd"); // a quoted CR is text
                assertThat(s.frequency(2)).as(what).isEqualTo(4);
                assertThat(s.recency(2)).as(what).isEqualTo(2.5);
                assertThat(s.t(2)).as(what).isEqualTo(6.0);
                // line numbers count every line end once: a CRLF is one line end, not two
                assertThat(s.sourceLine(0)).as(what).isEqualTo(3);
                assertThat(s.sourceLine(2)).as(what).isEqualTo(6);
            }
        }
        // the example of the defect report: lone CRs only, ending with one
        CustomerSummaries s = read("# time_unit=weeks\rcustomer_id,frequency,recency,T\ra,1,2,3\r");
        assertThat(s.timeUnit()).contains(TimeUnit.WEEKS);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.t(0)).isEqualTo(3.0);
        // an error names the line counted with lone CRs as line ends
        assertThatThrownBy(() -> read("customer_id,frequency,recency,T\ra,1,2,3\rb,x,2,3\r"))
                .isInstanceOf(CsvInputException.class)
                .satisfies(e -> assertThat(((CsvInputException) e).line()).isEqualTo(3));
    }

    @Test
    void write_usesDesignColumnNamesAndRootLocaleNumbers() throws IOException {
        CustomerSummaries s = CustomerSummaries.builder()
                .add("1", 2, 30.5, 38.75, 22.35)
                .add("a,b", 0, 0.0, 1.5, 0.0)
                .build();
        StringWriter w = new StringWriter();
        SummaryCsv.write(w, s);
        assertThat(w.toString()).isEqualTo("customer_id,frequency,recency,T,monetary_value\n"
                + "1,2,30.5,38.75,22.35\n"
                + "\"a,b\",0,0.0,1.5,0.0\n");
    }

    /**
     * The parallel write gives the bytes of the sequential one, for more rows than one round
     * of parts, with ids that need quoting and the spreadsheet guard; every line reads back
     * to the id and numbers that went in (parsed here with {@code Double.parseDouble}).
     */
    @Test
    void write_inParallelParts_equalsTheSequentialTextAndRoundTrips() throws IOException {
        Random rnd = new Random(18);
        CustomerSummaries.Builder b = CustomerSummaries.builder();
        int n = 300_001;
        String[] ids = new String[n];
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            int x = rnd.nextInt(40);
            double t = 1 + rnd.nextInt(5000) / 7.0;
            double tx = x == 0 ? 0 : Math.min(t, rnd.nextInt(5000) / 7.0);
            double m = x == 0 ? 0 : rnd.nextInt(1_000_000) / 100.0;
            ids[i] = i % 1000 == 7 ? "=a" + i : "C" + i;
            values[i] = new double[] {x, tx, t, m};
            b.add(ids[i], x, tx, t, m);
        }
        CustomerSummaries s = b.build();
        java.io.ByteArrayOutputStream parallel = new java.io.ByteArrayOutputStream();
        SummaryCsv.write(parallel, s, true, org.crmkit.scoring.Parallelism.commonPool());
        StringWriter sequential = new StringWriter();
        SummaryCsv.write(sequential, s, true);
        String text = parallel.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(sequential.toString());
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(n + 1);
        assertThat(lines[0]).isEqualTo("customer_id,frequency,recency,T,monetary_value");
        for (int i = 0; i < n; i++) {
            String[] f = lines[i + 1].split(",");
            assertThat(f[0]).isEqualTo(ids[i].startsWith("=") ? "'" + ids[i] : ids[i]);
            for (int k = 0; k < 4; k++) {
                assertThat(Double.parseDouble(f[k + 1])).isEqualTo(values[i][k]);
            }
        }
    }

    @Test
    void read_roundTripsWrittenSummariesExactly(@TempDir Path dir) throws IOException {
        Random rnd = new Random(3);
        TransactionLog.Builder b = TransactionLog.builder();
        for (int i = 0; i < 3000; i++) {
            b.add("c\"" + rnd.nextInt(200), LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(400)),
                    rnd.nextInt(10_000) / 7.0);
        }
        CustomerSummaries s = Summarizer.builder().timeUnit(TimeUnit.WEEKS)
                .calibrationEnd(LocalDate.of(2020, 10, 1)).build().summarize(b.build());
        assertThat(s.hasHoldout()).isTrue();
        Path file = dir.resolve("s.csv");
        SummaryCsv.write(file, s);
        CustomerSummaries back = SummaryCsv.read(file);
        assertThat(back.size()).isEqualTo(s.size());
        assertThat(back.customerIdColumn()).isEqualTo(s.customerIdColumn());
        assertThat(back.frequencyColumn()).isEqualTo(s.frequencyColumn());
        assertThat(back.recencyColumn()).isEqualTo(s.recencyColumn());
        assertThat(back.tColumn()).isEqualTo(s.tColumn());
        assertThat(back.monetaryValueColumn()).isEqualTo(s.monetaryValueColumn());
        assertThat(back.frequencyHoldoutColumn()).isEqualTo(s.frequencyHoldoutColumn());
        assertThat(back.monetaryValueHoldoutColumn()).isEqualTo(s.monetaryValueHoldoutColumn());
        assertThat(back.durationHoldoutColumn()).isEqualTo(s.durationHoldoutColumn());
        assertThat(back.hasPurchaseHistory()).isFalse();
    }

    @Test
    void read_ignoresExtraColumnsAndAcceptsAnyOrder() throws IOException {
        CustomerSummaries s = read("T,note,customer_id,recency,frequency,monetary_value,p_alive\n"
                + "10,hello,7,4,2.0,12.5,0.9\n");
        assertThat(s.customerId(0)).isEqualTo("7");
        assertThat(s.frequency(0)).isEqualTo(2);
        assertThat(s.recency(0)).isEqualTo(4.0);
        assertThat(s.t(0)).isEqualTo(10.0);
        assertThat(s.monetaryValue(0)).isEqualTo(12.5);
        assertThat(s.hasHoldout()).isFalse();
    }

    @Test
    void read_acceptsIdColumnAndMissingMonetaryValue() throws IOException {
        CustomerSummaries s = read("ID,frequency,recency,T\r\n1,2,30.43,38.86\r\n2,0,0,38.86\r\n");
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.hasMonetaryValue()).isFalse();
        assertThat(s.monetaryValue(1)).isZero();
    }

    @Test
    void read_badNumber_namesFileLineAndColumn() {
        assertThatThrownBy(() -> read("customer_id,frequency,recency,T,monetary_value\n"
                + "1,1,2,3,4\n\n2,1,x2,3,4\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getFile()).isEqualTo("s.csv");
                    assertThat(e.getLine()).isEqualTo(4);
                    assertThat(e.getColumn()).isEqualTo("recency");
                    assertThat(e.getMessage()).startsWith("s.csv:4: field 'recency':")
                            .contains("x2");
                });
    }

    @Test
    void read_fractionalFrequency_isRejected() {
        assertThatThrownBy(() -> read("customer_id,frequency,recency,T\n1,1.5,2,3\n"))
                .isInstanceOfSatisfying(CsvInputException.class,
                        e -> assertThat(e.getColumn()).isEqualTo("frequency"));
    }

    @Test
    void read_inconsistentRow_isRejectedWithLine() {
        assertThatThrownBy(() -> read("customer_id,frequency,recency,T\n1,1,5,3\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("T must be");
                });
        assertThatThrownBy(() -> read("customer_id,frequency,recency,T\n1,0,2,3\n"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("recency must be 0");
    }

    @Test
    void read_missingColumns_areRejected() {
        assertThatThrownBy(() -> read("customer_id,frequency,T\n1,1,3\n"))
                .isInstanceOfSatisfying(CsvInputException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(1);
                    assertThat(e.getColumn()).isEqualTo("recency");
                });
        assertThatThrownBy(() -> read("customer_id,frequency,recency,T,frequency_holdout\n"))
                .isInstanceOfSatisfying(CsvInputException.class,
                        e -> assertThat(e.getColumn()).isEqualTo("monetary_value_holdout"));
        assertThatThrownBy(() -> read("customer_id,frequency,recency,T\n1,0,0\n"))
                .isInstanceOfSatisfying(CsvInputException.class,
                        e -> assertThat(e.getLine()).isEqualTo(2));
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("empty");
    }

    @Test
    void read_quotedIdsAndNegativeMonetaryValues() throws IOException {
        CustomerSummaries s = read("customer_id,frequency,recency,T,monetary_value\n"
                + "\"x \"\"y\"\", z\",1,1,2,-3.25\n");
        assertThat(s.customerId(0)).isEqualTo("x \"y\", z");
        assertThat(s.monetaryValue(0)).isEqualTo(-3.25);
    }

    @Test
    void read_periodsAndWeightsWithoutIds_numbersTheRows() throws IOException {
        CustomerSummaries s = read("frequency,recency,periods,weights\n0,0,6,3464\n\n1,1,6,1091\n");
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.customerId(1)).isEqualTo("2");
        assertThat(s.t(1)).isEqualTo(6.0);
        assertThat(s.hasWeights()).isTrue();
        assertThat(s.weightsColumn()).containsExactly(3464.0, 1091.0);
        StringWriter w = new StringWriter();
        SummaryCsv.write(w, s);
        assertThat(w.toString()).isEqualTo("customer_id,frequency,recency,T,monetary_value,weights\n"
                + "1,0,0.0,6.0,0.0,3464.0\n2,1,1.0,6.0,0.0,1091.0\n");
        assertThat(read(w.toString()).weightsColumn()).containsExactly(3464.0, 1091.0);
    }

    @Test
    void read_withoutWeights_everyRowWeighsOne() throws IOException {
        CustomerSummaries s = read("customer_id,frequency,recency,T\na,1,2,3\n");
        assertThat(s.hasWeights()).isFalse();
        assertThat(s.weight(0)).isEqualTo(1.0);
    }

    @Test
    void read_badWeights_areRejectedWithLine() {
        assertThatThrownBy(() -> read("frequency,recency,periods,weights\n0,0,6,0\n"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining(":2:")
                .hasMessageContaining("weight must be finite and > 0: 0.0");
        assertThatThrownBy(() -> read("customer_id,frequency,recency,T,frequency_holdout,"
                + "monetary_value_holdout,duration_holdout,weights\n"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("field 'weights'");
        assertThatThrownBy(() -> read("frequency,recency,T\n0,0,6\n"))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("field 'customer_id'");
    }

    @Test
    void appendField_quotesOnlyWhatNeedsIt() {
        assertThat(SummaryCsv.appendField(new StringBuilder("x,"), "plain")).hasToString("x,plain");
        assertThat(SummaryCsv.appendField(new StringBuilder(), "a,b")).hasToString("\"a,b\"");
        assertThat(SummaryCsv.appendField(new StringBuilder(), "say \"hi\"")).hasToString("\"say \"\"hi\"\"\"");
        assertThat(SummaryCsv.appendField(new StringBuilder(), "")).hasToString("\"\"");
        assertThat(SummaryCsv.appendField(new StringBuilder(), " padded")).hasToString("\" padded\"");
        assertThatThrownBy(() -> SummaryCsv.appendField(new StringBuilder(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("value");
    }
}
