package org.crmkit.scoring.summary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Thrown when a transaction, or a customer's purchase day, cannot be summarised: for
 * example a transaction after the observation end, or a day with non-positive net value
 * under {@link NonPositiveDayPolicy#REJECT}.
 *
 * <p>Carries the offending customer id, date and amount. Instances are immutable.
 */
public final class InvalidTransactionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String customerId;
    private final LocalDate date;
    private final double amount;

    /**
     * Creates the exception.
     *
     * @param message the reason, not null
     * @param customerId the customer of the offending transaction or day, not null
     * @param date the date of the offending transaction or day, not null
     * @param amount the amount of the transaction or the net value of the day
     */
    public InvalidTransactionException(String message, String customerId, LocalDate date,
            double amount) {
        super(Objects.requireNonNull(message, "message"));
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.date = Objects.requireNonNull(date, "date");
        this.amount = amount;
    }

    /**
     * Returns the customer of the offending transaction or day.
     *
     * @return the customer id, never null
     */
    public String customerId() {
        return customerId;
    }

    /**
     * Returns the date of the offending transaction or day.
     *
     * @return the date, never null
     */
    public LocalDate date() {
        return date;
    }

    /**
     * Returns the amount of the transaction, or the net value of the day.
     *
     * @return the amount
     */
    public double amount() {
        return amount;
    }
}
