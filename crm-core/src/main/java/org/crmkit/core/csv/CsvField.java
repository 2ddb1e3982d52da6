package org.crmkit.core.csv;

import java.util.Objects;

/**
 * The one rule by which crmkit writes a text field (a customer id, an item, a segment name)
 * into a CSV file, so that every CSV file it writes opens safely in a spreadsheet and reads
 * back to the same values.
 *
 * <p><b>Spreadsheet safety (on by default).</b> A spreadsheet treats a cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula
 * ("CSV injection"). Such a value is written with one apostrophe in front, which a
 * spreadsheet shows as text. To keep the rule reversible, a value that begins with one or
 * more apostrophes followed by one of those characters also gets one more apostrophe:
 * <pre>
 *   =SUM(A1)   is written  '=SUM(A1)
 *   '=SUM(A1)  is written  ''=SUM(A1)
 *   'abc       is written  'abc        (unchanged: no formula character after the apostrophes)
 * </pre>
 * {@link #restore} undoes it: it removes one apostrophe from a value that consists of
 * apostrophes followed by a formula character, and leaves every other value alone. crmkit's
 * readers of its own outputs (crm-scoring's {@code SummaryCsv}, the segment subject reader
 * {@code SubjectCsv}) restore ids this way, so a value survives any number of write-read rounds.
 *
 * <p><b>Quoting (RFC 4180).</b> After that, a value is enclosed in double quotes when it is
 * empty, begins or ends with a space, or contains a comma, a double quote, a line feed or a
 * carriage return (a bare CR included); inner double quotes are doubled. {@link CsvReader} reads
 * every such field back to the same value.
 *
 * <pre>{@code
 * CsvField.append(new StringBuilder(), "a,b");     // "a,b" in double quotes
 * CsvField.append(new StringBuilder(), "=1+2");    // '=1+2
 * CsvField.restore("'=1+2");                       // =1+2
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvField {

    private CsvField() {
    }

    /**
     * Appends a field to a line under construction, spreadsheet-safe.
     *
     * @param line the line, not null
     * @param value the field value, not null
     * @return {@code line}
     */
    public static StringBuilder append(StringBuilder line, String value) {
        return append(line, value, true);
    }

    /**
     * Appends a field to a line under construction.
     *
     * @param line the line, not null
     * @param value the field value, not null
     * @param spreadsheetSafe whether to neutralise a leading formula character (see the class
     *     documentation); false writes the value as it is, quoted where needed
     * @return {@code line}
     */
    public static StringBuilder append(StringBuilder line, String value, boolean spreadsheetSafe) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(value, "value");
        String v = spreadsheetSafe ? neutralise(value) : value;
        boolean quote = v.isEmpty() || v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ';
        for (int k = 0; k < v.length() && !quote; k++) {
            char c = v.charAt(k);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return line.append(v);
        }
        line.append('"');
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        return line.append('"');
    }

    /**
     * Returns a field as it is written, spreadsheet-safe and quoted where needed.
     *
     * @param value the field value, not null
     * @return the field text, never null
     */
    public static String of(String value) {
        return append(new StringBuilder(value.length() + 3), value, true).toString();
    }

    /**
     * Returns a value with a leading formula character neutralised by one more apostrophe,
     * as the class documentation describes; other values are returned unchanged.
     *
     * @param value the value, not null
     * @return the value as written, never null
     */
    public static String neutralise(String value) {
        Objects.requireNonNull(value, "value");
        return needsMark(value, 0) ? "'" + value : value;
    }

    /**
     * Undoes {@link #neutralise}: removes one leading apostrophe from a value made of one or
     * more apostrophes followed by a formula character ({@code = + - @}, tab, CR); other values
     * are returned unchanged.
     *
     * @param value the value as read, not null
     * @return the original value, never null
     */
    public static String restore(String value) {
        Objects.requireNonNull(value, "value");
        return !value.isEmpty() && value.charAt(0) == '\'' && needsMark(value, 1) ? value.substring(1) : value;
    }

    /** Whether {@code value} from {@code start} is zero or more apostrophes then a formula character. */
    private static boolean needsMark(String value, int start) {
        int i = start;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        if (i >= value.length()) {
            return false;
        }
        char c = value.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
