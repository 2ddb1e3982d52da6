package org.crmkit.scoring.retention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of customers still active, period by period, for one or more cohorts: the data a
 * retention model is fitted to.
 *
 * <p>A cohort is the customers acquired together; its counts are {@code n_0, n_1, ..., n_T}, the
 * customers acquired ({@code n_0 > 0}) and those who made 1, ..., {@code T} renewals (the
 * convention of {@link RetentionModel}). Each cohort contributes its own right-censored
 * likelihood (Fader and Hardie 2007, appendix B, equation (B3)):
 * {@code sum_{t=1}^{T} (n_{t-1} - n_t) ln P(T = t) + n_T ln S(T)}; cohorts observed for
 * different numbers of periods are combined by adding their log-likelihoods.
 *
 * <pre>{@code
 * SurvivalData one = SurvivalData.ofCurve(1000, 869, 743, 653, 593, 551, 517, 491);
 * SurvivalData many = SurvivalData.builder()
 *         .cohort("2021", 1000, 840, 700, 610)
 *         .cohort("2022", 1200, 1010, 850)
 *         .build();
 * }</pre>
 *
 * <p>Rules, each an {@link IllegalArgumentException} naming the cohort and period: at least
 * one cohort; each with period 0 and at least period 1; counts {@code >= 0}, period 0 positive,
 * never increasing; all counts together at most 2^53 (exact as doubles). Whether the data can
 * identify a model (some customers renew, some churn) is checked by {@link RetentionFitter}.
 *
 * <p>Immutable and thread-safe; the builder is single-threaded.
 */
public final class SurvivalData {
    private static final long MAX_TOTAL = 1L << 53;

    private final Map<String, long[]> cohorts;
    private final double[] lost;     // lost[t] customers churned in period t, t = 1..maxPeriod
    private final double[] censored; // censored[t] customers still active after period t, last observed there
    private final long customers;
    private final int maxPeriod;

    private SurvivalData(Map<String, long[]> cohorts) {
        this.cohorts = cohorts;
        int max = 0;
        long total = 0;
        for (long[] n : cohorts.values()) {
            max = Math.max(max, n.length - 1);
            total += n[0];
        }
        this.maxPeriod = max;
        this.customers = total;
        this.lost = new double[max + 1];
        this.censored = new double[max + 1];
        for (long[] n : cohorts.values()) {
            for (int t = 1; t < n.length; t++) {
                lost[t] += n[t - 1] - n[t];
            }
            censored[n.length - 1] += n[n.length - 1];
        }
    }

    /**
     * Returns the data of one cohort, named {@code all}.
     *
     * @param active the counts for periods 0, 1, ..., T, not null (see the class rules)
     * @return the data, never null
     * @throws IllegalArgumentException if the counts break a rule
     */
    public static SurvivalData ofCurve(long... active) {
        return builder().cohort("all", active).build();
    }

    /**
     * Returns a builder.
     *
     * @return a new, empty builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the cohorts' counts, in the order they were added.
     *
     * @return an unmodifiable map from cohort name to a copy of its counts, never null
     */
    public Map<String, long[]> cohorts() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        cohorts.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the names of the cohorts.
     *
     * @return an unmodifiable list, never null
     */
    public List<String> cohortNames() {
        return List.copyOf(cohorts.keySet());
    }

    /**
     * Returns the customers acquired, over all cohorts.
     *
     * @return the sum of the period 0 counts, positive
     */
    public long customers() {
        return customers;
    }

    /**
     * Returns the longest cohort's last period.
     *
     * @return {@code T} of the longest cohort, {@code >= 1}
     */
    public int maxPeriod() {
        return maxPeriod;
    }

    /**
     * Returns the customers who churned, over all cohorts, at the end of period {@code t}.
     *
     * @param t the period, 1 to {@link #maxPeriod()}
     * @return the count
     * @throws IndexOutOfBoundsException if {@code t} is out of range
     */
    public long churned(int t) {
        Objects.checkIndex(t - 1, maxPeriod);
        return (long) lost[t];
    }

    /**
     * Returns the customers whose observation ends, still active, after period {@code t}.
     *
     * @param t the period, 1 to {@link #maxPeriod()}
     * @return the count
     * @throws IndexOutOfBoundsException if {@code t} is out of range
     */
    public long stillActive(int t) {
        Objects.checkIndex(t - 1, maxPeriod);
        return (long) censored[t];
    }

    double[] lostCounts() {
        return lost;
    }

    double[] censoredCounts() {
        return censored;
    }

    @Override
    public String toString() {
        return "SurvivalData[" + cohorts.size() + " cohorts, " + customers + " customers, " + maxPeriod + " periods]";
    }

