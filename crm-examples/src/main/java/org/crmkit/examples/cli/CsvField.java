package org.crmkit.examples.cli;

/**
 * Writes one field of the command line's output CSV files (RFC 4180): quoted when it is empty,
 * has a leading or trailing space, or contains a comma, quote or line break, with inner quotes
 * doubled; otherwise as is. This is the rule {@code SummaryCsv} writes ids with, so every CSV
 * file {@code crm} writes reads back the same way.
 *
 * <p>Stateless and thread-safe.
 */
final class CsvField {

    private CsvField() {
    }

    /**
     * Appends a field to a line under construction.
     *
     * @param line the line, not null
     * @param value the field value, not null
     * @return {@code line}
     */
    static StringBuilder append(StringBuilder line, String value) {
        if (!needsQuotes(value)) {
            return line.append(value);
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        return line.append('"');
    }

    /**
     * Returns a field as it is written.
     *
     * @param value the field value, not null
     * @return the value, quoted where needed, never null
     */
    static String of(String value) {
        return needsQuotes(value) ? append(new StringBuilder(value.length() + 2), value).toString() : value;
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty() || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
