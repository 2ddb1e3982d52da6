package org.crmkit.scoring.campaign;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The rule that ties outcomes to a campaign: a response or purchase counts for a
 * campaign when it comes from a customer of the campaign's target or control list and
 * falls in the window {@code [contact, contact + window)}, where the contact is the start
 * of the campaign's first day in the given time zone.
 *
 * <p>Each campaign attributes on its own: a purchase inside the windows of two campaigns
 * counts for both (no last-touch or fractional split), and the control comparison is
 * what corrects for purchases that would have happened anyway. Purchases are net: a
 * return line in the window lowers the revenue.
 *
 * <pre>{@code
 * Attribution rule = Attribution.within(Duration.ofDays(30), ZoneOffset.UTC);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param window how long after the contact outcomes are attributed, positive
 * @param zone the time zone of the campaign's calendar days, not null
 */
public record Attribution(Duration window, ZoneId zone) {
    /**
     * Validates the rule.
     *
     * @param window see the record component
     * @param zone see the record component
     * @throws IllegalArgumentException if the window is not positive
     */
    public Attribution {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(zone, "zone");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("attribution window must be positive: " + window);
        }
    }

    /**
     * Creates the rule.
     *
     * @param window how long after the contact outcomes count, positive
     * @param zone the time zone of campaign days, not null
     * @return the rule, never null
     * @throws IllegalArgumentException if the window is not positive
     */
    public static Attribution within(Duration window, ZoneId zone) {
        return new Attribution(window, zone);
    }
}