    /**
     * Collects cohorts. Single-threaded; its product is immutable.
     */
    public static final class Builder {
        private final Map<String, long[]> cohorts = new LinkedHashMap<>();
        private final Map<String, List<Long>> rows = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a whole cohort.
         *
         * @param name the cohort's name, not null or blank, not added before
         * @param active the counts for periods 0, 1, ..., T, not null
         * @return this builder
         * @throws IllegalArgumentException if the name was added before or the counts break a rule
         */
        public Builder cohort(String name, long... active) {
            Objects.requireNonNull(active, "active");
            String n = name(name);
            if (cohorts.containsKey(n) || rows.containsKey(n)) {
                throw new IllegalArgumentException("cohort '" + n + "' is given twice");
            }
            check(n, active);
            cohorts.put(n, active.clone());
            return this;
        }

        /**
         * Adds one count: rows of a cohort must come in period order 0, 1, 2, ... (cohorts may
         * be interleaved); each is checked against the rules as it arrives.
         *
         * @param name the cohort's name, not null or blank
         * @param period the period, the cohort's next one (0 for its first row)
         * @param active the customers active in that period, {@code >= 0}, not more than the
         *     period before (positive for period 0)
         * @return this builder
         * @throws IllegalArgumentException if the row breaks a rule; the message names cohort and period
         */
        public Builder add(String name, int period, long active) {
            String n = name(name);
            if (cohorts.containsKey(n)) {
                throw new IllegalArgumentException("cohort '" + n + "' was already given whole");
            }
            List<Long> list = rows.get(n);
            int expected = list == null ? 0 : list.size();
            if (period != expected) {
                throw new IllegalArgumentException("cohort '" + n + "': period " + period + " where period "
                        + expected + " was expected (each cohort's periods run 0, 1, 2, ... in order)");
            }
            if (active < 0) {
                throw new IllegalArgumentException("cohort '" + n + "', period " + period
                        + ": active count must be >= 0: " + active);
            }
            if (period == 0 && active == 0) {
                throw new IllegalArgumentException("cohort '" + n + "', period 0: the cohort must start with "
                        + "at least one customer");
            }
            if (list != null && active > list.get(list.size() - 1)) {
                throw new IllegalArgumentException("cohort '" + n + "', period " + period + ": active count "
                        + active + " exceeds " + list.get(list.size() - 1) + " of period " + (period - 1)
                        + "; active counts cannot increase");
            }
            rows.computeIfAbsent(n, k -> new ArrayList<>()).add(active);
            return this;
        }

        /**
         * Builds the data.
         *
         * @return the data, never null
         * @throws IllegalArgumentException if there is no cohort, a cohort has no period 1, or the
         *     counts exceed 2^53 in total
         */
        public SurvivalData build() {
            Map<String, long[]> all = new LinkedHashMap<>(cohorts);
            rows.forEach((name, list) -> {
                long[] a = list.stream().mapToLong(Long::longValue).toArray();
                check(name, a);
                all.put(name, a);
            });
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no cohort: survival data need at least one cohort");
            }
            long total = 0;
            for (long[] a : all.values()) {
                total += a[0];
                if (total > MAX_TOTAL || total < 0) {
                    throw new IllegalArgumentException("more than 2^53 customers in all");
                }
            }
            return new SurvivalData(Collections.unmodifiableMap(all));
        }

        private static String name(String name) {
            Objects.requireNonNull(name, "cohort name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("cohort name must not be blank");
            }
            return name;
        }

        private static void check(String name, long[] active) {
            if (active.length < 2) {
                throw new IllegalArgumentException("cohort '" + name + "': needs the counts of period 0 and at "
                        + "least period 1, got " + active.length + " value" + (active.length == 1 ? "" : "s")
                        + " " + Arrays.toString(active));
            }
            if (active[0] <= 0) {
                throw new IllegalArgumentException("cohort '" + name + "', period 0: the cohort must start with "
                        + "at least one customer: " + active[0]);
            }
            if (active[0] > MAX_TOTAL) {
                throw new IllegalArgumentException("cohort '" + name + "', period 0: more than 2^53 customers");
            }
            for (int t = 1; t < active.length; t++) {
                if (active[t] < 0) {
                    throw new IllegalArgumentException("cohort '" + name + "', period " + t
                            + ": active count must be >= 0: " + active[t]);
                }
                if (active[t] > active[t - 1]) {
                    throw new IllegalArgumentException("cohort '" + name + "', period " + t + ": active count "
                            + active[t] + " exceeds " + active[t - 1] + " of period " + (t - 1)
                            + "; active counts cannot increase");
                }
            }
        }
    }
}
