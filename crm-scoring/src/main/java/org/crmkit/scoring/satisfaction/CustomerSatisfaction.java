package org.crmkit.scoring.satisfaction;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * One customer's satisfaction from their surveys: the latest index {@code C = b / a}, the
 * change from the survey before, the mean, and the trend (least-squares slope of C
 * against time, per 365.25 days).
 *
 * <p>With one survey the change and the trend are 0; with several surveys at the same
 * instant the trend is 0. Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param surveys the number of surveys, at least 1
 * @param latest the index of the latest survey, finite, not negative
 * @param latestAt when the latest survey was taken, not null
 * @param change latest minus the index of the survey before, finite
 * @param mean the mean index over the surveys, finite
 * @param trendPerYear the least-squares slope of the index per year, finite
 */
public record CustomerSatisfaction(CustomerId customerId, int surveys, double latest, Instant latestAt,
        double change, double mean, double trendPerYear) {
    /**
     * Validates the components.
     *
     * @param customerId see the record component
     * @param surveys see the record component
     * @param latest see the record component
     * @param latestAt see the record component
     * @param change see the record component
     * @param mean see the record component
     * @param trendPerYear see the record component
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if customerId or latestAt is null
     */
    public CustomerSatisfaction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(latestAt, "latestAt");
        if (surveys < 1 || !Double.isFinite(latest) || latest < 0 || !Double.isFinite(change)
                || !Double.isFinite(mean) || !Double.isFinite(trendPerYear)) {
            throw new IllegalArgumentException("invalid satisfaction of " + customerId + ": surveys " + surveys
                    + ", latest " + latest + ", change " + change + ", mean " + mean + ", trend " + trendPerYear);
        }
    }

    /**
     * Tells whether the latest experience met the expectation ({@code C >= 1}).
     *
     * @return true if satisfied
     */
    public boolean satisfied() {
        return latest >= 1;
    }
}
