package org.crmkit.scoring.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.crmkit.scoring.Cancellation;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.ProgressListener;

/**
 * Reads a transaction file (one transaction per line: customer, date, optional amount)
 * into a {@link TransactionLog}.
 *
 * <p>Format: fields separated by a {@link CsvDelimiter} (default comma, with RFC 4180
 * double quotes; or runs of whitespace); an optional header line (default present);
 * blank lines, a UTF-8 byte order mark and LF, CRLF or lone-CR line ends (mixed too) are accepted. Columns are
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
 * stays the same from thousands to tens of millions of rows. {@link #read(Path)} parses a
 * large file in parts at once (see {@link Builder#parallelism(Parallelism)}).
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
    /** Files of at least this many bytes are read in parallel parts by {@link #read(Path)}. */
    public static final long PARALLEL_MIN_BYTES = 16L << 20;

    private final CsvDelimiter delimiter;
    private final boolean header;
    private final ColumnSelector customerColumn;
    private final ColumnSelector dateColumn;
    private final ColumnSelector amountColumn;
    private final String dateFormat;
    private final LocalDate latestDate;
    private final Parallelism parallelism;

    private TransactionCsv(Builder b) {
        this.delimiter = b.delimiter == null ? CsvDelimiter.COMMA : b.delimiter;
        this.header = b.header == null || b.header;
        this.customerColumn = b.customerColumn;
        this.dateColumn = b.dateColumn;
        this.amountColumn = b.amountColumn;
        this.dateFormat = b.dateFormat == null ? "yyyy-MM-dd" : b.dateFormat;
        this.latestDate = b.latestDate;
        this.parallelism = b.parallelism == null ? Parallelism.defaults() : b.parallelism;
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
     * Reads a file. A regular file of {@value #PARALLEL_MIN_BYTES} bytes or more is cut
     * at line ends into parts that are parsed at once on the reader's {@link Parallelism}
     * and joined in file order; the log, and the error reported for invalid content (the
     * first in file order), are the same as from {@link #read(InputStream, String)}.
     *
     * @param file the file, not null
     * @return the transactions, never null
     * @throws IOException if the file cannot be read
     * @throws CsvInputException if the content is invalid
     */
    public TransactionLog read(Path file) throws IOException {
        return read(file, ProgressListener.none(), Cancellation.never());
    }

    /**
     * Reads a file as {@link #read(Path)} does, reporting progress and honouring a
     * cancellation as {@link #read(InputStream, String, ProgressListener, Cancellation)}
     * does; the lines of parts read at once are counted together.
     *
     * @param file the file, not null
     * @param listener receives progress, not null
     * @param cancellation stops the reading, not null
     * @return the transactions, never null
     * @throws IOException if the file cannot be read
     * @throws CsvInputException if the content is invalid
     * @throws java.util.concurrent.CancellationException if the cancellation was cancelled
     */
    public TransactionLog read(Path file, ProgressListener listener, Cancellation cancellation) throws IOException {
        Objects.requireNonNull(file, "file");
        return read(file, Files.isRegularFile(file) ? partsFor(Files.size(file), parallelism.parallelism()) : 1,
                listener, cancellation);
    }

    /** Reads a file in {@code parts} parts (1: the sequential read); for tests of small files. */
    TransactionLog read(Path file, int parts) throws IOException {
        return read(file, parts, ProgressListener.none(), Cancellation.never());
    }

    /** Reads a file in {@code parts} parts with progress; for tests of small files. */
    TransactionLog read(Path file, int parts, ProgressListener listener, Cancellation cancellation)
            throws IOException {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancellation, "cancellation");
        if (parts > 1) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                return readParts(channel, file.toString(), parts, new Progress(file.toString(), listener, cancellation));
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), listener, cancellation);
        }
    }

    /** How many parts a file of this size is read in: one per worker, each 8 MB or more. */
    static int partsFor(long bytes, int workers) {
        if (workers <= 1 || bytes < PARALLEL_MIN_BYTES) {
            return 1;
        }
        return (int) Math.min(workers, bytes / (PARALLEL_MIN_BYTES / 2));
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
        Progress progress = new Progress(source, listener, cancellation);
        CsvScanner sc = new CsvScanner(in, source, delimiter);
        Columns columns = columns(sc, source);
        TransactionLog.Builder log = TransactionLog.builder();
        progress.count(sc.lineNumber());
        parse(sc, columns, header ? columns.fields : -1, log, progress, sc.lineNumber());
        progress.finish(Math.max(0, sc.lineNumber()));
        return log.build();
    }

    /**
     * The columns of a file: from the header line, which {@code sc} then has read; or
     * without a header from the selectors alone ({@code sc} has read nothing). Null if a
     * file without a header line is empty.
     */
    private Columns columns(CsvScanner sc, String source) throws IOException {
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
        return new Columns(names, ci, di, ai, names == null ? -1 : names.length);
    }

    /**
     * Parses the lines {@code sc} has left into {@code log}. {@code fields} is the number
     * of fields every line must have, or -1 to take it from the first line.
     */
    private void parse(CsvScanner sc, Columns columns, int fields, TransactionLog.Builder log, Progress progress,
            long counted) throws IOException {
        String source = sc.source();
        DateParser dates = new DateParser(dateFormat);
        int ci = columns.customer;
        int di = columns.date;
        int ai = columns.amount;
        String cName = sc.label(ci);
        String dName = sc.label(di);
        String aName = ai < 0 ? null : sc.label(ai);
        int needed = columns.needed();
        // every line has as many fields as the header, or without one as the first line
        String what = columns.names == null ? "the first line" : "the header";
        long latest = latestDate == null ? Long.MAX_VALUE : latestDate.toEpochDay();
        long reported = counted;
        progress.check();
        while (sc.nextLine()) {
            long line = sc.lineNumber();
            if (line % PROGRESS_LINES == 0) {
                progress.advance(line - reported);
                reported = line;
            }
            if (fields < 0) {
                fields = sc.fieldCount;
                requireNeeded(source, line, sc, fields, needed);
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
        progress.count(Math.max(0, sc.lineNumber() - reported));
    }

    private static void requireNeeded(String source, long line, CsvScanner sc, int fields, int needed) {
        if (fields < needed) {
            throw new CsvInputException(source, line, sc.label(fields), "missing: the line has "
                    + fields + " fields, the columns selected need " + needed);
        }
    }

    /**
     * The parallel read: the header (or, without one, the first line's field count) is
     * read first; the rest of the file is cut into {@code parts} byte ranges that end at
     * a line end (a line never spans two, and a line end byte never occurs inside a UTF-8
     * sequence, so each part decodes on its own); each part is parsed into its own
     * builder with its line numbers counted from 1; the builders are joined in order.
     * An error of a part is reported with the lines of the parts before it added, so it
     * names the same line as the sequential read; of several, the first part's wins.
     */
    private TransactionLog readParts(FileChannel channel, String source, int parts, Progress progress)
            throws IOException {
        long size = channel.size();
        CsvScanner head = new CsvScanner(new RangeInputStream(channel, 0, size), source, delimiter);
        Columns columns = columns(head, source);
        long bodyStart;
        long headLines;
        int fields;
        if (header) {
            bodyStart = head.consumed();
            headLines = head.lineNumber();
            fields = columns.fields;
        } else {
            // the first line fixes the field count; the first part reads it again as data
            if (!head.nextLine()) {
                progress.finish(head.lineNumber());
                return TransactionLog.builder().build();
            }
            fields = head.fieldCount;
            requireNeeded(source, head.lineNumber(), head, fields, columns.needed());
            bodyStart = 0;
            headLines = 0;
        }
        progress.count(headLines);
        long[] bounds = new long[parts + 1];
        bounds[0] = bodyStart;
        bounds[parts] = size;
        for (int k = 1; k < parts; k++) {
            long nominal = bodyStart + (size - bodyStart) * k / parts;
            bounds[k] = Math.max(bounds[k - 1], lineEndAfter(channel, Math.max(nominal, bounds[k - 1]), size));
        }
        TransactionLog.Builder[] logs = new TransactionLog.Builder[parts];
        long[] lines = new long[parts];
        RuntimeException[] failures = new RuntimeException[parts];
        parallelism.run(parts, k -> {
            CsvScanner sc = new CsvScanner(new RangeInputStream(channel, bounds[k], bounds[k + 1]), source, delimiter);
            if (bounds[k] > 0) {
                sc.startsMidFile();
            }
            if (columns.names != null) {
                sc.columnNames(columns.names);
            }
            // room for one customer per 128 bytes (CDNOW: about 85) up to 4 M, so that the
            // dictionary of a large part does not grow a dozen times
            TransactionLog.Builder log = TransactionLog.builder(
                    (int) Math.min(1 << 22, Math.max(1024, (bounds[k + 1] - bounds[k]) / 128)));
            try {
                parse(sc, columns, fields, log, progress, 0);
                // every part but the last ends with a line end, so this counts its lines
                lines[k] = sc.lineNumber();
                logs[k] = log;
            } catch (CsvInputException e) {
                failures[k] = e;
            } catch (IOException e) {
                failures[k] = new UncheckedIOException(e);
            } catch (RuntimeException e) {
                failures[k] = e; // a cancellation too: rethrown below unless an earlier part failed
            }
        });
        long before = headLines;
        for (int k = 0; k < parts; k++) {
            RuntimeException failure = failures[k];
            if (failure instanceof CsvInputException) {
                CsvInputException e = (CsvInputException) failure;
                throw new CsvInputException(source, e.line() == 0 ? 0 : e.line() + before, e.getColumn(),
                        e.getReason());
            }
            if (failure instanceof UncheckedIOException) {
                throw ((UncheckedIOException) failure).getCause();
            }
            if (failure != null) {
                throw failure;
            }
            before += lines[k];
        }
        progress.finish(before);
        return TransactionLog.Builder.concatenate(Arrays.asList(logs));
    }

    /**
     * The offset just after the first LF at or after {@code from}, or the size. Only an LF
     * is a safe cut: it always ends a line, and it is never the second byte of a CRLF cut
     * off from its CR; a lone CR may be inside a quoted field, which a part that starts
     * mid-file cannot tell, so a file with lone-CR line ends only is read as one part.
     */
    private static long lineEndAfter(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long at = from;
        while (at < size) {
            buffer.clear();
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return size;
    }

    /**
     * Lines read so far, over every part of a read; reports to the listener one event at a
     * time (parts run on several threads) and checks the cancellation before each.
     */
    private static final class Progress {
        private final String phase;
        private final ProgressListener listener;
        private final Cancellation cancellation;
        private final long started = System.nanoTime();
        private long lines;

        Progress(String source, ProgressListener listener, Cancellation cancellation) {
            this.phase = "read " + source + ": lines";
            this.listener = listener;
            this.cancellation = cancellation;
        }

        synchronized void advance(long more) {
            lines += more;
            cancellation.throwIfCancelled(phase);
            if (!listener.isSilent()) {
                listener.onProgress(ProgressEvent.ofUnknownTotal(phase, lines,
                        Duration.ofNanos(System.nanoTime() - started)));
            }
        }

        void check() {
            cancellation.throwIfCancelled(phase);
        }

        synchronized void count(long more) {
            lines += more;
        }

        synchronized void finish(long total) {
            if (!listener.isSilent()) {
                listener.onProgress(ProgressEvent.ofUnknownTotal(phase, total,
                        Duration.ofNanos(System.nanoTime() - started)));
            }
        }
    }

    /** The selected columns of a file and, with a header, its names and field count. */
    private static final class Columns {
        final String[] names;
        final int customer;
        final int date;
        final int amount;
        final int fields;

        Columns(String[] names, int customer, int date, int amount, int fields) {
            this.names = names;
            this.customer = customer;
            this.date = date;
            this.amount = amount;
            this.fields = fields;
        }

        int needed() {
            return Math.max(customer, Math.max(date, amount)) + 1;
        }
    }

    /** Bytes {@code [from, to)} of a channel by positional reads; channels allow them concurrently. */
    private static final class RangeInputStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        RangeInputStream(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.position = from;
            this.end = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            long left = end - position;
            if (left <= 0) {
                return -1;
            }
            ByteBuffer target = ByteBuffer.wrap(b, off, (int) Math.min(len, left));
            int n = channel.read(target, position);
            if (n < 0) {
                return -1;
            }
            position += n;
            return n;
        }
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
        private Parallelism parallelism;

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
         * Sets where {@link TransactionCsv#read(Path)} parses the parts of a large file
         * (default {@link Parallelism#defaults()}); {@link Parallelism#sequential()} reads
         * every file in one pass on the calling thread.
         *
         * @param parallelism where to run, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder parallelism(Parallelism parallelism) {
            Objects.requireNonNull(parallelism, "parallelism");
            Options.once(this.parallelism, "parallelism");
            this.parallelism = parallelism;
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
