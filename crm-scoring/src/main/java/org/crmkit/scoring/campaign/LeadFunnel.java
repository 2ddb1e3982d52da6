package org.crmkit.scoring.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.scoring.inference.Distribution;

/**
 * The funnel from lead to contact to first purchase, by lead source ("which of the 4,700
 * trade-show leads responded?").
 *
 * <p>A lead is <em>contacted</em> when an {@link Interaction} with the customer falls in
 * {@code [lead time, lead time + window)}, and <em>converted</em> when a purchase (not a
 * return) falls in that window; the days to the first purchase are measured from the lead.
 * A customer who is a lead of several sources counts in each.
 *
 * <pre>{@code
 * SortedMap<String, LeadFunnel.Stage> funnel = LeadFunnel.bySource(leads, activities, Duration.ofDays(90));
 * funnel.get("trade-show-2026").conversionRate();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LeadFunnel {
    private LeadFunnel() {
    }

    /**
     * Follows leads through the funnel.
     *
     * @param leads the leads, not null, no null element
     * @param activities the leads' activities (others are ignored), not null
     * @param window how long after the lead contacts and purchases count, positive
     * @return the funnel per source, sorted by source, never null
     * @throws IllegalArgumentException if the window is not positive
     */
    public static SortedMap<String, Stage> bySource(Collection<Lead> leads, Collection<? extends Activity> activities,
            Duration window) {
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        Map<CustomerId, java.util.List<Activity>> byCustomer = new HashMap<>();
        for (Activity a : activities) {
            Objects.requireNonNull(a, "activity");
            byCustomer.computeIfAbsent(a.customerId(), k -> new java.util.ArrayList<>()).add(a);
        }
        Map<String, long[]> counts = new HashMap<>();
        Map<String, double[]> days = new HashMap<>();
        for (Lead lead : leads) {
            Objects.requireNonNull(lead, "lead");
            Instant from = lead.at();
            Instant to = from.plus(window);
            boolean contacted = false;
            Instant firstPurchase = null;
            for (Activity a : byCustomer.getOrDefault(lead.customerId(), java.util.List.of())) {
                Instant t = a.timestamp();
                if (t.isBefore(from) || !t.isBefore(to)) {
                    continue;
                }
                if (a instanceof Interaction) {
                    contacted = true;
                } else if (a instanceof Purchase p && !p.isReturn()
                        && (firstPurchase == null || t.isBefore(firstPurchase))) {
                    firstPurchase = t;
                }
            }
            long[] c = counts.computeIfAbsent(lead.source(), k -> new long[3]);
            c[0]++;
            if (contacted) {
                c[1]++;
            }
            if (firstPurchase != null) {
                double[] d = days.get(lead.source());
                int k = (int) c[2];
                if (d == null || d.length == k) {
                    d = d == null ? new double[16] : java.util.Arrays.copyOf(d, d.length * 2);
                    days.put(lead.source(), d);
                }
                d[k] = Duration.between(from, firstPurchase).toSeconds() / 86_400.0;
                c[2]++;
            }
        }
        SortedMap<String, Stage> out = new TreeMap<>();
        counts.forEach((source, c) -> {
            double[] d = days.get(source);
            Distribution dist = d == null ? Distribution.of(new double[0]) : Distribution.of(d, (int) c[2]);
            out.put(source, new Stage(source, c[0], c[1], c[2], dist));
        });
        return out;
    }

    /**
     * The funnel of one lead source.
     *
     * <p>Immutable and thread-safe.
     *
     * @param source the lead source, not null
     * @param leads the number of leads, at least 1
     * @param contacted leads with a contact in the window
     * @param converted leads with a purchase in the window
     * @param daysToFirstPurchase the distribution of days from lead to first purchase of the
     *     converted leads, not null (empty when none converted)
     */
    public record Stage(String source, long leads, long contacted, long converted,
            Distribution daysToFirstPurchase) {
        /**
         * Validates the stage.
         *
         * @param source see the record component
         * @param leads see the record component
         * @param contacted see the record component
         * @param converted see the record component
         * @param daysToFirstPurchase see the record component
         * @throws IllegalArgumentException if the counts are out of range
         */
        public Stage {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(daysToFirstPurchase, "daysToFirstPurchase");
            if (leads < 1 || contacted < 0 || contacted > leads || converted < 0 || converted > leads) {
                throw new IllegalArgumentException("invalid funnel counts: " + leads + ", " + contacted + ", "
                        + converted);
            }
        }

        /**
         * Returns the share of leads contacted.
         *
         * @return the contact rate in [0, 1]
         */
        public double contactRate() {
            return (double) contacted / leads;
        }

        /**
         * Returns the share of leads that bought.
         *
         * @return the conversion rate in [0, 1]
         */
        public double conversionRate() {
            return (double) converted / leads;
        }
    }
}
