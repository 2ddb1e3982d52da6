package org.crmkit.scoring.summary;

import java.util.Locale;
import java.util.Objects;

/**
 * The unit in which recency, T and the holdout duration of a customer summary are
 * expressed.
 *
 * <p>Every unit is a fixed number of days, so a duration in days {@code n} is
 * {@code n / days()} units and may be fractional. A month is defined as
 * {@code 365.25 / 12 = 30.4375} days, the mean month of the Julian year; calendar months
 * of unequal length are deliberately not used, so that a month is the same length
 * wherever it falls.
 *
 * <pre>{@code
 * double weeks = TimeUnit.WEEKS.fromDays(272);       // 38.857...
 * TimeUnit unit = TimeUnit.parse("months");          // MONTHS
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum TimeUnit {
    /** One day. */
    DAYS(1.0),
    /** Seven days. */
    WEEKS(7.0),
    /** The mean Julian month: 365.25 / 12 = 30.4375 days. */
    MONTHS(365.25 / 12.0);

    private final double days;

    TimeUnit(double days) {
        this.days = days;
    }

    /**
     * Returns the length of this unit in days.
     *
     * @return the number of days in one unit, positive
     */
    public double days() {
        return days;
    }

    /**
     * Converts a whole number of days into this unit.
     *
     * @param days a number of days, may be negative
     * @return {@code days / days()}
     */
    public double fromDays(long days) {
        return days / this.days;
    }

    /**
     * Parses a unit from its name, ignoring case: {@code days}, {@code weeks} or
     * {@code months} (the singular forms are accepted too).
     *
     * @param name the unit name, not null
     * @return the unit, never null
     * @throws IllegalArgumentException if the name is not a known unit
     */
    public static TimeUnit parse(String name) {
        Objects.requireNonNull(name, "name");
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "day":
            case "days":
                return DAYS;
            case "week":
            case "weeks":
                return WEEKS;
            case "month":
            case "months":
                return MONTHS;
            default:
                throw new IllegalArgumentException(
                        "unknown time unit '" + name + "'; expected days, weeks or months");
        }
    }

    /**
     * Returns the lower-case plural name, as accepted by {@link #parse(String)}.
     *
     * @return {@code days}, {@code weeks} or {@code months}
     */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
