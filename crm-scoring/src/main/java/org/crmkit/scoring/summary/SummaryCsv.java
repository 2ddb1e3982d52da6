package org.crmkit.scoring.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.crmkit.core.csv.CsvField;
import org.crmkit.scoring.Parallelism;

/**
 * Reads and writes per-customer summary CSV files with the column names researchers already
 * know (those of the {@code lifetimes} Python package and the BTYD literature):
 * {@code customer_id,frequency,recency,T,monetary_value} and, optionally,
 * {@code frequency_holdout,monetary_value_holdout,duration_holdout}.
 *
 * <p>Writing: comma separated, a header line, {@code \n} line ends, numbers in
 * {@link Double#toString(double)} form (locale-independent, exact round trip),
 * ids written by {@link CsvField}: spreadsheet-safe (an id beginning with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR gets a leading apostrophe) and quoted per
 * RFC 4180 where needed. The holdout columns and {@code weights} are written when the
 * summaries have them. Reading undoes the spreadsheet rule ({@link CsvField#restore}), so
 * ids round-trip.
 *
 * <p>The time unit travels with the file: when the summaries know their unit (those of a
 * {@link Summarizer} always do), the file starts with the comment line
 * {@code # time_unit=weeks} before the header, and reading such a file gives summaries
 * with that {@link CustomerSummaries#timeUnit()}, so that {@code crm fit} records it in
 * the model file without the user repeating it. Other tools read these files with their
 * comment option ({@code pandas.read_csv(path, comment="#")}, R's
 * {@code read.csv(path, comment.char = "#")}).
 *
 * <p>Writing: UTF-8, comma separated, the optional comment line, a header line,
 * {@code \n} line ends, numbers as plain decimals without exponent that read back exactly
 * (locale-independent; the form of {@link Double#toString(double)} for most values, at most
 * two characters longer), ids quoted per RFC 4180 when they contain a comma, quote or line
 * break. The
 * holdout columns and {@code weights} are written when the summaries have them.
 *
 * <p>Reading: UTF-8 (a byte order mark is skipped; invalid bytes are an error); lines end
 * with LF, CRLF or a lone CR, mixed freely (a CR inside a quoted id is part of the id); lines
 * before the header that start with {@code #} are comments, and {@code # time_unit=UNIT}
 * among them sets the unit ({@code days}, {@code weeks} or {@code months}; another value,
 * or the key twice, is an error). The header line is required and columns are found by
 * name, in any order; each column has the names researchers bring with them:
 * <table>
 *   <caption>Accepted column names</caption>
 *   <tr><th>column</th><th>crmkit</th><th>lifetimes</th><th>papers (Fader, Hardie and Lee)</th></tr>
 *   <tr><td>frequency</td><td>{@code frequency}</td><td>{@code frequency_cal}</td><td>{@code x}</td></tr>
 *   <tr><td>recency</td><td>{@code recency}</td><td>{@code recency_cal}</td><td>{@code t_x}</td></tr>
 *   <tr><td>T</td><td>{@code T}</td><td>{@code T_cal}</td><td>{@code T}</td></tr>
 *   <tr><td>monetary value</td><td>{@code monetary_value}</td><td>{@code monetary_value_cal}</td><td>{@code zbar}</td></tr>
 *   <tr><td>holdout</td><td colspan="2">{@code frequency_holdout}, {@code monetary_value_holdout},
 *       {@code duration_holdout}</td><td></td></tr>
 * </table>
 * Two names of one column in one header are an error. {@code frequency}, {@code recency}
 * and {@code T} are required ({@code periods}, the number of purchase opportunities of
 * discrete-time models such as BG/BB, is accepted in place of {@code T}); the id column is
 * {@code customer_id} or, failing that, a column named {@code ID} in any case (the layout
 * of the published CDNOW summary); a file with neither must have a {@code weights} column
 * (compressed rows, such as the BG/BB donations example), and its rows get their 1-based
 * row number as id. {@code weights} is optional: the number of customers a row stands
 * for, finite and {@code > 0} ({@link CustomerSummaries#weight(int)}); it cannot be
 * combined with the holdout columns. {@code monetary_value} is optional (absent:
 * {@link CustomerSummaries#hasMonetaryValue()} is false and every value is 0); the three
 * holdout columns are all present or all absent. Other columns are ignored, so a file with
 * additional columns (for example predictions) reads fine, but every line must have as
 * many fields as the header. Frequencies must be whole numbers ({@code 2.0} is accepted).
 * Customer ids must be distinct. Every row is validated as by
 * {@link CustomerSummaries.Builder}; any problem throws a {@link CsvInputException} with
 * file, 1-based line and column (as the header names it). The summaries remember the file
 * and each row's line ({@link CustomerSummaries#sourceLine(int)}) for checks made later.
 *
 * <pre>{@code
 * SummaryCsv.write(Path.of("summary.csv"), summaries);
 * CustomerSummaries back = SummaryCsv.read(Path.of("summary.csv"));
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class SummaryCsv {
    /** The required and optional column names in written order. */
    static final String[] CORE = {"customer_id", "frequency", "recency", "T", "monetary_value"};
    static final String[] HOLDOUT = {
        "frequency_holdout", "monetary_value_holdout", "duration_holdout"};

    /** The names accepted for frequency: crmkit's, lifetimes' calibration name, the papers'. */
    static final String[] FREQUENCY = {"frequency", "frequency_cal", "x"};
    /** The names accepted for recency. */
    static final String[] RECENCY = {"recency", "recency_cal", "t_x"};
    /** The names accepted for T, and {@code periods} of discrete-time data. */
    static final String[] AGE = {"T", "T_cal", "periods"};
    /** The names accepted for the monetary value ({@code zbar} in Fader, Hardie and Lee). */
    static final String[] MONETARY = {"monetary_value", "monetary_value_cal", "zbar"};
    /** The key of the metadata comment that carries the time unit. */
    static final String TIME_UNIT_KEY = "time_unit";

    /** The optional column of row weights. */
    static final String WEIGHTS = "weights";
    /** The name discrete-time data give the number of purchase opportunities, instead of T. */
    static final String PERIODS = "periods";

    private SummaryCsv() {
    }

    /**
     * Writes summaries to a file, replacing it.
     *
     * @param file the file, not null
     * @param summaries the summaries, not null
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, CustomerSummaries summaries) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(summaries, "summaries");
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, summaries);
        }
    }

    /**
     * Writes summaries as UTF-8 to a stream; the stream is not closed. The fast path: rows
     * are formatted as bytes into one buffer, numbers by an exact shortest-form formatter
     * rather than {@code Double.toString}, ids copied as the UTF-8 bytes they are held in.
     *
     * @param out the destination, not null
     * @param summaries the summaries, not null
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, CustomerSummaries summaries) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(summaries, "summaries");
        write(summaries, true, (b, len) -> out.write(b, 0, len));
    }

    /**
     * Writes summaries as UTF-8 to a stream, the rows formatted in parts on
     * {@code parallelism} and written in order from the calling thread; the stream is not
     * closed. The bytes are those of {@link #write(Writer, CustomerSummaries, boolean)}.
     *
     * <pre>{@code
     * SummaryCsv.write(out, summaries, true, Parallelism.defaults());
     * }</pre>
     *
     * @param out the destination, not null
     * @param summaries the summaries, not null
     * @param spreadsheetSafe whether an id beginning with a formula character gets a leading
     *     apostrophe
     * @param parallelism where the rows are formatted, not null
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, CustomerSummaries summaries, boolean spreadsheetSafe,
            Parallelism parallelism) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(parallelism, "parallelism");
        write(summaries, spreadsheetSafe, parallelism, (b, len) -> out.write(b, 0, len));
    }

    /**
     * Writes summaries to a writer; the writer is not closed.
     *
     * @param out the destination, not null
     * @param summaries the summaries, not null
     * @throws IOException if writing fails
     */
    public static void write(Writer out, CustomerSummaries summaries) throws IOException {
        write(out, summaries, true);
    }

    /**
     * Writes summaries to a writer, choosing whether ids are made spreadsheet-safe
     * ({@link CsvField}); the writer is not closed.
     *
     * @param out the destination, not null
     * @param summaries the summaries, not null
     * @param spreadsheetSafe whether an id beginning with a formula character gets a leading
     *     apostrophe (the default of {@link #write(Writer, CustomerSummaries)})
     * @throws IOException if writing fails
     */
    public static void write(Writer out, CustomerSummaries summaries, boolean spreadsheetSafe)
            throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(summaries, "summaries");
        // the buffer is flushed at line ends only, so each chunk is whole UTF-8
        write(summaries, spreadsheetSafe, (b, len) -> out.write(new String(b, 0, len, StandardCharsets.UTF_8)));
    }

    private interface Sink {
        void accept(byte[] bytes, int length) throws IOException;
    }

    private static void write(CustomerSummaries summaries, boolean spreadsheetSafe, Sink sink) throws IOException {
        write(summaries, spreadsheetSafe, Parallelism.sequential(), sink);
    }

    /** Rows formatted by one task of a round. */
    private static final int ROWS_PER_PART = 1 << 14;
    /** Parts formatted at once, then handed to the sink in order: bounds the memory held. */
    private static final int PARTS_PER_ROUND = 8;

    /** One part's formatted rows, the buffer kept from round to round. */
    private static final class Part {
        byte[] bytes = new byte[1 << 16];
        int length;
        /** For the day-based columns (recency, T, holdout duration); a part is formatted by one thread at a time. */
        final DecimalCache days = new DecimalCache();
    }

    /**
     * The header, then the rows in rounds of {@link #PARTS_PER_ROUND} parts of
     * {@link #ROWS_PER_PART} rows, each part formatted on {@code parallelism} and the parts
     * handed to the sink in row order (the sink is called on the calling thread only).
     */
    private static void write(CustomerSummaries summaries, boolean spreadsheetSafe, Parallelism parallelism,
            Sink sink) throws IOException {
        boolean holdout = summaries.hasHoldout();
        boolean weights = summaries.hasWeights();
        StringBuilder sb = new StringBuilder(256);
        summaries.timeUnit().ifPresent(u -> sb.append("# ").append(TIME_UNIT_KEY).append('=')
                .append(u).append('\n'));
        sb.append(String.join(",", CORE));
        if (holdout) {
            sb.append(',').append(String.join(",", HOLDOUT));
        }
        if (weights) {
            sb.append(',').append(WEIGHTS);
        }
        sb.append('\n');
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        sink.accept(head, head.length);
        int n = summaries.size();
        Part[] parts = new Part[PARTS_PER_ROUND];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Part();
        }
        int round = ROWS_PER_PART * PARTS_PER_ROUND;
        for (int start = 0; start < n; start += round) {
            int first = start;
            int size = Math.min(round, n - start);
            int count = Parallelism.chunkCount(size, ROWS_PER_PART);
            parallelism.forEachChunk(size, ROWS_PER_PART, (c, from, to) ->
                    format(summaries, spreadsheetSafe, first + from, first + to, parts[c]));
            for (int c = 0; c < count; c++) {
                sink.accept(parts[c].bytes, parts[c].length);
            }
        }
    }

    /** Formats rows {@code [from, to)} into {@code part}. */
    private static void format(CustomerSummaries summaries, boolean spreadsheetSafe, int from, int to, Part part) {
        boolean holdout = summaries.hasHoldout();
        boolean weights = summaries.hasWeights();
        StringBuilder sb = new StringBuilder(64);
        byte[] buf = part.bytes;
        int p = 0;
        IdDictionary ids = summaries.ids();
        byte[] idBytes = ids.bytes();
        int numbers = 8 * DecimalFormat.MAX_LENGTH + 16;
        DecimalCache days = part.days;
        for (int i = from; i < to; i++) {
            int is = ids.start(i);
            int ie = ids.end(i);
            byte[] id = idBytes;
            if (!plainId(idBytes, is, ie)) {
                sb.setLength(0);
                CsvField.append(sb, ids.get(i), spreadsheetSafe);
                id = sb.toString().getBytes(StandardCharsets.UTF_8);
                is = 0;
                ie = id.length;
            }
            int need = ie - is + numbers;
            if (buf.length - p < need) {
                buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, p + need));
            }
            System.arraycopy(id, is, buf, p, ie - is);
            p += ie - is;
            buf[p++] = ',';
            p = DecimalFormat.appendLong(summaries.frequency(i), buf, p);
            buf[p++] = ',';
            p = days.append(summaries.recency(i), buf, p);
            buf[p++] = ',';
            p = days.append(summaries.t(i), buf, p);
            buf[p++] = ',';
            p = DecimalFormat.append(summaries.monetaryValue(i), buf, p);
            if (holdout) {
                buf[p++] = ',';
                p = DecimalFormat.appendLong(summaries.frequencyHoldout(i), buf, p);
                buf[p++] = ',';
                p = DecimalFormat.append(summaries.monetaryValueHoldout(i), buf, p);
                buf[p++] = ',';
                p = days.append(summaries.durationHoldout(i), buf, p);
            }
            if (weights) {
                buf[p++] = ',';
                p = DecimalFormat.append(summaries.weight(i), buf, p);
            }
            buf[p++] = '\n';
        }
        part.bytes = buf;
        part.length = p;
    }

    /**
     * Whether an id can be copied as it is: it starts with a letter or digit and holds no
     * byte that {@link CsvField} might quote or change (any other id goes through it, so
     * that the rule lives in one place).
     */
    private static boolean plainId(byte[] b, int s, int e) {
        if (e == s) {
            return false;
        }
        byte first = b[s];
        if (!((first >= '0' && first <= '9') || (first >= 'A' && first <= 'Z')
                || (first >= 'a' && first <= 'z'))) {
            return false;
        }
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ' ' || c == '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends one CSV field as this class writes customer ids: by the rule of
     * {@link CsvField#append(StringBuilder, String)} (spreadsheet-safe, RFC 4180 quoting).
     * Other CSV writers use it so that every file crmkit writes reads back alike.
     *
     * <pre>{@code
     * SummaryCsv.appendField(new StringBuilder(), "a,b"); // "a,b" in quotes
     * }</pre>
     *
     * @param line the line under construction, not null
     * @param value the field value, not null
     * @return {@code line}
     */
    public static StringBuilder appendField(StringBuilder line, String value) {
        return CsvField.append(line, value);
    }

    /**
     * Reads summaries from a file.
     *
     * @param file the file, not null
     * @return the summaries, never null
     * @throws IOException if the file cannot be read
     * @throws CsvInputException if the content is invalid
     */
    public static CustomerSummaries read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads summaries from a stream; the stream is not closed.
     *
     * @param in the input, not null
     * @param source the name used in error messages, not null
     * @return the summaries, never null
     * @throws IOException if the stream cannot be read
     * @throws CsvInputException if the content is invalid
     */
    public static CustomerSummaries read(InputStream in, String source) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        CsvScanner sc = new CsvScanner(in, source, CsvDelimiter.COMMA);
        sc.comments(true);
        TimeUnit unit = null;
        while (true) {
            if (!sc.nextLine()) {
                throw new CsvInputException(source, 0, null, "the file is empty (no header line)");
            }
            if (!sc.isComment()) {
                break;
            }
            unit = metadata(sc, unit);
        }
        sc.comments(false);
        long headerLine = sc.lineNumber();
        String[] names = new String[sc.fieldCount];
        for (int i = 0; i < names.length; i++) {
            names[i] = sc.field(i);
        }
        sc.columnNames(names);
        int id = find(names, "customer_id", source, headerLine);
        if (id < 0) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase("id")) {
                    if (id >= 0) {
                        throw new CsvInputException(source, headerLine, names[i],
                                "the header has two id columns");
                    }
                    id = i;
                }
            }
        }
        int w = find(names, WEIGHTS, source, headerLine);
        if (id < 0 && w < 0) {
            throw new CsvInputException(source, headerLine, "customer_id",
                    "missing column (header: " + String.join(",", names) + ")");
        }
        int f = require(names, FREQUENCY, source, headerLine);
        int r = require(names, RECENCY, source, headerLine);
        int t = find(names, AGE, source, headerLine);
        if (t < 0) {
            throw new CsvInputException(source, headerLine, "T",
                    "missing column (T, T_cal or periods; header: " + String.join(",", names) + ")");
        }
        int m = find(names, MONETARY, source, headerLine);
        int fh = find(names, HOLDOUT[0], source, headerLine);
        int mh = find(names, HOLDOUT[1], source, headerLine);
        int dh = find(names, HOLDOUT[2], source, headerLine);
        boolean holdout = fh >= 0 || mh >= 0 || dh >= 0;
        if (holdout && (fh < 0 || mh < 0 || dh < 0)) {
            String missing = fh < 0 ? HOLDOUT[0] : mh < 0 ? HOLDOUT[1] : HOLDOUT[2];
            throw new CsvInputException(source, headerLine, missing,
                    "missing column: the holdout columns come as a set of three");
        }
        if (holdout && w >= 0) {
            throw new CsvInputException(source, headerLine, WEIGHTS,
                    "weighted rows cannot have holdout columns");
        }
        CustomerSummaries.Builder b = CustomerSummaries.builder();
        b.source(source, headerLine + 1);
        for (String c : new String[] {"customer_id", "frequency", "recency", "T", "monetary_value",
            HOLDOUT[0], HOLDOUT[1], HOLDOUT[2], WEIGHTS}) {
            String named = column(c, names, id);
            if (named != null) {
                b.columnName(c, named);
            }
        }
        if (unit != null) {
            b.timeUnit(unit);
        }
        if (m < 0) {
            b.withoutMonetaryValue();
        }
        byte[] rowId = new byte[20];
        long rows = 0;
        while (sc.nextLine()) {
            long line = sc.lineNumber();
            if (sc.fieldCount != names.length) {
                sc.requireFieldCount(names.length, "the header");
            }
            rows++;
            byte[] idBytes;
            int is;
            int ie;
            if (id >= 0) {
                idBytes = sc.buf;
                is = sc.fieldStart[id];
                ie = sc.fieldEnd[id];
                if (ie == is) {
                    throw new CsvInputException(source, line, names[id], "empty customer id");
                }
                if (idBytes[is] == '\'') {
                    // written spreadsheet-safe (CsvField): undo the leading apostrophe
                    byte[] restored = CsvField.restore(new String(idBytes, is, ie - is, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    idBytes = restored;
                    is = 0;
                    ie = restored.length;
                }
            } else {
                idBytes = rowId;
                is = 0;
                ie = rowNumber(rows, rowId);
            }
            int frequency = integer(sc, f, names, line);
            double recency = number(sc, r, names, line);
            double tt = number(sc, t, names, line);
            double monetary = m < 0 ? 0.0 : number(sc, m, names, line);
            try {
                if (holdout) {
                    b.add(idBytes, is, ie, line, frequency, recency, tt, monetary, true,
                            integer(sc, fh, names, line), number(sc, mh, names, line),
                            number(sc, dh, names, line), Double.NaN);
                } else {
                    b.add(idBytes, is, ie, line, frequency, recency, tt, monetary, false, 0, 0, 0,
                            w >= 0 ? number(sc, w, names, line) : Double.NaN);
                }
            } catch (RowException e) {
                throw new CsvInputException(source, line, column(e.column, names, id), e.getMessage());
            }
        }
        return b.build();
    }

    /** Reads a {@code # key=value} comment before the header; returns the time unit. */
    private static TimeUnit metadata(CsvScanner sc, TimeUnit unit) {
        String text = sc.line().substring(1).strip();
        int eq = text.indexOf('=');
        if (eq < 0) {
            return unit; // a plain comment
        }
        String key = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        if (!key.equals(TIME_UNIT_KEY)) {
            return unit; // other metadata is not ours to judge
        }
        if (unit != null) {
            throw new CsvInputException(sc.source(), sc.lineNumber(), TIME_UNIT_KEY,
                    "the time unit is given twice");
        }
        try {
            return TimeUnit.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CsvInputException(sc.source(), sc.lineNumber(), TIME_UNIT_KEY, e.getMessage());
        }
    }

    /** Writes the decimal digits of {@code n >= 1} into {@code out}; returns their count. */
    private static int rowNumber(long n, byte[] out) {
        int len = 0;
        for (long v = n; v > 0; v /= 10) {
            len++;
        }
        for (int i = len - 1; i >= 0; i--) {
            out[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        return len;
    }

    /** The header name of the column a row check is about; null if none. */
    private static String column(String canonical, String[] names, int id) {
        String[] aliases;
        switch (canonical) {
            case "customer_id":
                return id >= 0 ? names[id] : null;
            case "frequency":
                aliases = FREQUENCY;
                break;
            case "recency":
                aliases = RECENCY;
                break;
            case "T":
                aliases = AGE;
                break;
            case "monetary_value":
                aliases = MONETARY;
                break;
            default:
                aliases = new String[] {canonical};
        }
        for (String n : names) {
            for (String a : aliases) {
                if (n.equals(a)) {
                    return n;
                }
            }
        }
        return null;
    }

    private static int max(int... values) {
        int m = -1;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static int find(String[] names, String name, String source, long line) {
        return find(names, new String[] {name}, source, line);
    }

    /** The column with one of the names; two columns with names of the set are an error. */
    private static int find(String[] names, String[] aliases, String source, long line) {
        int found = -1;
        for (int i = 0; i < names.length; i++) {
            for (String a : aliases) {
                if (names[i].equals(a)) {
                    if (found >= 0) {
                        throw new CsvInputException(source, line, names[i], names[found].equals(names[i])
                                ? "the header names this column twice"
                                : "the header has both '" + names[found] + "' and '" + names[i]
                                        + "', names of one column");
                    }
                    found = i;
                }
            }
        }
        return found;
    }

    private static int require(String[] names, String[] aliases, String source, long line) {
        int i = find(names, aliases, source, line);
        if (i < 0) {
            throw new CsvInputException(source, line, aliases[0], "missing column ("
                    + String.join(" or ", aliases) + "; header: " + String.join(",", names) + ")");
        }
        return i;
    }

    private static double number(CsvScanner sc, int col, String[] names, long line) {
        try {
            return CsvScanner.parseDouble(sc.buf, sc.fieldStart[col], sc.fieldEnd[col]);
        } catch (NumberFormatException e) {
            throw new CsvInputException(sc.source(), line, names[col],
                    "cannot parse '" + sc.field(col) + "' as a number");
        }
    }

    private static int integer(CsvScanner sc, int col, String[] names, long line) {
        double v = number(sc, col, names, line);
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new CsvInputException(sc.source(), line, names[col],
                    "expected a whole number >= 0: '" + sc.field(col) + "'");
        }
        return (int) v;
    }
}
