package org.crmkit.scoring.summary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.crmkit.core.csv.CsvField;

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
 * <p>Reading: the header line is required and columns are found by name, in any order.
 * {@code frequency}, {@code recency} and {@code T} are required ({@code periods}, the
 * number of purchase opportunities of discrete-time models such as BG/BB, is accepted in
 * place of {@code T}); the id column is {@code customer_id} or, failing that, a column
 * named {@code ID} in any case (the layout of the published CDNOW summary); a file
 * with neither must have a {@code weights} column (compressed rows, such as the BG/BB
 * donations example), and its rows get their 1-based row number as id. {@code weights}
 * is optional: the number of customers a row stands for, finite and {@code > 0}
 * ({@link CustomerSummaries#weight(int)}); it cannot be combined with the holdout
 * columns. {@code monetary_value} is optional (absent:
 * {@link CustomerSummaries#hasMonetaryValue()} is false and every value is 0); the three
 * holdout columns are all present or all absent. Other columns are ignored, so a file
 * with additional columns (for example predictions) reads fine. Frequencies must be
 * whole numbers ({@code 2.0} is accepted). Every row is validated as by
 * {@link CustomerSummaries.Builder}; any problem throws a {@link CsvInputException}
 * with file, line and column.
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
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            write(w, summaries);
        }
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
        boolean holdout = summaries.hasHoldout();
        StringBuilder sb = new StringBuilder(256);
        sb.append(String.join(",", CORE));
        if (holdout) {
            sb.append(',').append(String.join(",", HOLDOUT));
        }
        if (summaries.hasWeights()) {
            sb.append(',').append(WEIGHTS);
        }
        sb.append('\n');
        out.write(sb.toString());
        for (int i = 0; i < summaries.size(); i++) {
            sb.setLength(0);
            CsvField.append(sb, summaries.customerId(i), spreadsheetSafe);
            sb.append(',').append(summaries.frequency(i))
                    .append(',').append(summaries.recency(i))
                    .append(',').append(summaries.t(i))
                    .append(',').append(summaries.monetaryValue(i));
            if (holdout) {
                sb.append(',').append(summaries.frequencyHoldout(i))
                        .append(',').append(summaries.monetaryValueHoldout(i))
                        .append(',').append(summaries.durationHoldout(i));
            }
            if (summaries.hasWeights()) {
                sb.append(',').append(summaries.weight(i));
            }
            sb.append('\n');
            out.write(sb.toString());
        }
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
        if (!sc.nextLine()) {
            throw new CsvInputException(source, 0, null, "the file is empty (no header line)");
        }
        long headerLine = sc.lineNumber();
        String[] names = new String[sc.fieldCount];
        for (int i = 0; i < names.length; i++) {
            names[i] = sc.field(i);
        }
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
        int f = require(names, "frequency", source, headerLine);
        int r = require(names, "recency", source, headerLine);
        int t = find(names, "T", source, headerLine);
        if (t < 0) {
            t = find(names, PERIODS, source, headerLine);
        }
        if (t < 0) {
            throw new CsvInputException(source, headerLine, "T",
                    "missing column, and no periods column either (header: "
                            + String.join(",", names) + ")");
        }
        int m = find(names, "monetary_value", source, headerLine);
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
        int needed = max(id, f, r, t, m, fh, mh, dh, w) + 1;
        CustomerSummaries.Builder b = CustomerSummaries.builder();
        if (m < 0) {
            b.withoutMonetaryValue();
        }
        long rows = 0;
        while (sc.nextLine()) {
            long line = sc.lineNumber();
            if (sc.fieldCount < needed) {
                throw new CsvInputException(source, line, names[Math.min(sc.fieldCount,
                        names.length - 1)], "missing: the line has " + sc.fieldCount
                        + " fields, the header " + names.length);
            }
            rows++;
            String customer = id >= 0 ? CsvField.restore(sc.field(id)) : Long.toString(rows);
            if (customer.isEmpty()) {
                throw new CsvInputException(source, line, names[id], "empty customer id");
            }
            int frequency = integer(sc, f, names, line);
            double recency = number(sc, r, names, line);
            double tt = number(sc, t, names, line);
            double monetary = m < 0 ? 0.0 : number(sc, m, names, line);
            try {
                if (w >= 0) {
                    b.addWeighted(customer, frequency, recency, tt, monetary, number(sc, w, names, line));
                } else if (holdout) {
                    b.add(customer, frequency, recency, tt, monetary, integer(sc, fh, names, line),
                            number(sc, mh, names, line), number(sc, dh, names, line));
                } else {
                    b.add(customer, frequency, recency, tt, monetary);
                }
            } catch (IllegalArgumentException e) {
                if (e instanceof CsvInputException) {
                    throw e;
                }
                throw new CsvInputException(source, line, null, e.getMessage());
            }
        }
        return b.build();
    }

    private static int max(int... values) {
        int m = -1;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static int find(String[] names, String name, String source, long line) {
        int found = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                if (found >= 0) {
                    throw new CsvInputException(source, line, name, "the header names this column twice");
                }
                found = i;
            }
        }
        return found;
    }

    private static int require(String[] names, String name, String source, long line) {
        int i = find(names, name, source, line);
        if (i < 0) {
            throw new CsvInputException(source, line, name,
                    "missing column (header: " + String.join(",", names) + ")");
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
