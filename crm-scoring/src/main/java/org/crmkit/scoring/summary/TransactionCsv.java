package org.crmkit.scoring.summary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.ProgressListener;

/**
 * Reads a transaction file (one transaction per line: customer, date, optional amount)
 * into a {@link TransactionLog}.
 *
 * <p>Format: fields separated by a {@link CsvDelimiter} (default comma, with RFC 4180
 * double quotes; or runs of whitespace); an optional header line (default present);
 * blank lines, a UTF-8 byte order mark and CR-LF line ends are accepted. Columns are
 * selected by header name or 1-based position ({@link ColumnSelector}); other columns
 * are ignored. Dates follow a pattern (default {@code yyyy-MM-dd}; {@code yyyyMMdd}
 * and the ISO form are parsed without allocation, the ISO form may carry a time of day,
 * which is ignored; other patterns use {@link java.time.format.DateTimeFormatter} in
 * strict mode). Amounts are plain decimals, negative for returns; without an amount
 * column every amount is 0.
 *
 * <p>Nothing is skipped: a line with more or fewer fields than the header (without a
 * header: than the first line), bytes that are not UTF-8, an empty customer id, a date
 * that does not parse or lies outside 1900-01-01 .. 2199-12-31, an amount that does not
 * parse, or a date after {@link Builder#latestDate(LocalDate)} stops the reading with a
 * {@link CsvInputException} naming file, 1-based line and column (the header name, or the
 * 1-based position without a header).
 *
 * <p>Speed: the file is scanned as bytes; customer ids are interned as bytes (no object
 * per row or per customer), {@code yyyyMMdd} and ISO dates are parsed from their digits
 * through a small cache, and transactions go into fixed-size chunks, so the cost per row
 * stays the same from thousands to tens of millions of rows.
 *
 * <pre>{@code
 * TransactionLog log = TransactionCsv.builder()
 *         .delimiter(CsvDelimiter.WHITESPACE)
 *         .header(false)
 *         .customerColumn(ColumnSelector.byPosition(2))
 *         .dateColumn(ColumnSelector.byPosition(3))
 *         .dateFormat("yyyyMMdd")
 *         .amountColumn(ColumnSelector.byPosition(5))
 *         .build()
 *         .read(Path.of("CDNOW_sample.txt"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each read uses its own buffers.
 */
public final class TransactionCsv {
    private final CsvDelimiter delimiter;
    private final boolean header;
    private final ColumnSelector customerColumn;
    private final ColumnSelector dateColumn;
    private final ColumnSelector amountColumn;
    private final String dateFormat;
    private final LocalDate latestDate;

    private TransactionCsv(Builder b) {
        this.delimiter = b.delimiter == null ? CsvDelimiter.COMMA : b.delimiter;
        this.header = b.header == null || b.header;
        this.customerColumn = b.customerColumn;
        this.dateColumn = b.dateColumn;
        this.amountColumn = b.amountColumn;
        this.dateFormat = b.dateFormat == null ? "yyyy-MM-dd" : b.dateFormat;
        this.latestDate = b.latestDate;
    }

    /**
     * Returns a new builder; the customer and date columns are required.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file.
     *
     * @param file the file, not null
     * @return the transactions, never null
     * @throws IOException if the file cannot be read
     * @throws CsvInputException if the content is invalid
     */
    public TransactionLog read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a stream; the stream is not closed.
     *
     * @param in the input, not null
     * @param source the name used in error messages, not null
     * @return the transactions, never null
     * @throws IOException if the stream cannot be read
     * @throws CsvInputException if the content is invalid
     */
    public TransactionLog read(InputStream in, String source) throws IOException {
        return read(in, source, ProgressListener.none(), Cancellation.never());
    }

    /** Lines read between progress events and cancellation checks. */
    static final int PROGRESS_LINES = 1 << 16;

