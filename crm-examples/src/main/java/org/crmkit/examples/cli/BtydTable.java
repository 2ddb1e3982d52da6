package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.summary.CsvInputException;

/**
 * A per-customer summary CSV read for the buy-till-you-die commands: columns found by
 * header name, {@code customer_id} (or {@code ID}), {@code frequency}, {@code recency},
 * {@code T} (or {@code periods} for discrete-time models), and optionally
 * {@code monetary_value}, {@code weights}, {@code frequency_holdout} and
 * {@code duration_holdout}. Every row is validated as {@link BtydData} does; problems
 * throw a {@link CsvInputException} naming file, line and column.
 *
 * <p>Not thread-safe to build; the arrays are owned by the reader after {@link #read}.
 */
final class BtydTable {

    final String[] ids;
    final double[] frequency;
    final double[] recency;
    final double[] age;
    final double[] monetary;
    final double[] weights;
    final double[] holdoutFrequency;
    final double[] holdoutDuration;

    private BtydTable(String[] ids, double[] frequency, double[] recency, double[] age,
            double[] monetary, double[] weights, double[] holdoutFrequency,
            double[] holdoutDuration) {
        this.ids = ids;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
        this.weights = weights;
        this.holdoutFrequency = holdoutFrequency;
        this.holdoutDuration = holdoutDuration;
    }

    int size() {
        return frequency.length;
    }

    boolean hasMonetary() {
        return monetary != null;
    }

    boolean hasHoldout() {
        return holdoutFrequency != null;
    }

    /** The calibration data, with monetary values when the file has them. */
    BtydData data() {
        double[] w = weights != null ? weights : ones();
        return monetary != null ? BtydData.withMonetary(frequency, recency, age, monetary, w)
                : BtydData.of(frequency, recency, age, w);
    }

    private double[] ones() {
        double[] w = new double[frequency.length];
        Arrays.fill(w, 1);
        return w;
    }

    static BtydTable read(Path file, boolean requireHoldout) throws IOException {
        String source = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new CsvInputException(source, 0, null, "the file is empty (no header line)");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            List<String> names = split(header);
            int id = find(names, "customer_id");
            if (id < 0) {
                id = findIgnoreCase(names, "id");
            }
            int fx = required(names, source, "frequency");
            int fr = required(names, source, "recency");
            int ft = find(names, "T");
            if (ft < 0) {
                ft = find(names, "periods");
            }
            if (ft < 0) {
                throw new CsvInputException(source, 1, "T", "the header has neither T nor periods");
            }
            int fm = find(names, "monetary_value");
            int fw = find(names, "weights");
            int fh = find(names, "frequency_holdout");
            int fd = find(names, "duration_holdout");
            if (requireHoldout && (fh < 0 || fd < 0)) {
                throw new CsvInputException(source, 1, fh < 0 ? "frequency_holdout" : "duration_holdout",
                        "the header lacks this holdout column");
            }
            List<String> ids = new ArrayList<>();
            double[][] cols = new double[7][1024];
            int n = 0;
            long lineNo = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = split(line);
                if (f.size() < names.size()) {
                    throw new CsvInputException(source, lineNo, null, "expected " + names.size()
                            + " fields, found " + f.size());
                }
                if (n == cols[0].length) {
                    for (int c = 0; c < cols.length; c++) {
                        cols[c] = Arrays.copyOf(cols[c], n * 2);
                    }
                }
                ids.add(id >= 0 ? f.get(id) : Integer.toString(n + 1));
                double x = number(f, fx, names, source, lineNo);
                double tx = number(f, fr, names, source, lineNo);
                double t = number(f, ft, names, source, lineNo);
                double m = fm >= 0 ? number(f, fm, names, source, lineNo) : 0;
                double w = fw >= 0 ? number(f, fw, names, source, lineNo) : 1;
                try {
                    BtydData.validateRow(0, x, tx, t, x == 0 ? 0 : m, w);
                } catch (IllegalArgumentException e) {
                    throw new CsvInputException(source, lineNo, null,
                            e.getMessage().replaceFirst("^row 0: ", ""));
                }
                cols[0][n] = x;
                cols[1][n] = tx;
                cols[2][n] = t;
                cols[3][n] = x == 0 ? 0 : m;
                cols[4][n] = w;
                if (fh >= 0 && fd >= 0) {
                    double h = number(f, fh, names, source, lineNo);
                    double d = number(f, fd, names, source, lineNo);
                    if (h < 0 || h != Math.rint(h)) {
                        throw new CsvInputException(source, lineNo, "frequency_holdout",
                                "not a whole number >= 0: " + h);
                    }
                    if (!(d > 0)) {
                        throw new CsvInputException(source, lineNo, "duration_holdout",
                                "not positive: " + d);
                    }
                    cols[5][n] = h;
                    cols[6][n] = d;
                }
                n++;
            }
            if (n == 0) {
                throw new CsvInputException(source, 0, null, "no customer rows (empty table)");
            }
            return new BtydTable(ids.toArray(new String[0]), Arrays.copyOf(cols[0], n),
                    Arrays.copyOf(cols[1], n), Arrays.copyOf(cols[2], n),
                    fm >= 0 ? Arrays.copyOf(cols[3], n) : null,
                    fw >= 0 ? Arrays.copyOf(cols[4], n) : null,
                    fh >= 0 && fd >= 0 ? Arrays.copyOf(cols[5], n) : null,
                    fh >= 0 && fd >= 0 ? Arrays.copyOf(cols[6], n) : null);
        }
    }

    private static int find(List<String> names, String name) {
        return names.indexOf(name);
    }

    private static int findIgnoreCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int required(List<String> names, String source, String name) {
        int i = find(names, name);
        if (i < 0) {
            throw new CsvInputException(source, 1, name, "the header lacks this column");
        }
        return i;
    }

    private static double number(List<String> fields, int col, List<String> names, String source,
            long line) {
        String text = fields.get(col).trim();
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CsvInputException(source, line, names.get(col),
                    "not a finite number: '" + text + "'");
        }
    }

    /** Splits one CSV line (RFC 4180 quotes, no embedded line breaks). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
