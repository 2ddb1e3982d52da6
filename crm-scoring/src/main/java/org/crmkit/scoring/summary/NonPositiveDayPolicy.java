package org.crmkit.scoring.summary;

/**
 * What a {@link Summarizer} does with a customer's purchase day whose net value (the sum
 * of that day's amounts, returns included) is zero or negative.
 *
 * <pre>{@code
 * Summarizer s = Summarizer.builder().nonPositiveDays(NonPositiveDayPolicy.EXCLUDE).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum NonPositiveDayPolicy {
    /**
     * The default: every day with at least one transaction is a purchase day, whatever
     * its net value; a zero or negative net value enters the monetary value as it is (so
     * a monetary value may be zero or negative). This is the convention of the CDNOW
     * reference summaries, which count zero-value orders as purchases.
     */
    KEEP,
    /**
     * A day with net value {@code <= 0} is not a purchase day: it counts neither in
     * frequency, recency, T nor in monetary value (nor in the holdout columns). Its
     * transactions still count in total spend and order count, so totals reconcile with
     * the log. A customer left without any calibration purchase day is omitted and
     * counted by {@link CustomerSummaries#omittedCustomers()}.
     */
    EXCLUDE,
    /**
     * A day with net value {@code <= 0} is an error: summarising throws an
     * {@link InvalidTransactionException} naming the customer, the day and the value.
     */
    REJECT
}
