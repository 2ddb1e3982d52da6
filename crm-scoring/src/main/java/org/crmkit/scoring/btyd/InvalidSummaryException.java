package org.crmkit.scoring.btyd;

import java.util.Objects;

/**
 * Thrown when a per-customer summary breaks a rule of the buy-till-you-die models (see
 * {@link BtydData}), for example a repeat buyer with recency 0. Names the offending row,
 * customer and field and, for summaries read from a file, the file and its 1-based line,
 * so that a caller can point at the input, as {@code crm} does.
 *
 * <pre>{@code
 * try {
 *     BtydData data = BtydData.from(summaries);
 * } catch (InvalidSummaryException e) {
 *     System.err.println("row " + e.row() + ": " + e.getMessage());
 * }
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class InvalidSummaryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int row;
    private final String customerId;
    private final String reason;
    private final String field;
    private final String file;
    private final long line;

    /**
     * Creates the exception; the message is {@code customer 'ID': REASON}.
     *
     * @param row the row of the summaries, counted from 0
     * @param customerId the customer id of the row, not null
     * @param reason what is wrong, naming field and value, not null
     */
    public InvalidSummaryException(int row, String customerId, String reason) {
        this(row, customerId, reason, null, null, 0);
    }

    /**
     * Creates the exception with the location in the input; the message is
     * {@code customer 'ID': REASON}.
     *
     * @param row the row of the summaries, counted from 0
     * @param customerId the customer id of the row, not null
     * @param reason what is wrong, naming field and value, not null
     * @param field the column at fault as the input names it, or null
     * @param file the file the summaries were read from, or null
     * @param line the 1-based line of the row in that file, or 0 when unknown
     */
    public InvalidSummaryException(int row, String customerId, String reason, String field,
            String file, long line) {
        super("customer '" + Objects.requireNonNull(customerId, "customerId") + "': "
                + Objects.requireNonNull(reason, "reason"));
        this.row = row;
        this.customerId = customerId;
        this.reason = reason;
        this.field = field;
        this.file = file;
        this.line = line;
    }

    /**
     * Returns the column at fault, as the input names it (for example {@code x} or
     * {@code frequency}).
     *
     * @return the field, or null when no single field is at fault
     */
    public String field() {
        return field;
    }

    /**
     * Returns the file the summaries were read from.
     *
     * @return the file name, or null when the summaries did not come from a file
     */
    public String file() {
        return file;
    }

    /**
     * Returns the 1-based line of the offending row in {@link #file()}.
     *
     * @return the line, or 0 when unknown
     */
    public long line() {
        return line;
    }

    /**
     * Returns the offending row.
     *
     * @return the row, counted from 0
     */
    public int row() {
        return row;
    }

    /**
     * Returns the customer id of the offending row.
     *
     * @return the id, never null
     */
    public String customerId() {
        return customerId;
    }

    /**
     * Returns what is wrong, without the customer.
     *
     * @return the reason, never null
     */
    public String reason() {
        return reason;
    }
}
