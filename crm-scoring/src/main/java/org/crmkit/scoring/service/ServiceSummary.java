package org.crmkit.scoring.service;

import java.util.Objects;
import java.util.OptionalDouble;
import org.crmkit.scoring.inference.Distribution;

/**
 * The service statistics of one group of cases (see {@link ServiceStatistics}).
 *
 * <p>Shares have documented denominators: first-contact resolution over resolved cases,
 * rejected over closed cases, reopened and breached over all cases; each share is 0 when
 * its denominator is 0. Times are in hours. Immutable and thread-safe.
 *
 * @param group the group, not null
 * @param cases the number of cases, at least 1
 * @param open cases still open at the reporting instant
 * @param resolved cases closed as resolved
 * @param rejected cases closed as rejected
 * @param reopened cases reopened at least once
 * @param resolvedAtFirstContact resolved cases without hand-over or reopening
 * @param breaches closed cases that took longer than the target, plus open cases older
 *     than the target
 * @param resolutionHours the distribution of the closed cases' resolution times, not null
 * @param openAgeHours the distribution of the open cases' ages at the reporting instant, not null
 * @param ratePerThousandCustomers cases per 1,000 customers of the group's base, empty when
 *     no base was given
 */
public record ServiceSummary(String group, long cases, long open, long resolved, long rejected, long reopened,
        long resolvedAtFirstContact, long breaches, Distribution resolutionHours, Distribution openAgeHours,
        OptionalDouble ratePerThousandCustomers) {
    /**
     * Validates the summary.
     *
     * @param group see the record component
     * @param cases see the record component
     * @param open see the record component
     * @param resolved see the record component
     * @param rejected see the record component
     * @param reopened see the record component
     * @param resolvedAtFirstContact see the record component
     * @param breaches see the record component
     * @param resolutionHours see the record component
     * @param openAgeHours see the record component
     * @param ratePerThousandCustomers see the record component
     * @throws IllegalArgumentException if the counts do not add up
     */
    public ServiceSummary {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(resolutionHours, "resolutionHours");
        Objects.requireNonNull(openAgeHours, "openAgeHours");
        Objects.requireNonNull(ratePerThousandCustomers, "ratePerThousandCustomers");
        if (cases < 1 || open < 0 || resolved < 0 || rejected < 0 || open + resolved + rejected != cases
                || reopened < 0 || reopened > cases || resolvedAtFirstContact < 0 || resolvedAtFirstContact > resolved
                || breaches < 0 || breaches > cases) {
            throw new IllegalArgumentException("service counts do not add up for group " + group);
        }
    }

    /**
     * Returns the share of resolved cases that were resolved at first contact.
     *
     * @return the share in [0, 1]
     */
    public double firstContactResolutionShare() {
        return resolved == 0 ? 0 : (double) resolvedAtFirstContact / resolved;
    }

    /**
     * Returns the share of closed cases that were rejected.
     *
     * @return the share in [0, 1]
     */
    public double rejectedShare() {
        long closed = resolved + rejected;
        return closed == 0 ? 0 : (double) rejected / closed;
    }

    /**
     * Returns the share of cases reopened at least once.
     *
     * @return the share in [0, 1]
     */
    public double reopenedShare() {
        return (double) reopened / cases;
    }

    /**
     * Returns the share of cases that breached the service-level target.
     *
     * @return the share in [0, 1]
     */
    public double breachShare() {
        return (double) breaches / cases;
    }
}
