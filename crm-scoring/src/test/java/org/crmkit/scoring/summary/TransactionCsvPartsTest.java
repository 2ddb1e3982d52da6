package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.crmkit.scoring.Parallelism;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel read of a file in parts: for every cut, the same log as the sequential read of
 * the same bytes, and for invalid content the same error (file, line, column, reason).
 */
class TransactionCsvPartsTest {
    private static ExecutorService pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private static TransactionCsv byName() {
        return TransactionCsv.builder().parallelism(Parallelism.of(pool, 4))
                .customerColumn(ColumnSelector.byName("customer"))
                .dateColumn(ColumnSelector.byName("date"))
                .amountColumn(ColumnSelector.byName("amount")).build();
    }

    private static TransactionCsv cdnowLayout() {
        return TransactionCsv.builder().parallelism(Parallelism.of(pool, 4)).delimiter(CsvDelimiter.WHITESPACE)
                .header(false).customerColumn(ColumnSelector.byPosition(2))
                .dateColumn(ColumnSelector.byPosition(3)).dateFormat("yyyyMMdd")
                .amountColumn(ColumnSelector.byPosition(5)).build();
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "t", ".csv");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** A comma file with a BOM, CR-LF line ends, blank lines, quoted ids and customers across cuts. */
    private static String commaText(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("\uFEFFdate,customer,amount\r\n");
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(20) == 0) {
                b.append("\r\n");
            }
            int c = r.nextInt(rows / 3 + 1);
            String id = c % 7 == 0 ? "\"c," + c + "\"" : "c" + c;
            b.append(LocalDate.of(2020, 1, 1).plusDays(r.nextInt(900))).append(',').append(id).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", r.nextInt(10_000) / 100.0)).append("\r\n");
        }
        return b.toString();
    }

    private static void assertSameLog(TransactionLog actual, TransactionLog expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.customerCount()).isEqualTo(expected.customerCount());
        for (int c = 0; c < expected.customerCount(); c++) {
            assertThat(actual.customerId(c)).isEqualTo(expected.customerId(c));
        }
        for (int t = 0; t < expected.size(); t++) {
            assertThat(actual.customerIndex(t)).isEqualTo(expected.customerIndex(t));
            assertThat(actual.epochDay(t)).isEqualTo(expected.epochDay(t));
            assertThat(actual.amount(t)).isEqualTo(expected.amount(t));
        }
    }

    @Test
    void parts_giveTheSequentialLog_withHeaderBomBlankLinesAndQuotes() throws IOException {
        Path f = write(commaText(2_000, 1));
        TransactionLog sequential = byName().read(f, 1);
        assertThat(sequential.size()).isEqualTo(2_000);
        for (int parts : new int[] {2, 3, 7, 64, 300}) {
            assertSameLog(byName().read(f, parts), sequential);
        }
    }

    @Test
    void parts_giveTheSequentialLog_withLoneCrAndMixedLineEnds() throws IOException {
        String crlf = commaText(2_000, 5);
        TransactionLog expected = byName().read(write(crlf), 1);
        String[] lines = crlf.split("\r\n", -1);
        StringBuilder lone = new StringBuilder();
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            lone.append(lines[i]).append(i + 1 < lines.length ? "\r" : "");
            mixed.append(lines[i]).append(i + 1 < lines.length ? new String[] {"\r", "\n", "\r\n"}[i % 3] : "");
        }
        for (String text : new String[] {lone.toString(), mixed.toString()}) {
            Path f = write(text);
            assertSameLog(byName().read(f, 1), expected);
            for (int parts : new int[] {2, 3, 7, 64, 300}) {
                assertSameLog(byName().read(f, parts), expected);
            }
        }
        // an error names the same line, read whole or in parts, whatever the line ends
        lines[1_500] = "2021-02-30,c1,3.00";
        Path bad = write(String.join("\r", lines));
        for (int parts : new int[] {1, 2, 5, 16}) {
            CsvInputException e = org.junit.jupiter.api.Assertions.assertThrows(CsvInputException.class,
                    () -> byName().read(bad, parts));
            assertThat(e.line()).isEqualTo(1_501L);
        }
    }

    @Test
    void parts_giveTheSequentialLog_withoutHeader() throws IOException {
        StringBuilder b = new StringBuilder("\uFEFF");
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 1_500; i++) {
            int c = i / 3;
            b.append(String.format(Locale.ROOT, " %05d %04d %s %2d %8.2f%n", c, c,
                    LocalDate.of(1997, 1, 1).plusDays(r.nextInt(540)).toString().replace("-", ""),
                    1 + r.nextInt(5), r.nextInt(30_000) / 100.0));
        }
        Path f = write(b.toString());
        TransactionLog sequential = cdnowLayout().read(f, 1);
        assertThat(sequential.size()).isEqualTo(1_500);
        assertThat(sequential.customerCount()).isEqualTo(500);
        for (int parts : new int[] {2, 4, 9}) {
            assertSameLog(cdnowLayout().read(f, parts), sequential);
        }
    }

    @Test
    void parts_ofHeaderOnlyOrEmptyFiles() throws IOException {
        assertThat(byName().read(write("date,customer,amount\n"), 4).size()).isZero();
        assertThat(cdnowLayout().read(write(""), 4).size()).isZero();
        assertThatThrownBy(() -> byName().read(write(""), 4)).isInstanceOf(CsvInputException.class)
                .hasMessageContaining("no header line");
    }

    /** Puts a defect on one line of a valid file and reads it sequentially and in parts. */
    private void assertSameError(String defect, int atRow) throws IOException {
        String[] lines = commaText(1_200, 3).split("\r\n", -1);
        lines[atRow] = defect;
        Path f = write(String.join("\r\n", lines));
        CsvInputException expected = null;
        try {
            byName().read(f, 1);
        } catch (CsvInputException e) {
            expected = e;
        }
        assertThat(expected).as("the sequential read rejects the file").isNotNull();
        for (int parts : new int[] {2, 5, 16}) {
            CsvInputException e = org.junit.jupiter.api.Assertions.assertThrows(CsvInputException.class,
                    () -> byName().read(f, parts));
            assertThat(e.getMessage()).isEqualTo(expected.getMessage());
            assertThat(e.line()).isEqualTo(expected.line()).isEqualTo(atRow + 1L);
        }
    }

    @Test
    void parts_reportTheSameErrorAsTheSequentialRead() throws IOException {
        assertSameError("2021-02-30,c1,3.00", 1_000);
        assertSameError("2021-02-03,c1", 700);
        assertSameError("2021-02-03,,1.00", 5);
        assertSameError("2021-02-03,c1,1.0,extra", 1_199);
        assertSameError("2021-02-03,c1,abc", 450);
    }

    @Test
    void parts_reportInvalidUtf8OnItsLine() throws IOException {
        byte[] good = commaText(900, 4).getBytes(StandardCharsets.UTF_8);
        String text = new String(good, StandardCharsets.UTF_8);
        int line = 600;
        int at = 0;
        for (int i = 0; i < line; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        // at is the byte offset of line 601 (text is ASCII after the 3-byte BOM)
        int offset = at + 2;
        byte[] bad = good.clone();
        bad[offset + 11] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        Path f = Files.createTempFile(dir, "u", ".csv");
        Files.write(f, bad);
        CsvInputException sequential = org.junit.jupiter.api.Assertions.assertThrows(CsvInputException.class,
                () -> byName().read(f, 1));
        CsvInputException parallel = org.junit.jupiter.api.Assertions.assertThrows(CsvInputException.class,
                () -> byName().read(f, 3));
        assertThat(parallel.getMessage()).isEqualTo(sequential.getMessage());
        assertThat(parallel.line()).isEqualTo(sequential.line());
    }

    @Test
    void aByteOrderMarkAfterTheStartIsText() throws IOException {
        String text = commaText(600, 5);
        int mid = text.indexOf('\n', text.length() / 2) + 1;
        Path f = write(text.substring(0, mid) + "\uFEFF" + text.substring(mid));
        CsvInputException sequential = org.junit.jupiter.api.Assertions.assertThrows(CsvInputException.class,
                () -> byName().read(f, 1));
        for (int parts = 2; parts <= 8; parts++) {
            int p = parts;
            CsvInputException parallel = org.junit.jupiter.api.Assertions.assertThrows(CsvInputException.class,
                    () -> byName().read(f, p));
            assertThat(parallel.getMessage()).isEqualTo(sequential.getMessage());
        }
    }

    @Test
    void parts_countTheLinesOfEveryPartInTheirProgress() throws IOException {
        String text = commaText(3_000, 6);
        long lines = text.chars().filter(c -> c == '\n').count();
        Path f = write(text);
        java.util.List<org.crmkit.scoring.ProgressEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        TransactionLog log = byName().read(f, 4, events::add, org.crmkit.scoring.Cancellation.never());
        assertThat(log.size()).isEqualTo(3_000);
        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).done()).isEqualTo(lines);
        org.crmkit.scoring.Cancellation cancelled = org.crmkit.scoring.Cancellation.create();
        cancelled.cancel();
        assertThatThrownBy(() -> byName().read(f, 4, org.crmkit.scoring.ProgressListener.none(), cancelled))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void partsFor_usesOnePartPerWorkerForLargeFilesOnly() {
        assertThat(TransactionCsv.partsFor(TransactionCsv.PARALLEL_MIN_BYTES - 1, 8)).isEqualTo(1);
        assertThat(TransactionCsv.partsFor(1L << 30, 1)).isEqualTo(1);
        assertThat(TransactionCsv.partsFor(TransactionCsv.PARALLEL_MIN_BYTES, 8)).isEqualTo(2);
        assertThat(TransactionCsv.partsFor(1L << 30, 8)).isEqualTo(8);
    }
}
