package org.crmkit.scoring.basket;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;
import org.crmkit.core.csv.CsvRecord;
import org.crmkit.scoring.summary.SummaryCsv;

/**
 * Writes and reads association rules as CSV:
 * {@code lhs,rhs,support,confidence,lift,leverage,conviction,count}. The lhs and rhs items
 * are sorted and joined by {@code |} (an empty lhs is an empty, unquoted field); numbers are plain
 * decimals with the shortest digits that read back to the same double (no exponent, locale
 * independent); an unbounded conviction is written {@code inf}, as R arules prints
 * {@code Inf}. Fields are quoted as {@link SummaryCsv#appendField} quotes them.
 *
 * <pre>{@code
 * try (Writer w = Files.newBufferedWriter(path)) {
 *     RuleCsv.writeHeader(w);
 *     ruleSet.forEach(r -> RuleCsv.writeRule(w, r));
 * }
 * List<AssociationRule> back = RuleCsv.read(path);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleCsv {
    /** The header line's columns. */
    public static final List<String> COLUMNS = List.of("lhs", "rhs", "support", "confidence",
            "lift", "leverage", "conviction", "count");
    /** The text of an unbounded conviction. */
    public static final String INFINITE = "inf";

    private RuleCsv() {
    }

    /**
     * Writes the header line.
     *
     * @param out the output, not null
     * @throws IOException if writing fails
     */
    public static void writeHeader(Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write('\n');
    }

    /**
     * Writes one rule as a line.
     *
     * @param out the output, not null
     * @param rule the rule, not null
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if an item contains {@code |}, which would not read back
     */
    public static void writeRule(Writer out, AssociationRule rule) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(rule, "rule");
        StringBuilder sb = new StringBuilder(96);
        if (!rule.lhs().isEmpty()) {
            SummaryCsv.appendField(sb, join(rule.lhs()));
        }
        sb.append(',');
        SummaryCsv.appendField(sb, join(rule.rhs())).append(',');
        sb.append(number(rule.support())).append(',').append(number(rule.confidence())).append(',')
                .append(number(rule.lift())).append(',').append(number(rule.leverage())).append(',')
                .append(rule.conviction().isPresent() ? number(rule.conviction().getAsDouble()) : INFINITE)
                .append(',').append(rule.count()).append('\n');
        out.write(sb.toString());
    }

    /**
     * Joins items with {@code |}.
     *
     * @param items the items, not null
     * @return the joined text, never null
     * @throws IllegalArgumentException if an item contains {@code |}
     */
    public static String join(List<String> items) {
        for (String item : items) {
            if (item.indexOf('|') >= 0) {
                throw new IllegalArgumentException("item contains '|', the item separator of the CSV: " + item);
            }
        }
        return String.join("|", items);
    }

    /**
     * Formats a finite double as a plain decimal with the shortest round-trip digits.
     *
     * @param value the value, finite
     * @return the text, e.g. {@code 0.0001}, {@code 1}, {@code -0.0123}, never null
     * @throws IllegalArgumentException if the value is not finite
     */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not finite: " + value);
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /**
     * Reads a rules CSV as {@link #writeRule} writes it, with {@link CsvReader}'s rules
     * (columns found by header name; other columns ignored).
     *
     * @param file the file, not null
     * @return the rules in file order, never null
     * @throws IOException if the file cannot be read
     * @throws CsvFormatException naming file, line and column if the content is invalid
     */
    public static List<AssociationRule> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a rules CSV from a stream; the stream is not closed.
     *
     * @param stream the input, not null
     * @param source the name used in error messages, not null
     * @return the rules in input order, never null
     * @throws CsvFormatException naming file, line and column if the content is invalid
     */
    public static List<AssociationRule> read(InputStream stream, String source) {
        CsvReader in = CsvReader.of(stream, source, CsvReader.Options.comma());
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < at.length; c++) {
            at[c] = in.column(COLUMNS.get(c));
        }
        List<AssociationRule> rules = new ArrayList<>();
        CsvRecord r;
        while ((r = in.next()) != null) {
            List<String> lhs = items(r, at[0], true);
            List<String> rhs = items(r, at[1], false);
            double support = r.getDouble(at[2]);
            double confidence = r.getDouble(at[3]);
            double lift = r.getDouble(at[4]);
            double leverage = r.getDouble(at[5]);
            String conv = r.get(at[6]).strip();
            OptionalDouble conviction = conv.equalsIgnoreCase(INFINITE)
                    ? OptionalDouble.empty() : OptionalDouble.of(r.getDouble(at[6]));
            long count = r.getLong(at[7]);
            try {
                rules.add(new AssociationRule(lhs, rhs, support, confidence, lift, leverage, conviction, count));
            } catch (IllegalArgumentException e) {
                throw r.error(e.getMessage().replaceAll(":.*", ""));
            }
        }
        return rules;
    }

    private static List<String> items(CsvRecord r, int index, boolean mayBeEmpty) {
        String text = r.get(index).strip();
        if (text.isEmpty()) {
            if (!mayBeEmpty) {
                throw r.error(index, "is empty");
            }
            return List.of();
        }
        String[] parts = text.split("\\|", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
            if (parts[i].isEmpty()) {
                throw r.error(index, "has an empty item");
            }
        }
        Arrays.sort(parts);
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals(parts[i - 1])) {
                throw r.error(index, "has an item twice");
            }
        }
        return List.of(parts);
    }
}
