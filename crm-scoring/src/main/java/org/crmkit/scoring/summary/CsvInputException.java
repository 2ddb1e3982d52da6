package org.crmkit.scoring.summary;

import java.util.Objects;

/**
 * Thrown when a CSV input cannot be read: a value that does not parse, a missing
 * column, a malformed line. Names the file, the 1-based line and the column.
 *
 * <p>The message has the form {@code FILE:LINE: column COLUMN: REASON} (or
 * {@code FILE:LINE: REASON} when no single column is at fault), suitable as the one line
 * a command line prints.
 *
 * <pre>{@code
 * try {
 *     TransactionLog log = TransactionCsv.builder().customerColumn("id")
 *             .dateColumn("date").build().read(path);
 * } catch (CsvInputException e) {
 *     System.err.println(e.getMessage()); // transactions.csv:17: column date: ...
 * }
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class CsvInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file the file name or source description, not null
     * @param line the 1-based line number, or 0 when the problem is not on one line
     * @param column the column name or 1-based position as text, or null when no single
     *     column is at fault
     * @param reason what is wrong, not null
     */
    public CsvInputException(String file, long line, String column, String reason) {
        super(format(file, line, column, reason));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String format(String file, long line, String column, String reason) {
        StringBuilder sb = new StringBuilder(Objects.requireNonNull(file, "file"));
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column ").append(column).append(": ");
        }
        return sb.append(Objects.requireNonNull(reason, "reason")).toString();
    }

    /**
     * Returns the file name or source description.
     *
     * @return the file, never null
     */
    public String getFile() {
        return file;
    }

    /**
     * Returns the 1-based line number.
     *
     * @return the line, or 0 when the problem is not on one line
     */
    public long getLine() {
        return line;
    }

    /**
     * Returns the column at fault, as header name or 1-based position.
     *
     * @return the column, or null when no single column is at fault
     */
    public String getColumn() {
        return column;
    }

    /**
     * Returns the reason without the location prefix.
     *
     * @return the reason, never null
     */
    public String getReason() {
        return reason;
    }
}
