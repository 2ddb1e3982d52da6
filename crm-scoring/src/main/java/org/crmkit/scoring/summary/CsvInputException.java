package org.crmkit.scoring.summary;

import org.crmkit.core.csv.CsvFormatException;

/**
 * Thrown when a summary or transaction CSV cannot be read: a value that does not parse, a
 * missing column, a malformed line. It is the core {@link CsvFormatException} (one type names
 * file, line and field for every strict reader of the project), kept as a subtype so that
 * callers of the summary readers that catch it, or read its {@code get...} accessors, keep
 * working.
 *
 * <p>The message has the form {@code FILE:LINE: field 'COLUMN': REASON} (or
 * {@code FILE:LINE: REASON} when no single column is at fault), suitable as the one line
 * a command line prints.
 *
 * <pre>{@code
 * try {
 *     TransactionLog log = TransactionCsv.builder().customerColumn("id")
 *             .dateColumn("date").build().read(path);
 * } catch (CsvInputException e) {
 *     System.err.println(e.getMessage()); // transactions.csv:17: field 'date': ...
 * }
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class CsvInputException extends CsvFormatException {
    private static final long serialVersionUID = 2L;

    /**
     * Creates the exception.
     *
     * @param file the file name or source description, not null
     * @param line the 1-based line number, or 0 when the problem is not on one line
     * @param column the column name or 1-based position as text, or null when no single
     *     column is at fault
     * @param reason what is wrong, not null
     * @throws NullPointerException if file or reason is null
     * @throws IllegalArgumentException if line is negative
     */
    public CsvInputException(String file, long line, String column, String reason) {
        super(file, line, column, reason);
    }

    /**
     * Returns the file name or source description; the same as {@link #source()}.
     *
     * @return the file, never null
     */
    public String getFile() {
        return source();
    }

    /**
     * Returns the 1-based line number; the same as {@link #line()}.
     *
     * @return the line, or 0 when the problem is not on one line
     */
    public long getLine() {
        return line();
    }

    /**
     * Returns the column at fault, as header name or 1-based position; the same as
     * {@link #field()}.
     *
     * @return the column, or null when no single column is at fault
     */
    public String getColumn() {
        return field().orElse(null);
    }

    /**
     * Returns the reason without the location prefix; the same as {@link #problem()}.
     *
     * @return the reason, never null
     */
    public String getReason() {
        return problem();
    }
}
