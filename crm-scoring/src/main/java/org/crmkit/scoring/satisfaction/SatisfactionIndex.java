package org.crmkit.scoring.satisfaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.scoring.inference.Distribution;

/**
 * The satisfaction index {@code C = b / a} of CRM course material (customer satisfaction
 * = perceived experience b over expectation a; C >= 1 means the expectation was met) per
 * survey, per customer, and by group (segment, period, channel) with its distribution.
 *
 * <pre>{@code
 * Map<CustomerId, CustomerSatisfaction> each = SatisfactionIndex.perCustomer(surveys);
 * SortedMap<String, SatisfactionSummary> byQuarter = SatisfactionIndex.byGroup(surveys,
 *         s -> ReportingPeriod.QUARTER.label(s.timestamp(), ZoneOffset.UTC));
 * SortedMap<String, NetPromoterScore> npsByQuarter = SatisfactionIndex.npsByGroup(surveys, ...);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SatisfactionIndex {
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private SatisfactionIndex() {
    }

    /**
     * Summarises each customer's surveys.
     *
     * @param surveys the surveys of any customers, not null, no null element
     * @return one entry per customer with at least one survey, in order of first
     *     appearance, never null
     */
    public static Map<CustomerId, CustomerSatisfaction> perCustomer(Collection<SatisfactionSurvey> surveys) {
        Objects.requireNonNull(surveys, "surveys");
        Map<CustomerId, List<SatisfactionSurvey>> byCustomer = new LinkedHashMap<>();
        for (SatisfactionSurvey s : surveys) {
            Objects.requireNonNull(s, "survey");
            byCustomer.computeIfAbsent(s.customerId(), k -> new ArrayList<>()).add(s);
        }
        Map<CustomerId, CustomerSatisfaction> out = new LinkedHashMap<>();
        byCustomer.forEach((id, list) -> out.put(id, ofCustomer(list)));
        return out;
    }

    /**
     * Summarises one customer's surveys.
     *
     * @param surveys the customer's surveys, not null, not empty, all of one customer
     * @return the summary, never null
     * @throws IllegalArgumentException if the list is empty or mixes customers
     */
    public static CustomerSatisfaction ofCustomer(Collection<SatisfactionSurvey> surveys) {
        Objects.requireNonNull(surveys, "surveys");
        if (surveys.isEmpty()) {
            throw new IllegalArgumentException("no surveys");
        }
        List<SatisfactionSurvey> sorted = new ArrayList<>(surveys);
        sorted.sort(Comparator.comparing(SatisfactionSurvey::timestamp));
        CustomerId id = sorted.get(0).customerId();
        int n = sorted.size();
        double t0 = sorted.get(0).timestamp().getEpochSecond();
        double sumC = 0;
        double sumT = 0;
        for (SatisfactionSurvey s : sorted) {
            if (!s.customerId().equals(id)) {
                throw new IllegalArgumentException("surveys of more than one customer");
            }
            sumC += s.satisfaction();
            sumT += (s.timestamp().getEpochSecond() - t0) / SECONDS_PER_YEAR;
        }
        double meanC = sumC / n;
        double meanT = sumT / n;
        double sxy = 0;
        double sxx = 0;
        for (SatisfactionSurvey s : sorted) {
            double t = (s.timestamp().getEpochSecond() - t0) / SECONDS_PER_YEAR - meanT;
            sxy += t * (s.satisfaction() - meanC);
            sxx += t * t;
        }
        double trend = sxx > 0 ? sxy / sxx : 0;
        SatisfactionSurvey last = sorted.get(n - 1);
        double change = n > 1 ? last.satisfaction() - sorted.get(n - 2).satisfaction() : 0;
        return new CustomerSatisfaction(id, n, last.satisfaction(), last.timestamp(), change, meanC,
                Double.isFinite(trend) ? trend : 0);
    }

    /**
     * Describes the index by group: the distribution of C and the share of surveys that
     * met the expectation.
     *
     * @param surveys the surveys, not null, no null element
     * @param groupOf the group of a survey (a segment, {@link ReportingPeriod#label}, a
     *     channel), not null, never returning null
     * @return the summary per group, sorted by group, never null
     */
    public static SortedMap<String, SatisfactionSummary> byGroup(Collection<SatisfactionSurvey> surveys,
            Function<? super SatisfactionSurvey, String> groupOf) {
        Objects.requireNonNull(surveys, "surveys");
        Objects.requireNonNull(groupOf, "groupOf");
        Map<String, double[]> values = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        for (SatisfactionSurvey s : surveys) {
            Objects.requireNonNull(s, "survey");
            String g = Objects.requireNonNull(groupOf.apply(s), "group");
            int[] c = counts.computeIfAbsent(g, k -> new int[2]);
            double[] v = values.get(g);
            if (v == null || v.length == c[0]) {
                v = v == null ? new double[16] : java.util.Arrays.copyOf(v, v.length * 2);
                values.put(g, v);
            }
            v[c[0]++] = s.satisfaction();
            if (s.satisfaction() >= 1) {
                c[1]++;
            }
        }
        SortedMap<String, SatisfactionSummary> out = new TreeMap<>();
        counts.forEach((g, c) -> out.put(g, new SatisfactionSummary(Distribution.of(values.get(g), c[0]),
                (double) c[1] / c[0])));
        return out;
    }

    /**
     * Counts the net promoter score by group; surveys without an NPS answer are skipped,
     * and a group with none of them is left out.
     *
     * @param surveys the surveys, not null, no null element
     * @param groupOf the group of a survey, not null, never returning null
     * @return the score per group, sorted by group, never null
     */
    public static SortedMap<String, NetPromoterScore> npsByGroup(Collection<SatisfactionSurvey> surveys,
            Function<? super SatisfactionSurvey, String> groupOf) {
        Objects.requireNonNull(surveys, "surveys");
        Objects.requireNonNull(groupOf, "groupOf");
        SortedMap<String, NetPromoterScore> out = new TreeMap<>();
        for (SatisfactionSurvey s : surveys) {
            Objects.requireNonNull(s, "survey");
            if (s.npsAnswer() != null) {
                out.merge(Objects.requireNonNull(groupOf.apply(s), "group"),
                        NetPromoterScore.empty().plus(s.npsAnswer()), NetPromoterScore::plus);
            }
        }
        return out;
    }

    /**
     * The satisfaction of a group: the distribution of the index and the share of
     * surveys with {@code C >= 1}.
     *
     * <p>Immutable and thread-safe.
     *
     * @param index the distribution of C over the group's surveys, not null
     * @param shareMeetingExpectation the share of surveys with C >= 1, in [0, 1]
     */
    public record SatisfactionSummary(Distribution index, double shareMeetingExpectation) {
        /**
         * Validates the components.
         *
         * @param index see the record component
         * @param shareMeetingExpectation see the record component
         * @throws IllegalArgumentException if the share is outside [0, 1]
         */
        public SatisfactionSummary {
            Objects.requireNonNull(index, "index");
            if (!(shareMeetingExpectation >= 0 && shareMeetingExpectation <= 1)) {
                throw new IllegalArgumentException("share must be in [0, 1]: " + shareMeetingExpectation);
            }
        }
    }
}
