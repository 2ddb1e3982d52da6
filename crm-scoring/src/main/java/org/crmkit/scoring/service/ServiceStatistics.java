package org.crmkit.scoring.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.crmkit.scoring.inference.Distribution;

/**
 * Complaint and service-request statistics by group ("how fast do we resolve
 * complaints?"): counts, rate per 1,000 customers, resolution time and open age
 * distributions (median and percentiles, see {@link Distribution}), first-contact
 * resolution, reopened and rejected shares, and breaches of a service-level target.
 *
 * <p>Everything is measured as of a reporting instant: a case opened after it is left
 * out, a case closed after it counts as open (its age runs to the reporting instant), so a
 * report for last quarter does not see later events.
 *
 * <pre>{@code
 * ServiceStatistics stats = ServiceStatistics.asOf(now, Duration.ofHours(48));
 * SortedMap<String, ServiceSummary> byChannel = stats.summarize(cases, ServiceCase.byChannel());
 * byChannel.get("PHONE").resolutionHours().median();
 * stats.summarize(cases, ServiceCase.byPeriod(ReportingPeriod.QUARTER, zone), quarter -> customersIn(quarter));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceStatistics {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final Instant asOf;
    private final long asOfMillis;
    private final long targetMillis;

    private ServiceStatistics(Instant asOf, Duration target) {
        this.asOf = asOf;
        this.asOfMillis = asOf.toEpochMilli();
        this.targetMillis = target.toMillis();
    }

    /**
     * Creates the statistics for a reporting instant and service-level target.
     *
     * @param asOf the reporting instant, not null
     * @param target the time within which a case should be closed, positive
     * @return the statistics, never null
     * @throws IllegalArgumentException if the target is not positive
     */
    public static ServiceStatistics asOf(Instant asOf, Duration target) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(target, "target");
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("service-level target must be positive: " + target);
        }
        return new ServiceStatistics(asOf, target);
    }

    /**
     * Summarises cases by group, without a customer base (no rate per 1,000).
     *
     * @param cases the cases, not null, no null element
     * @param groupOf the group of a case, not null, never returning null
     * @return the summary per group with at least one case, sorted by group, never null
     */
    public SortedMap<String, ServiceSummary> summarize(Collection<ServiceCase> cases,
            Function<? super ServiceCase, String> groupOf) {
        return summarize(cases, groupOf, null);
    }

    /**
     * Summarises cases by group with the number of customers each group's cases come from,
     * for the rate per 1,000 customers.
     *
     * @param cases the cases, not null, no null element
     * @param groupOf the group of a case, not null, never returning null
     * @param customerBase the number of customers behind a group (for example active
     *     customers in a quarter), or null for no rate; a base of 0 or less gives no rate
     * @return the summary per group with at least one case, sorted by group, never null
     */
    public SortedMap<String, ServiceSummary> summarize(Collection<ServiceCase> cases,
            Function<? super ServiceCase, String> groupOf, ToLongFunction<String> customerBase) {
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(groupOf, "groupOf");
        Map<String, Tally> tallies = new HashMap<>();
        for (ServiceCase c : cases) {
            Objects.requireNonNull(c, "case");
            if (c.openedAt().isAfter(asOf)) {
                continue;
            }
            tallies.computeIfAbsent(Objects.requireNonNull(groupOf.apply(c), "group"), k -> new Tally()).add(c);
        }
        SortedMap<String, ServiceSummary> out = new TreeMap<>();
        tallies.forEach((g, t) -> {
            OptionalDouble rate = OptionalDouble.empty();
            if (customerBase != null) {
                long base = customerBase.applyAsLong(g);
                if (base > 0) {
                    rate = OptionalDouble.of(1000.0 * t.cases / base);
                }
            }
            out.put(g, new ServiceSummary(g, t.cases, t.open, t.resolved, t.rejected, t.reopened, t.firstContact,
                    t.breaches, Distribution.of(t.resolution, t.closedCount),
                    Distribution.of(t.openAge, t.openCount), rate));
        });
        return out;
    }

    /** Mutable per-group counts; confined to one call. */
    private final class Tally {
        long cases;
        long open;
        long resolved;
        long rejected;
        long reopened;
        long firstContact;
        long breaches;
        double[] resolution = new double[16];
        int closedCount;
        double[] openAge = new double[16];
        int openCount;

        void add(ServiceCase c) {
            cases++;
            if (c.reopenCount() > 0) {
                reopened++;
            }
            // milliseconds since the epoch: no Duration per case on a path that sees millions
            long opened = c.openedAt().toEpochMilli();
            long closed = c.closedAt().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
            if (closed <= asOfMillis) {
                long took = closed - opened;
                if (took > targetMillis) {
                    breaches++;
                }
                if (c.outcome() == ServiceCase.Outcome.REJECTED) {
                    rejected++;
                } else {
                    resolved++;
                    if (c.firstContact()) {
                        firstContact++;
                    }
                }
                if (closedCount == resolution.length) {
                    resolution = Arrays.copyOf(resolution, closedCount * 2);
                }
                resolution[closedCount++] = took / MILLIS_PER_HOUR;
            } else {
                open++;
                long age = asOfMillis - opened;
                if (age > targetMillis) {
                    breaches++;
                }
                if (openCount == openAge.length) {
                    openAge = Arrays.copyOf(openAge, openCount * 2);
                }
                openAge[openCount++] = age / MILLIS_PER_HOUR;
            }
        }
    }
}
