package org.crmkit.scoring.summary;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link TransactionLog} into {@link CustomerSummaries}.
 *
 * <p>Rules (the conventions of the per-customer summary, defined in {@link CustomerSummaries}):
 * <ul>
 *   <li>all transactions of one customer on one day form one purchase day whose value is
 *       the sum of their amounts, so returns on that day reduce its value; what happens
 *       to days with net value {@code <= 0} is set by {@link NonPositiveDayPolicy}
 *       (default {@link NonPositiveDayPolicy#KEEP KEEP});</li>
 *   <li>dates are whole days; a duration is the difference of epoch days divided by
 *       {@link TimeUnit#days()}. The calibration period ends with the calibration end
 *       day, which belongs to it; T is {@code calibrationEnd - firstPurchase}, so a
 *       customer who first bought on the calibration end day has T = 0. (This is the
 *       convention of the CDNOW reference summaries: first purchase 1997-01-01,
 *       calibration end 1997-09-30 gives T = 272 / 7 = 38.86 weeks.)</li>
 *   <li>the holdout period runs from the day after the calibration end to the
 *       observation end, inclusive; {@code duration_holdout = observationEnd -
 *       calibrationEnd}.</li>
 *   <li>defaults: without a calibration end, it is the observation end if given, else
 *       the date of the last transaction; without an observation end it is the later of
 *       the calibration end and the last transaction date. Holdout columns are produced
 *       exactly when the observation end is after the calibration end.</li>
 *   <li>customers without a purchase day in the calibration period are omitted and
 *       counted ({@link CustomerSummaries#omittedCustomers()}); rows keep the order of the
 *       log's customer dictionary (order of first appearance).</li>
 * </ul>
 *
 * <p>Errors: a calibration end after the observation end is rejected when the
 * summarizer is built; a transaction after an explicit observation end is rejected by
 * {@link #summarize} with an {@link InvalidTransactionException}.
 *
 * <p>The algorithm is sort-free across customers: a counting sort groups the
 * transactions by dense customer index in two linear passes (skipped when the log is
 * already grouped, each customer's transactions in one run as most exports have them: the
 * log's own columns are then used); a customer with few transactions is then summarised
 * by pairwise comparison of its days (no sorting), one with many by sorting its days in
 * place. It allocates only its column arrays, never per transaction. Memory beyond the
 * log's 16 bytes per transaction: about 64 bytes per customer (the output columns and
 * offsets) and, for a log that is not grouped, 12 bytes per transaction for the grouped
 * copy. Logs of at least 2<sup>20</sup> transactions are processed in up to
 * four parts in parallel (parallel streams, so the common fork-join pool and the calling
 * thread); results and reported errors are the same as a sequential run's.
 *
 * <pre>{@code
 * CustomerSummaries s = Summarizer.builder()
 *         .timeUnit(TimeUnit.WEEKS)
 *         .calibrationEnd(LocalDate.of(1997, 9, 30))
 *         .build()
 *         .summarize(log);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Summarizer {
    /** Customers left out at DEBUG: counts only, never ids. */
    private static final Logger LOG = LoggerFactory.getLogger(Summarizer.class);

    private static final int INSERTION_SORT_LIMIT = 32;
    private static final int SMALL_GROUP = 24;

    private final TimeUnit unit;
    private final LocalDate calibrationEnd;
    private final LocalDate observationEnd;
    private final NonPositiveDayPolicy policy;
    private final int parallelThreshold;
    private final Parallelism parallelism; // null: Parallelism.defaults() at each call

    private Summarizer(Builder b) {
        this.parallelThreshold = b.parallelThreshold;
        this.parallelism = b.parallelism;
        this.unit = b.unit == null ? TimeUnit.DAYS : b.unit;
        this.calibrationEnd = b.calibrationEnd;
        this.observationEnd = b.observationEnd;
        this.policy = b.policy == null ? NonPositiveDayPolicy.KEEP : b.policy;
    }

    /**
     * Returns a new builder; all options are optional.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Summarises a transaction log.
     *
     * @param log the transactions, not null
     * @return the summaries, one row per customer with a calibration purchase, never null
     * @throws InvalidTransactionException if a transaction lies after an explicit
     *     observation end, or a day has non-positive net value under
     *     {@link NonPositiveDayPolicy#REJECT}
     */
    public CustomerSummaries summarize(TransactionLog log) {
        Objects.requireNonNull(log, "log");
        int n = log.size();
        int customers = log.customerCount();
        if (n == 0) {
            return new CustomerSummaries(new IdDictionary(0).trimmed(), new int[0], new double[0], new double[0],
                    new double[0], true, new int[0], new int[0], new double[0], new int[0], null,
                    null, null, unit, calibrationEnd, null, customers);
        }
        int last = log.maxEpochDay();
        int cal;
        if (calibrationEnd != null) {
            cal = toDay(calibrationEnd);
        } else if (observationEnd != null) {
            cal = toDay(observationEnd);
        } else {
            cal = last;
        }
        int obs = observationEnd != null ? toDay(observationEnd) : Math.max(cal, last);
        if (observationEnd != null && last > obs) {
            for (int i = 0; i < n; i++) {
                if (log.day[i] > obs) {
                    throw new InvalidTransactionException("transaction of customer '"
                            + log.ids.get(log.customer[i]) + "' on "
                            + LocalDate.ofEpochDay(log.day[i]) + " is after the observation end "
                            + observationEnd, log.ids.get(log.customer[i]),
                            LocalDate.ofEpochDay(log.day[i]), log.amount[i]);
                }
            }
        }
        boolean holdout = obs > cal;
        Parallelism where = parallelism == null ? Parallelism.defaults() : parallelism;
        // each part keeps a count per customer, so there are few parts, one per thread
        int parts = n >= parallelThreshold ? Math.min(MAX_PARTS, where.parallelism()) : 1;

        int[] cust = log.customer;
        int[] start = new int[customers + 1];
        int[] groupedDay;
        double[] groupedAmount;
        if (grouped(cust)) {
            // each customer's transactions are already one run (customer indexes are dense in
            // order of first appearance, so a grouped log has them non-decreasing): use the
            // log's own columns, no copy
            for (int i = 0; i < n; i++) {
                start[cust[i] + 1]++;
            }
            for (int c = 0; c < customers; c++) {
                start[c + 1] += start[c];
            }
            groupedDay = log.day;
            groupedAmount = log.amount;
        } else {
            // counting sort by customer, in parallel over slices of the log: each slice counts
            // its customers, then scatters into its own sub-range of each customer's range
            int[][] cursor = new int[parts][];
            where.run(parts, p -> {
                int[] count = new int[customers];
                for (int i = slice(n, parts, p), to = slice(n, parts, p + 1); i < to; i++) {
                    count[cust[i]]++;
                }
                cursor[p] = count;
            });
            int base = 0;
            for (int c = 0; c < customers; c++) {
                start[c] = base;
                for (int p = 0; p < parts; p++) {
                    int k = cursor[p][c];
                    cursor[p][c] = base;
                    base += k;
                }
            }
            start[customers] = base;
            int[] gDay = new int[n];
            double[] gAmount = new double[n];
            int[] srcDay = log.day;
            double[] srcAmount = log.amount;
            where.run(parts, p -> {
                int[] cur = cursor[p];
                for (int i = slice(n, parts, p), to = slice(n, parts, p + 1); i < to; i++) {
                    int q = cur[cust[i]]++;
                    gDay[q] = srcDay[i];
                    gAmount[q] = srcAmount[i];
                }
            });
            for (int p = 0; p < parts; p++) {
                cursor[p] = null;
            }
            groupedDay = gDay;
            groupedAmount = gAmount;
        }

        Columns out = new Columns(customers, holdout);
        double unitDays = unit.days();
        // split customers so that each part gets about the same number of transactions
        int[] bounds = new int[parts + 1];
        bounds[parts] = customers;
        for (int p = 1; p < parts; p++) {
            int target = slice(n, parts, p);
            int lo = bounds[p - 1];
            int hi = customers;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (start[mid] < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            bounds[p] = lo;
        }
        where.run(parts, p -> summarizeCustomers(log, bounds[p], bounds[p + 1], start, groupedDay,
                groupedAmount, cal, unitDays, out));

        int rows = 0;
        for (int c = 0; c < customers; c++) {
            if (out.firstDay[c] != NO_PURCHASE) {
                rows++;
            }
        }
        if (rows < customers) {
            out.compact(rows);
        }
        IdDictionary ids = out.kept == null ? log.ids : log.ids.subset(out.kept, rows);
        double[] durationHoldout = null;
        if (holdout) {
            durationHoldout = new double[rows];
            Arrays.fill(durationHoldout, ((long) obs - cal) / unitDays);
        }
        if (rows < customers) {
            LOG.debug("{} of {} customers left out: no purchase day in the calibration period up to {}",
                    customers - rows, customers, LocalDate.ofEpochDay(cal));
        }
        return new CustomerSummaries(ids, out.frequency, out.recency, out.t, out.monetary, true,
                out.firstDay, out.lastDay, out.totalSpend, out.orderCount, out.frequencyHoldout,
                out.monetaryHoldout, durationHoldout, unit, LocalDate.ofEpochDay(cal),
                holdout ? LocalDate.ofEpochDay(obs) : null, customers - rows);
    }

    private static final int NO_PURCHASE = Integer.MIN_VALUE;
    private static final int PARALLEL_THRESHOLD = 1 << 20;
    private static final int MAX_PARTS = 4;

    /**
     * Returns how many bytes {@link #summarize} will allocate for a log, beyond the log
     * itself: about 64 per customer (output columns, offsets, counts) and, for a log whose
     * customers' transactions are not each in one run, 12 per transaction for the grouped
     * copy.
     *
     * <pre>{@code
     * long need = summarizer.workingBytes(log);  // compare with Runtime.getRuntime().maxMemory()
     * }</pre>
     *
     * @param log the transactions, not null
     * @return the estimate in bytes, zero or more
     */
    public long workingBytes(TransactionLog log) {
        Objects.requireNonNull(log, "log");
        long bytes = 64L * log.customerCount();
        if (!grouped(log.customer)) {
            bytes += 12L * log.size();
        }
        return bytes;
    }

    /**
     * Fails fast, before any work, when the heap cannot hold what {@link #summarize} needs
     * for the log ({@link #workingBytes}) after a full collection, saying how much heap to
     * ask for. For command lines, which should say "use -Xmx..." rather than die midway.
     *
     * @param log the transactions, not null
     * @throws IllegalStateException naming the heap needed, if the heap is too small
     */
    public void requireHeap(TransactionLog log) {
        Runtime rt = Runtime.getRuntime();
        long need = workingBytes(log);
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            System.gc(); // only here, to measure what is really free
            free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        // G1 needs some room to work: ask for a quarter more than the arrays
        if (need + need / 4 > free) {
            long used = rt.totalMemory() - rt.freeMemory();
            long mb = (used + need + need / 4) / (1 << 20) + 64;
            throw new IllegalStateException("needs about " + mb + " MB of heap to summarise "
                    + log.size() + " transactions of " + log.customerCount()
                    + " customers; run with java -Xmx" + ((mb + 255) / 256 * 256) + "m");
        }
    }

    /** Whether every customer's transactions form one run: indexes never decrease. */
    private static boolean grouped(int[] customer) {
        int previous = 0;
        for (int c : customer) {
            if (c < previous) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static int slice(int n, int parts, int p) {
        return (int) ((long) n * p / parts);
    }

    /** Output columns indexed by customer, compacted to rows at the end. */
    private static final class Columns {
        int[] frequency;
        double[] recency;
        double[] t;
        double[] monetary;
        int[] firstDay;
        int[] lastDay;
        double[] totalSpend;
        int[] orderCount;
        int[] frequencyHoldout;
        double[] monetaryHoldout;
        boolean[] kept;

        Columns(int customers, boolean holdout) {
            frequency = new int[customers];
            recency = new double[customers];
            t = new double[customers];
            monetary = new double[customers];
            firstDay = new int[customers];
            lastDay = new int[customers];
            totalSpend = new double[customers];
            orderCount = new int[customers];
            if (holdout) {
                frequencyHoldout = new int[customers];
                monetaryHoldout = new double[customers];
            }
        }

        void compact(int rows) {
            int customers = firstDay.length;
            kept = new boolean[customers];
            int r = 0;
            for (int c = 0; c < customers; c++) {
                if (firstDay[c] == NO_PURCHASE) {
                    continue;
                }
                kept[c] = true;
                frequency[r] = frequency[c];
                recency[r] = recency[c];
                t[r] = t[c];
                monetary[r] = monetary[c];
                firstDay[r] = firstDay[c];
                lastDay[r] = lastDay[c];
                totalSpend[r] = totalSpend[c];
                orderCount[r] = orderCount[c];
                if (frequencyHoldout != null) {
                    frequencyHoldout[r] = frequencyHoldout[c];
                    monetaryHoldout[r] = monetaryHoldout[c];
                }
                r++;
            }
            frequency = Arrays.copyOf(frequency, rows);
            recency = Arrays.copyOf(recency, rows);
            t = Arrays.copyOf(t, rows);
            monetary = Arrays.copyOf(monetary, rows);
            firstDay = Arrays.copyOf(firstDay, rows);
            lastDay = Arrays.copyOf(lastDay, rows);
            totalSpend = Arrays.copyOf(totalSpend, rows);
            orderCount = Arrays.copyOf(orderCount, rows);
            if (frequencyHoldout != null) {
                frequencyHoldout = Arrays.copyOf(frequencyHoldout, rows);
                monetaryHoldout = Arrays.copyOf(monetaryHoldout, rows);
            }
        }
    }

    private void summarizeCustomers(TransactionLog log, int cFrom, int cTo, int[] start,
            int[] dayOf, double[] amountOf, int cal, double unitDays, Columns out) {
        long[] scratch = new long[0];
        int[] days = new int[INSERTION_SORT_LIMIT];
        double[] amounts = new double[INSERTION_SORT_LIMIT];
        int[] dayScratch = new int[0];
        double[] amountScratch = new double[0];
        boolean keep = policy == NonPositiveDayPolicy.KEEP;
        for (int c = cFrom; c < cTo; c++) {
            int from0 = start[c];
            int len = start[c + 1] - from0;
            if (keep && len <= SMALL_GROUP) {
                summarizeSmallKeep(c, from0, from0 + len, dayOf, amountOf, cal, unitDays, out);
                continue;
            }
            // copy the customer's transactions out and order them by day
            if (days.length < len) {
                int capacity = Math.max(len, days.length * 2);
                days = new int[capacity];
                amounts = new double[capacity];
            }
            for (int k = 0; k < len; k++) {
                days[k] = dayOf[from0 + k];
                amounts[k] = amountOf[from0 + k];
            }
            int from = 0;
            int to = len;
            if (len <= INSERTION_SORT_LIMIT) {
                insertionSort(days, amounts, from, to);
            } else {
                if (scratch.length < len) {
                    scratch = new long[len];
                    dayScratch = new int[len];
                    amountScratch = new double[len];
                }
                for (int k = 0; k < len; k++) {
                    scratch[k] = ((long) days[k] << 32) | k;
                }
                Arrays.sort(scratch, 0, len);
                for (int k = 0; k < len; k++) {
                    int src = (int) scratch[k];
                    dayScratch[k] = days[src];
                    amountScratch[k] = amounts[src];
                }
                System.arraycopy(dayScratch, 0, days, 0, len);
                System.arraycopy(amountScratch, 0, amounts, 0, len);
            }
            int first = NO_PURCHASE;
            int lastCal = 0;
            int repeat = 0;
            double repeatSum = 0;
            double spend = 0;
            int orders = 0;
            int holdoutDays = 0;
            double holdoutSum = 0;
            int p = from;
            while (p < to) {
                int d = days[p];
                double value = 0;
                int q = p;
                while (q < to && days[q] == d) {
                    value += amounts[q];
                    q++;
                }
                boolean calibration = d <= cal;
                if (calibration) {
                    spend += value;
                    orders += q - p;
                }
                p = q;
                if (!(value > 0)) {
                    if (policy == NonPositiveDayPolicy.EXCLUDE) {
                        continue;
                    }
                    if (policy == NonPositiveDayPolicy.REJECT) {
                        throw new InvalidTransactionException("customer '" + log.ids.get(c)
                                + "' has net value " + value + " <= 0 on "
                                + LocalDate.ofEpochDay(d), log.ids.get(c),
                                LocalDate.ofEpochDay(d), value);
                    }
                }
                if (calibration) {
                    if (first == NO_PURCHASE) {
                        first = d;
                    } else {
                        repeat++;
                        repeatSum += value;
                    }
                    lastCal = d;
                } else {
                    holdoutDays++;
                    holdoutSum += value;
                }
            }
            store(out, c, first, lastCal, repeat, repeatSum, spend, orders, holdoutDays,
                    holdoutSum, cal, unitDays);
        }
    }

    /**
     * The common case without sorting: a customer with few transactions under the KEEP
     * policy, where distinct days are counted by pairwise comparison (branch-free inner
     * loop) and the first day's value is separated from the repeat days' by comparison
     * with the first day.
     */
    private static void summarizeSmallKeep(int c, int from, int to, int[] dayOf, double[] amountOf, int cal,
            double unitDays, Columns out) {
        int first = Integer.MAX_VALUE;
        int lastCal = NO_PURCHASE;
        int orders = 0;
        for (int k = from; k < to; k++) {
            int d = dayOf[k];
            if (d <= cal) {
                first = Math.min(first, d);
                lastCal = Math.max(lastCal, d);
                orders++;
            }
        }
        if (orders == 0) {
            out.firstDay[c] = NO_PURCHASE;
            return;
        }
        double spend = 0;
        double repeatSum = 0;
        double holdoutSum = 0;
        int calDays = 0;
        int holdoutDays = 0;
        for (int k = from; k < to; k++) {
            int d = dayOf[k];
            double a = amountOf[k];
            boolean dup = false;
            for (int j = from; j < k; j++) {
                dup |= dayOf[j] == d;
            }
            int isNew = dup ? 0 : 1;
            if (d <= cal) {
                spend += a;
                repeatSum += d != first ? a : 0.0;
                calDays += isNew;
            } else {
                holdoutSum += a;
                holdoutDays += isNew;
            }
        }
        store(out, c, first, lastCal, calDays - 1, repeatSum, spend, orders, holdoutDays,
                holdoutSum, cal, unitDays);
    }

    private static void store(Columns out, int c, int first, int lastCal, int repeat,
            double repeatSum, double spend, int orders, int holdoutDays, double holdoutSum,
            int cal, double unitDays) {
        if (first == NO_PURCHASE) {
            out.firstDay[c] = NO_PURCHASE;
            return;
        }
        out.frequency[c] = repeat;
        out.recency[c] = (lastCal - first) / unitDays;
        out.t[c] = ((long) cal - first) / unitDays;
        out.monetary[c] = repeat == 0 ? 0.0 : repeatSum / repeat;
        out.firstDay[c] = first;
        out.lastDay[c] = lastCal;
        out.totalSpend[c] = spend;
        out.orderCount[c] = orders;
        if (out.frequencyHoldout != null) {
            out.frequencyHoldout[c] = holdoutDays;
            out.monetaryHoldout[c] = holdoutDays == 0 ? 0.0 : holdoutSum / holdoutDays;
        }
    }

    private static void insertionSort(int[] days, double[] amounts, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int d = days[i];
            if (d >= days[i - 1]) {
                continue;
            }
            double a = amounts[i];
            int j = i - 1;
            while (j >= from && days[j] > d) {
                days[j + 1] = days[j];
                amounts[j + 1] = amounts[j];
                j--;
            }
            days[j + 1] = d;
            amounts[j + 1] = a;
        }
    }

    private static int toDay(LocalDate date) {
        long d = date.toEpochDay();
        if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("date out of range: " + date);
        }
        return (int) d;
    }

    /**
     * Returns the time unit of the summaries.
     *
     * @return the unit, never null
     */
    public TimeUnit timeUnit() {
        return unit;
    }

    /**
     * Returns a description listing the options.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "Summarizer[unit=" + unit + ", calibrationEnd=" + calibrationEnd
                + ", observationEnd=" + observationEnd + ", nonPositiveDays=" + policy + "]";
    }

    /**
     * Configures a {@link Summarizer}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private TimeUnit unit;
        private LocalDate calibrationEnd;
        private LocalDate observationEnd;
        private NonPositiveDayPolicy policy;
        private int parallelThreshold = PARALLEL_THRESHOLD;
        private Parallelism parallelism;

        private Builder() {
        }

        /**
         * Sets where large logs are summarised (default {@link Parallelism#defaults()});
         * the summaries do not depend on it.
         *
         * @param parallelism the setting, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder parallelism(Parallelism parallelism) {
            Objects.requireNonNull(parallelism, "parallelism");
            Options.once(this.parallelism, "parallelism");
            this.parallelism = parallelism;
            return this;
        }

        /** Logs of at least this many transactions are summarised in parallel (tests). */
        Builder parallelThreshold(int transactions) {
            parallelThreshold = transactions;
            return this;
        }

        /**
         * Sets the time unit of recency, T and duration (default days).
         *
         * @param unit the unit, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder timeUnit(TimeUnit unit) {
            Objects.requireNonNull(unit, "unit");
            Options.once(this.unit, "time unit");
            this.unit = unit;
            return this;
        }

        /**
         * Sets the last day of the calibration period (inclusive).
         *
         * @param date the calibration end, not null
         * @return this builder
         * @throws IllegalArgumentException if after an observation end already set
         * @throws IllegalStateException if already set
         */
        public Builder calibrationEnd(LocalDate date) {
            Objects.requireNonNull(date, "date");
            Options.once(calibrationEnd, "calibration end");
            toDay(date);
            checkOrder(date, observationEnd);
            calibrationEnd = date;
            return this;
        }

        /**
         * Sets the last day of the observation (holdout) period (inclusive).
         *
         * @param date the observation end, not null
         * @return this builder
         * @throws IllegalArgumentException if before a calibration end already set
         * @throws IllegalStateException if already set
         */
        public Builder observationEnd(LocalDate date) {
            Objects.requireNonNull(date, "date");
            Options.once(observationEnd, "observation end");
            toDay(date);
            checkOrder(calibrationEnd, date);
            observationEnd = date;
            return this;
        }

        private static void checkOrder(LocalDate cal, LocalDate obs) {
            if (cal != null && obs != null && cal.isAfter(obs)) {
                throw new IllegalArgumentException("calibration end " + cal
                        + " is after the observation end " + obs);
            }
        }

        /**
         * Sets the handling of days with net value {@code <= 0} (default
         * {@link NonPositiveDayPolicy#KEEP}).
         *
         * @param policy the policy, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder nonPositiveDays(NonPositiveDayPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            Options.once(this.policy, "policy");
            this.policy = policy;
            return this;
        }

        /**
         * Builds the summarizer.
         *
         * @return the summarizer, never null
         */
        public Summarizer build() {
            return new Summarizer(this);
        }
    }
}
