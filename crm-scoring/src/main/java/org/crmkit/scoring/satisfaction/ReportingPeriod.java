package org.crmkit.scoring.satisfaction;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The calendar periods that reports group by, with sortable labels:
 * {@code 2026-03} (month), {@code 2026-Q1} (quarter), {@code 2026} (year).
 *
 * <pre>{@code
 * ReportingPeriod.QUARTER.label(Instant.parse("2026-05-02T10:00:00Z"), ZoneOffset.UTC);   // "2026-Q2"
 * }</pre>
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ReportingPeriod {
    /** Calendar months. */
    MONTH,
    /** Calendar quarters. */
    QUARTER,
    /** Calendar years. */
    YEAR;

    /**
     * Returns the label of the period an instant falls in, in the given time zone.
     *
     * @param at the instant, not null
     * @param zone the time zone of the calendar, not null
     * @return the label, never null; labels sort in time order for years 1000..9999
     */
    public String label(Instant at, ZoneId zone) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        ZonedDateTime t = at.atZone(zone);
        int y = t.getYear();
        switch (this) {
            case MONTH:
                return String.format(java.util.Locale.ROOT, "%04d-%02d", y, t.getMonthValue());
            case QUARTER:
                return String.format(java.util.Locale.ROOT, "%04d-Q%d", y, (t.getMonthValue() - 1) / 3 + 1);
            default:
                return String.format(java.util.Locale.ROOT, "%04d", y);
        }
    }
}
