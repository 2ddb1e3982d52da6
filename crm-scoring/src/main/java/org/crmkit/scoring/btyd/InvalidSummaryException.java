package org.crmkit.scoring.btyd;

import java.util.Objects;

/**
 * Thrown when a per-customer summary breaks a rule of the buy-till-you-die models (see
 * {@link BtydData}), for example a repeat buyer with recency 0. Names the offending row and
 * customer so that a caller can point at the input, as {@code crm} does with file and line.
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

    /**
     * Creates the exception; the message is {@code customer 'ID': REASON}.
     *
     * @param row the row of the summaries, counted from 0
     * @param customerId the customer id of the row, not null
     * @param reason what is wrong, naming field and value, not null
     */
    public InvalidSummaryException(int row, String customerId, String reason) {
        super("customer '" + Objects.requireNonNull(customerId, "customerId") + "': "
                + Objects.requireNonNull(reason, "reason"));
        this.row = row;
        this.customerId = customerId;
        this.reason = reason;
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