    /**
     * Reads a stream as {@link #read(InputStream, String)} does, reporting progress and
     * honouring a cancellation: every {@value #PROGRESS_LINES} lines (and once at the end)
     * {@code listener} hears the phase {@code read <source>: lines}, the lines read so far
     * (header included), no total, and the time since the reading began; before each such
     * event the cancellation is checked.
     *
     * <pre>{@code
     * TransactionLog log = csv.read(in, "big.csv", e -> log.info("{} lines", e.done()), Cancellation.never());
     * }</pre>
     *
     * @param in the input, not null
     * @param source the name used in error messages and events, not null
     * @param listener receives progress, not null
     * @param cancellation stops the reading, not null
     * @return the transactions, never null
     * @throws IOException if the stream cannot be read
     * @throws CsvInputException if the content is invalid
     * @throws java.util.concurrent.CancellationException if the cancellation was cancelled
     */
    public TransactionLog read(InputStream in, String source, ProgressListener listener, Cancellation cancellation)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancellation, "cancellation");
        long started = System.nanoTime();
        String phase = "read " + source + ": lines";
        CsvScanner sc = new CsvScanner(in, source, delimiter);
        DateParser dates = new DateParser(dateFormat);
        TransactionLog.Builder log = TransactionLog.builder();
        String[] names = null;
        if (header) {
            if (!sc.nextLine()) {
                throw new CsvInputException(source, 0, null, "the file is empty (no header line)");
            }
            names = new String[sc.fieldCount];
            for (int i = 0; i < names.length; i++) {
                names[i] = sc.field(i);
            }
            sc.columnNames(names);
        }
        int ci = resolve(customerColumn, names, source, sc.lineNumber());
        int di = resolve(dateColumn, names, source, sc.lineNumber());
        int ai = amountColumn == null ? -1 : resolve(amountColumn, names, source, sc.lineNumber());
        String cName = sc.label(ci);
        String dName = sc.label(di);
        String aName = ai < 0 ? null : sc.label(ai);
        int needed = Math.max(ci, Math.max(di, ai)) + 1;
        // every line has as many fields as the header, or without one as the first line
        int fields = names == null ? -1 : names.length;
        String what = names == null ? "the first line" : "the header";
        long latest = latestDate == null ? Long.MAX_VALUE : latestDate.toEpochDay();
        while (sc.nextLine()) {
            long line = sc.lineNumber();
            if (line % PROGRESS_LINES == 0) {
                cancellation.throwIfCancelled(phase);
                if (!listener.isSilent()) {
                    listener.onProgress(ProgressEvent.ofUnknownTotal(phase, line,
                            Duration.ofNanos(System.nanoTime() - started)));
                }
            }
            if (fields < 0) {
                fields = sc.fieldCount;
                if (fields < needed) {
                    throw new CsvInputException(source, line, sc.label(fields), "missing: the line has "
                            + fields + " fields, the columns selected need " + needed);
                }
            }
            if (sc.fieldCount != fields) {
                sc.requireFieldCount(fields, what);
            }
            byte[] b = sc.buf;
            int cs = sc.fieldStart[ci];
            int ce = sc.fieldEnd[ci];
            if (ce == cs) {
                throw new CsvInputException(source, line, cName, "empty customer id");
            }
            int day;
            try {
                day = dates.parse(b, sc.fieldStart[di], sc.fieldEnd[di]);
            } catch (IllegalArgumentException e) {
                throw new CsvInputException(source, line, dName, e.getMessage());
            }
            if (day > latest) {
                throw new CsvInputException(source, line, dName, "date "
                        + LocalDate.ofEpochDay(day) + " is after the observation end " + latestDate);
            }
            double amount = 0;
            if (ai >= 0) {
                try {
                    amount = CsvScanner.parseDouble(b, sc.fieldStart[ai], sc.fieldEnd[ai]);
                } catch (NumberFormatException e) {
                    throw new CsvInputException(source, line, aName,
                            "cannot parse '" + sc.field(ai) + "' as an amount");
                }
            }
            log.add(b, cs, ce, day, amount);
        }
        if (!listener.isSilent()) {
            listener.onProgress(ProgressEvent.ofUnknownTotal(phase, Math.max(0, sc.lineNumber()),
                    Duration.ofNanos(System.nanoTime() - started)));
        }
        return log.build();
    }

    private static int resolve(ColumnSelector sel, String[] names, String source, long line) {
        if (sel.name() == null) {
            if (names != null && sel.position() > names.length) {
                throw new CsvInputException(source, line, Integer.toString(sel.position()),
                        "no such column; the header has " + names.length + " columns");
            }
            return sel.position() - 1;
        }
        if (names == null) {
            throw new CsvInputException(source, 0, sel.name(),
                    "a column name needs a header line; use a 1-based position with no header");
        }
        int found = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(sel.name())) {
                if (found >= 0) {
                    throw new CsvInputException(source, line, sel.name(),
                            "the header names this column twice");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new CsvInputException(source, line, sel.name(),
                    "no such column in header " + Arrays.toString(names));
        }
        return found;
    }

    /**
     * Configures a {@link TransactionCsv}. Each option may be set once. Not thread-safe;
     * the product is immutable.
     */
    public static final class Builder {
        private CsvDelimiter delimiter;
        private Boolean header;
        private ColumnSelector customerColumn;
        private ColumnSelector dateColumn;
        private ColumnSelector amountColumn;
        private String dateFormat;
        private LocalDate latestDate;

        private Builder() {
        }

        /**
         * Sets the delimiter (default comma).
         *
         * @param delimiter the delimiter, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder delimiter(CsvDelimiter delimiter) {
            Objects.requireNonNull(delimiter, "delimiter");
            Options.once(this.delimiter, "delimiter");
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Sets whether the first non-blank line is a header (default true).
         *
         * @param header true if there is a header line
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder header(boolean header) {
            Options.once(this.header, "header");
            this.header = header;
            return this;
        }

        /**
         * Sets the customer id column (required).
         *
         * @param column the column, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder customerColumn(ColumnSelector column) {
            Objects.requireNonNull(column, "column");
            Options.once(customerColumn, "customer column");
            customerColumn = column;
            return this;
        }

        /**
         * Sets the date column (required).
         *
         * @param column the column, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder dateColumn(ColumnSelector column) {
            Objects.requireNonNull(column, "column");
            Options.once(dateColumn, "date column");
            dateColumn = column;
            return this;
        }

        /**
         * Sets the amount column (optional; without it every amount is 0).
         *
         * @param column the column, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder amountColumn(ColumnSelector column) {
            Objects.requireNonNull(column, "column");
            Options.once(amountColumn, "amount column");
            amountColumn = column;
            return this;
        }

        /**
         * Sets the date pattern (default {@code yyyy-MM-dd}), a
         * {@link java.time.format.DateTimeFormatter} pattern such as {@code yyyyMMdd} or
         * {@code dd.MM.yyyy}; {@code iso} means {@code yyyy-MM-dd}.
         *
         * @param pattern the pattern, not null
         * @return this builder
         * @throws IllegalArgumentException if the pattern is invalid
         * @throws IllegalStateException if already set
         */
        public Builder dateFormat(String pattern) {
            Objects.requireNonNull(pattern, "pattern");
            Options.once(dateFormat, "date format");
            new DateParser(pattern);
            dateFormat = pattern;
            return this;
        }

        /**
         * Rejects every transaction dated after this day (for example the observation
         * end), naming its line.
         *
         * @param date the latest allowed date, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder latestDate(LocalDate date) {
            Objects.requireNonNull(date, "date");
            Options.once(latestDate, "latest date");
            latestDate = date;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader, never null
         * @throws IllegalStateException if the customer or date column is missing
         */
        public TransactionCsv build() {
            if (customerColumn == null || dateColumn == null) {
                throw new IllegalStateException("the customer and date columns are required");
            }
            return new TransactionCsv(this);
        }
    }
}
