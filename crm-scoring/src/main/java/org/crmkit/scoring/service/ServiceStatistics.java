package org.crmkit.scoring.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.crmkit.scoring.Parallelism;
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
 * <p>Large case lists are tallied in chunks of at least {@value #CHUNK} cases on the
 * {@link Parallelism} given to {@link #withParallelism} (the default is
 * {@link Parallelism#defaults()}), and each group's distributions are computed at the same
 * time; the chunks are merged in input order, so the result is the same on every setting.
 * The grouping function is then called from several threads at once and must be
 * thread-safe (the ones {@link ServiceCase} offers are).
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceStatistics {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    /** The fewest cases a parallel chunk holds. */
    static final int CHUNK = 1 << 16;

    private final Instant asOf;
    private final Duration target;
    private final long asOfMillis;
    private final long targetMillis;
    private final Parallelism parallelism;

    private ServiceStatistics(Instant asOf, Duration target, Parallelism parallelism) {
        this.asOf = asOf;
        this.target = target;
        this.asOfMillis = asOf.toEpochMilli();
        this.targetMillis = target.toMillis();
        this.parallelism = parallelism;
    }

    /**
     * Returns these statistics computed where {@code parallelism} says.
     *
     * @param parallelism where the tallies run, not null
     * @return statistics with the same reporting instant and target, never null
     */
    public ServiceStatistics withParallelism(Parallelism parallelism) {
        return new ServiceStatistics(asOf, target, Objects.requireNonNull(parallelism, "parallelism"));
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
        return new ServiceStatistics(asOf, target, Parallelism.defaults());
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
        ServiceCase[] all = cases.toArray(new ServiceCase[0]);
        int chunks = Parallelism.chunkCount(all.length, CHUNK);
        AtomicReferenceArray<Map<String, Tally>> parts = new AtomicReferenceArray<>(chunks);
        parallelism.forEachChunk(all.length, CHUNK, (chunk, from, to) -> {
            Map<String, Tally> tallies = new HashMap<>();
            for (int i = from; i < to; i++) {
                ServiceCase c = Objects.requireNonNull(all[i], "case");
                if (c.openedAt().isAfter(asOf)) {
                    continue;
                }
                tallies.computeIfAbsent(Objects.requireNonNull(groupOf.apply(c), "group"), k -> new Tally()).add(c);
            }
            parts.set(chunk, tallies);
        });
        // merge in chunk order, so every value list is in input order whatever the parallelism
        Map<String, List<Tally>> byGroup = new LinkedHashMap<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            Map<String, Tally> part = parts.get(chunk);
            if (part != null) {
                part.forEach((g, t) -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(t));
            }
        }
        List<String> groups = new ArrayList<>(byGroup.keySet());
        ServiceSummary[] summaries = new ServiceSummary[groups.size()];
        parallelism.run(groups.size(), k -> {
            String g = groups.get(k);
            Tally t = merge(byGroup.get(g));
            OptionalDouble rate = OptionalDouble.empty();
            if (customerBase != null) {
                long base = customerBase.applyAsLong(g);
                if (base > 0) {
                    rate = OptionalDouble.of(1000.0 * t.cases / base);
                }
            }
            summaries[k] = new ServiceSummary(g, t.cases, t.open, t.resolved, t.rejected, t.reopened, t.firstContact,
                    t.breaches, Distribution.of(t.resolution.toArray(), t.resolution.size()),
                    Distribution.of(t.openAge.toArray(), t.openAge.size()), rate);
        });
        SortedMap<String, ServiceSummary> out = new TreeMap<>();
        for (ServiceSummary summary : summaries) {
            out.put(summary.group(), summary);
        }
        return out;
    }

    /** The tallies of consecutive chunks as one, values in chunk order. */
    private Tally merge(List<Tally> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Tally all = new Tally();
        for (Tally t : parts) {
            all.cases += t.cases;
            all.open += t.open;
            all.resolved += t.resolved;
            all.rejected += t.rejected;
            all.reopened += t.reopened;
            all.firstContact += t.firstContact;
            all.breaches += t.breaches;
            all.resolution.addAll(t.resolution);
            all.openAge.addAll(t.openAge);
        }
        return all;
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
        final DoubleColumn resolution = new DoubleColumn();
        final DoubleColumn openAge = new DoubleColumn();

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
                resolution.add(took / MILLIS_PER_HOUR);
            } else {
                open++;
                long age = asOfMillis - opened;
                if (age > targetMillis) {
                    breaches++;
                }
                openAge.add(age / MILLIS_PER_HOUR);
            }
        }
    }

    /** A growable column of doubles; confined to one call. */
    private static final class DoubleColumn {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(DoubleColumn other) {
            if (size + other.size > values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(size + other.size, size * 2));
            }
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
        }

        int size() {
            return size;
        }

        /** The backing array; values beyond {@link #size()} are unused. */
        double[] toArray() {
            return values;
        }
    }
}
