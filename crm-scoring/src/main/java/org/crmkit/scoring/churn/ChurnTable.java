package org.crmkit.scoring.churn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;

/**
 * Customer attributes with an optional churn label, as read from a CSV export: the input
 * of {@link LogisticChurnModel}.
 *
 * <p>The rules for messy exports, each with the error it gives (a {@link CsvFormatException}
 * naming source, line and field, never echoing the value):
 * <ul>
 *   <li>the first line is a header; the id column names each customer and is never a
 *       feature; a blank or repeated id is an error;</li>
 *   <li>the label column (when reading for training or evaluation) holds {@code 1/0},
 *       {@code true/false} or {@code yes/no} in any case, blanks around it ignored;
 *       anything else, a blank label included, is an error;</li>
 *   <li>excluded columns are dropped unread;</li>
 *   <li>every other column is a feature column, kept as text here; {@link LogisticChurnModel}
 *       decides its type (numeric when every non-blank value is a number) and what blank cells
 *       mean.</li>
 * </ul>
 *
 * <pre>{@code
 * ChurnTable t = ChurnTable.read(Path.of("customers.csv"), "customer_id", "churned", Set.of("email"));
 * ChurnTable toScore = ChurnTable.read(Path.of("new.csv"), "customer_id", null, Set.of());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ChurnTable {

    private final String source;
    private final String[] ids;
    private final long[] lines;
    private final boolean[] labels;
    private final Map<String, String[]> columns;

    private ChurnTable(String source, String[] ids, long[] lines, boolean[] labels, Map<String, String[]> columns) {
        this.source = source;
        this.ids = ids;
        this.lines = lines;
        this.labels = labels;
        this.columns = columns;
    }

    /**
     * Reads a comma-separated file with a header.
     *
     * @param file the file, not null
     * @param idColumn the id column's header name, not null
     * @param labelColumn the label column's name, or null when the file has no labels
     * @param exclude columns to drop, not null
     * @return the table, never null
     * @throws IOException if the file cannot be read
     * @throws CsvFormatException naming line and field for a bad row or a missing column
     */
    public static ChurnTable read(Path file, String idColumn, String labelColumn, Collection<String> exclude)
            throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), idColumn, labelColumn, exclude);
        }
    }

    /**
     * Reads a comma-separated stream with a header, see {@link #read(Path, String, String, Collection)}.
     *
     * @param in the stream, not null
     * @param source the name used in errors, not null
     * @param idColumn the id column's header name, not null
     * @param labelColumn the label column's name, or null
     * @param exclude columns to drop, not null
     * @return the table, never null
     * @throws CsvFormatException naming line and field for a bad row or a missing column
     */
    public static ChurnTable read(InputStream in, String source, String idColumn, String labelColumn,
            Collection<String> exclude) {
        Objects.requireNonNull(idColumn, "idColumn");
        Objects.requireNonNull(exclude, "exclude");
        CsvReader reader = CsvReader.of(in, source, CsvReader.Options.comma());
        int id = reader.column(idColumn);
        int label = labelColumn == null ? -1 : reader.column(labelColumn);
        for (String x : exclude) {
            reader.column(x); // a misspelt exclusion is an error, not a silent feature
        }
        List<String> header = reader.header();
        List<Integer> featureIndex = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != id && c != label && !exclude.contains(header.get(c))) {
                featureIndex.add(c);
            }
        }
        List<String> ids = new ArrayList<>();
        long[] lines = new long[16];
        boolean[] labels = new boolean[16];
        List<List<String>> values = new ArrayList<>();
        featureIndex.forEach(c -> values.add(new ArrayList<>()));
        Map<String, Long> seen = new HashMap<>();
        for (CsvRecord row : reader) {
            String key = row.get(id).strip();
            if (key.isEmpty()) {
                throw row.error(id, "the customer id is blank");
            }
            Long first = seen.putIfAbsent(key, row.line());
            if (first != null) {
                throw row.error(id, "the customer id repeats that of line " + first);
            }
            int n = ids.size();
            if (n == lines.length) {
                lines = Arrays.copyOf(lines, n * 2);
                labels = Arrays.copyOf(labels, n * 2);
            }
            lines[n] = row.line();
            if (label >= 0) {
                labels[n] = parseLabel(row, label);
            }
            ids.add(key);
            for (int k = 0; k < featureIndex.size(); k++) {
                values.get(k).add(row.get(featureIndex.get(k)).strip());
            }
        }
        int n = ids.size();
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (int k = 0; k < featureIndex.size(); k++) {
            columns.put(header.get(featureIndex.get(k)), values.get(k).toArray(new String[0]));
        }
        return new ChurnTable(source, ids.toArray(new String[0]), Arrays.copyOf(lines, n),
                label >= 0 ? Arrays.copyOf(labels, n) : null, columns);
    }

    private static boolean parseLabel(CsvRecord row, int index) {
        String v = row.get(index).strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "1", "true", "yes":
                return true;
            case "0", "false", "no":
                return false;
            default:
                throw row.error(index, "the label is not binary (1/0, true/false or yes/no)");
        }
    }

    /**
     * Creates a table in memory.
     *
     * @param ids the customer ids, distinct, not null
     * @param columns feature columns by name, each as long as ids, not null
     * @param labels the outcomes, as long as ids, or null
     * @return the table, never null
     * @throws IllegalArgumentException if lengths differ or an id is blank or repeated
     */
    public static ChurnTable of(String[] ids, Map<String, String[]> columns, boolean[] labels) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(columns, "columns");
        int n = ids.length;
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (ids[i] == null || ids[i].isBlank() || !seen.add(ids[i])) {
                throw new IllegalArgumentException("row " + i + ": customer id is blank or repeated");
            }
        }
        Map<String, String[]> copy = new LinkedHashMap<>();
        columns.forEach((k, v) -> {
            if (v.length != n) {
                throw new IllegalArgumentException("column '" + k + "' has " + v.length + " values, expected " + n);
            }
            copy.put(k, v.clone());
        });
        if (labels != null && labels.length != n) {
            throw new IllegalArgumentException("labels " + labels.length + " and ids " + n + " differ in length");
        }
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            lines[i] = i + 2; // as if read with a header
        }
        return new ChurnTable("table", ids.clone(), lines, labels == null ? null : labels.clone(), copy);
    }

    /**
     * Returns the rows with the given indexes, in that order.
     *
     * @param rows row indexes, not null
     * @return the sub-table, never null
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public ChurnTable rows(int[] rows) {
        Objects.requireNonNull(rows, "rows");
        String[] id = new String[rows.length];
        long[] line = new long[rows.length];
        boolean[] label = labels == null ? null : new boolean[rows.length];
        Map<String, String[]> cols = new LinkedHashMap<>();
        columns.forEach((k, v) -> cols.put(k, new String[rows.length]));
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            id[r] = ids[i];
            line[r] = lines[i];
            if (label != null) {
                label[r] = labels[i];
            }
            for (Map.Entry<String, String[]> e : cols.entrySet()) {
                e.getValue()[r] = columns.get(e.getKey())[i];
            }
        }
        return new ChurnTable(source, id, line, label, cols);
    }

    /**
     * Returns the number of customers.
     *
     * @return the row count, {@code >= 0}
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns the name used in errors (the file).
     *
     * @return the source, never null
     */
    public String source() {
        return source;
    }

    /**
     * Returns a customer's id.
     *
     * @param i the row
     * @return the id, never null
     * @throws IndexOutOfBoundsException if out of range
     */
    public String customerId(int i) {
        return ids[i];
    }

    /**
     * Tells whether the table has labels.
     *
     * @return true if read with a label column
     */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * Returns the labels.
     *
     * @return a copy, true for a churner, never null
     * @throws IllegalStateException if the table has no labels
     */
    public boolean[] labels() {
        if (labels == null) {
            throw new IllegalStateException("the table has no label column");
        }
        return labels.clone();
    }

    /**
     * Returns the feature column names in file order.
     *
     * @return an unmodifiable list, never null
     */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** The raw (trimmed) values of a column, not copied: callers must not write. */
    String[] column(String name) {
        return columns.get(name);
    }

    long line(int i) {
        return lines[i];
    }

    @Override
    public String toString() {
        return "ChurnTable[" + source + ", " + ids.length + " rows, columns " + columns.keySet()
                + (labels == null ? "" : ", labelled") + "]";
    }
}
