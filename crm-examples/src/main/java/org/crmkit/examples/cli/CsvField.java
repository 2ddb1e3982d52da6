package org.crmkit.examples.cli;

import org.crmkit.scoring.summary.SummaryCsv;

/**
 * Writes one field of the command line's output CSV files with the quoting rule of
 * {@link SummaryCsv#appendField}, so that every CSV file {@code crm} writes reads back alike.
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
        return SummaryCsv.appendField(line, value);
    }

    /**
     * Returns a field as it is written.
     *
     * @param value the field value, not null
     * @return the value, quoted where needed, never null
     */
    static String of(String value) {
        return SummaryCsv.appendField(new StringBuilder(value.length() + 2), value).toString();
    }
}
