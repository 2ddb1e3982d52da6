package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A subject's purchase instants only: the lightest subject for time-driven lifecycle rules, for
 * example for simulated customers. Gives the same signals as {@link CustomerHistory} without the
 * activity records.
 *
 * <pre>{@code
 * PurchaseTimeline t = PurchaseTimeline.of(List.of(firstBuy, secondBuy));
 * t.signalsAt(asOf); // days_since_last_purchase, repeat_purchases
 * tracker.advance(asOf, timelines::get, PurchaseTimeline.timeSignals(), null);
 * }</pre>
 *
 * <p>Purchases on the same UTC day count as one purchase occasion. Queries ask "as of" an
 * instant and ignore later purchases; they cost O(log n). Immutable and thread-safe.
 */
public final class PurchaseTimeline {
    private static final long SECONDS_PER_DAY = 86_400L;

    /** Purchase instants in epoch seconds, sorted. */
    private final long[] seconds;
    /** distinctDays[i]: number of distinct UTC days among purchases 0..i. */
    private final int[] distinctDays;

    private PurchaseTimeline(long[] seconds) {
        this.seconds = seconds;
        this.distinctDays = new int[seconds.length];
        long lastDay = Long.MIN_VALUE;
        int count = 0;
        for (int i = 0; i < seconds.length; i++) {
            long day = Math.floorDiv(seconds[i], SECONDS_PER_DAY);
            if (day != lastDay) {
                count++;
                lastDay = day;
            }
            distinctDays[i] = count;
        }
    }

    /**
     * Returns a timeline of the given purchase instants, in any order.
     *
     * @param purchases the instants, not null, no null element
     * @return the timeline, never null
     */
    public static PurchaseTimeline of(List<Instant> purchases) {
        long[] s = new long[Objects.requireNonNull(purchases, "purchases").size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = Objects.requireNonNull(purchases.get(i), "purchase").getEpochSecond();
        }
        java.util.Arrays.sort(s);
        return new PurchaseTimeline(s);
    }

    /**
     * Returns the purchase instants, sorted (to the second).
     *
     * @return the instants, never null
     */
    public List<Instant> purchases() {
        List<Instant> out = new ArrayList<>(seconds.length);
        for (long s : seconds) {
            out.add(Instant.ofEpochSecond(s));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the whole days from the last purchase at or before an instant.
     *
     * @param asOf the instant, not null
     * @return the days, empty before the first purchase
     */
    public OptionalLong daysSinceLastPurchase(Instant asOf) {
        int i = lastIndexAtOrBefore(asOf.getEpochSecond());
        return i < 0 ? OptionalLong.empty()
                : OptionalLong.of(Math.floorDiv(asOf.getEpochSecond() - seconds[i], SECONDS_PER_DAY));
    }

    /**
     * Counts repeat purchase occasions at or before an instant: distinct UTC days minus one.
     *
     * @param asOf the instant, not null
     * @return the count, zero or more
     */
    public int repeatPurchases(Instant asOf) {
        int i = lastIndexAtOrBefore(asOf.getEpochSecond());
        return i < 0 ? 0 : distinctDays[i] - 1;
    }

    /**
     * Returns {@link StandardLifecycles#DAYS_SINCE_LAST_PURCHASE} (absent before the first
     * purchase) and {@link StandardLifecycles#REPEAT_PURCHASES} at an instant.
     *
     * @param asOf the instant, not null
     * @return the signals, never null
     */
    public Signals signalsAt(Instant asOf) {
        Objects.requireNonNull(asOf, "asOf");
        int i = lastIndexAtOrBefore(asOf.getEpochSecond());
        Signals.Builder b = Signals.builder();
        if (i >= 0) {
            b.number(StandardLifecycles.DAYS_SINCE_LAST_PURCHASE, Math.floorDiv(asOf.getEpochSecond() - seconds[i], SECONDS_PER_DAY));
        }
        return b.number(StandardLifecycles.REPEAT_PURCHASES, i < 0 ? 0 : distinctDays[i] - 1).build();
    }

    /**
     * Returns the time signals of timelines, for {@link LifecycleTracker#advance}.
     *
     * @return {@code (timeline, asOf) -> timeline.signalsAt(asOf)}, never null
     */
    public static TimeSignals<PurchaseTimeline> timeSignals() {
        return PurchaseTimeline::signalsAt;
    }

    private int lastIndexAtOrBefore(long at) {
        int lo = 0;
        int hi = seconds.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (seconds[mid] > at) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found;
    }

    /**
     * Returns {@code PurchaseTimeline[purchases=n]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "PurchaseTimeline[purchases=" + seconds.length + "]";
    }

}
