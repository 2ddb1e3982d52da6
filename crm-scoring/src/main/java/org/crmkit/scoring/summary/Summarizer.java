package org.crmkit.scoring.summary;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns a {@link TransactionLog} into {@link CustomerSummaries}.
 *
 * <p>Rules, in the words of DESIGN.md "Data conventions":
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
 * transactions by dense customer index in two linear passes, then each customer's few
 * transactions are ordered by day in place. It allocates only its column arrays, never
 * per transaction.
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
    private static final int INSERTION_SORT_LIMIT = 32;

    private final TimeUnit unit;
    private final LocalDate calibrationEnd;
    private final LocalDate observationEnd;
    private final NonPositiveDayPolicy policy;

    private Summarizer(Builder b) {
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
            return new CustomerSummaries(new String[0], new int[0], new double[0], new double[0],
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
                            + log.customerIds[log.customer[i]] + "' on "
                            + LocalDate.ofEpochDay(log.day[i]) + " is after the observation end "
                            + observationEnd, log.customerIds[log.customer[i]],
                            LocalDate.ofEpochDay(log.day[i]), log.amount[i]);
                }
            }
        }
        boolean holdout = obs > cal;

        // counting sort by customer: start[c] .. start[c + 1] is customer c's range
        int[] start = new int[customers + 1];
        int[] cust = log.customer;
        for (int i = 0; i < n; i++) {
            start[cust[i] + 1]++;
        }
        for (int c = 0; c < customers; c++) {
            start[c + 1] += start[c];
        }
        int[] cursor = Arrays.copyOf(start, customers);
        int[] days = new int[n];
        double[] amounts = new double[n];
        int[] srcDay = log.day;
        double[] srcAmount = log.amount;
        for (int i = 0; i < n; i++) {
            int p = cursor[cust[i]]++;
            days[p] = srcDay[i];
            amounts[p] = srcAmount[i];
        }
        cursor = null;

        int[] frequency = new int[customers];
        double[] recency = new double[customers];
        double[] t = new double[customers];
        double[] monetary = new double[customers];
        int[] firstDay = new int[customers];
        int[] lastDay = new int[customers];
        double[] totalSpend = new double[customers];
        int[] orderCount = new int[customers];
        int[] frequencyHoldout = holdout ? new int[customers] : null;
        double[] monetaryHoldout = holdout ? new double[customers] : null;
        String[] ids = new String[customers];
        double unitDays = unit.days();
        long[] scratch = new long[0];
        int[] dayScratch = new int[0];
        double[] amountScratch = new double[0];
        int row = 0;
        for (int c = 0; c < customers; c++) {
            int from = start[c];
            int to = start[c + 1];
            int len = to - from;
            if (len <= INSERTION_SORT_LIMIT) {
                insertionSort(days, amounts, from, to);
            } else {
                if (scratch.length < len) {
                    scratch = new long[len];
                    dayScratch = new int[len];
                    amountScratch = new double[len];
                }
                for (int k = 0; k < len; k++) {
                    scratch[k] = ((long) days[from + k] << 32) | k;
                }
                Arrays.sort(scratch, 0, len);
                for (int k = 0; k < len; k++) {
                    int src = from + (int) scratch[k];
                    dayScratch[k] = days[src];
                    amountScratch[k] = amounts[src];
                }
                System.arraycopy(dayScratch, 0, days, from, len);
                System.arraycopy(amountScratch, 0, amounts, from, len);
            }
            int first = Integer.MIN_VALUE;
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
                        throw new InvalidTransactionException("customer '" + log.customerIds[c]
                                + "' has net value " + value + " <= 0 on "
                                + LocalDate.ofEpochDay(d), log.customerIds[c],
                                LocalDate.ofEpochDay(d), value);
                    }
                }
                if (calibration) {
                    if (first == Integer.MIN_VALUE) {
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
            if (first == Integer.MIN_VALUE) {
                continue;
            }
            ids[row] = log.customerIds[c];
            frequency[row] = repeat;
            recency[row] = (lastCal - first) / unitDays;
            t[row] = ((long) cal - first) / unitDays;
            monetary[row] = repeat == 0 ? 0.0 : repeatSum / repeat;
            firstDay[row] = first;
            lastDay[row] = lastCal;
            totalSpend[row] = spend;
            orderCount[row] = orders;
            if (holdout) {
                frequencyHoldout[row] = holdoutDays;
                monetaryHoldout[row] = holdoutDays == 0 ? 0.0 : holdoutSum / holdoutDays;
            }
            row++;
        }
        double[] durationHoldout = null;
        if (holdout) {
            durationHoldout = new double[row];
            Arrays.fill(durationHoldout, ((long) obs - cal) / unitDays);
        }
        if (row < customers) {
            ids = Arrays.copyOf(ids, row);
            frequency = Arrays.copyOf(frequency, row);
            recency = Arrays.copyOf(recency, row);
            t = Arrays.copyOf(t, row);
            monetary = Arrays.copyOf(monetary, row);
            firstDay = Arrays.copyOf(firstDay, row);
            lastDay = Arrays.copyOf(lastDay, row);
            totalSpend = Arrays.copyOf(totalSpend, row);
            orderCount = Arrays.copyOf(orderCount, row);
            if (holdout) {
                frequencyHoldout = Arrays.copyOf(frequencyHoldout, row);
                monetaryHoldout = Arrays.copyOf(monetaryHoldout, row);
            }
        }
        return new CustomerSummaries(ids, frequency, recency, t, monetary, true, firstDay,
                lastDay, totalSpend, orderCount, frequencyHoldout, monetaryHoldout,
                durationHoldout, unit, LocalDate.ofEpochDay(cal),
                holdout ? LocalDate.ofEpochDay(obs) : null, customers - row);
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

        private Builder() {
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
            if (this.unit != null) {
                throw new IllegalStateException("time unit was already set to " + this.unit);
            }
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
            if (calibrationEnd != null) {
                throw new IllegalStateException(
                        "calibration end was already set to " + calibrationEnd);
            }
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
            if (observationEnd != null) {
                throw new IllegalStateException(
                        "observation end was already set to " + observationEnd);
            }
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
            if (this.policy != null) {
                throw new IllegalStateException("policy was already set to " + this.policy);
            }
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
