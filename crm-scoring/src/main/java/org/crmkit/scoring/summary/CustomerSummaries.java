package org.crmkit.scoring.summary;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-customer purchase summaries in columnar form: frequency, recency, T and monetary
 * value for every customer, optionally with purchase history and holdout columns.
 *
 * <p>Definitions (the data conventions of crmkit, used by every reader and model), all times
 * in {@link #timeUnit()}:
 * <ul>
 *   <li>{@code frequency} x: the number of repeat purchase days in the calibration period
 *       (the number of distinct purchase days minus one);</li>
 *   <li>{@code recency} t_x: time from the first to the last purchase day;</li>
 *   <li>{@code T}: time from the first purchase day to the calibration end;</li>
 *   <li>{@code monetary_value}: mean net value of the repeat purchase days, the first
 *       day excluded; 0 where frequency is 0;</li>
 *   <li>holdout: {@code frequency_holdout} is the number of purchase days after the
 *       calibration end up to the observation end, {@code monetary_value_holdout} their
 *       mean net value (0 where there are none) and {@code duration_holdout} the length
 *       of the holdout period.</li>
 * </ul>
 *
 * <p>Summaries built by a {@link Summarizer} also carry the purchase history columns
 * (first and last purchase date, total spend and order count of the calibration period);
 * summaries read from a CSV file or built row by row carry them only if given. The core
 * columns take {@value #CORE_BYTES_PER_CUSTOMER} bytes per customer: frequency (int),
 * recency, T, monetary value (double), first and last purchase (int epoch days), total
 * spend (double) and order count (int); {@link #coreColumnBytes()} reports the bytes
 * actually held. Customer ids are held separately, as UTF-8 bytes in one array (a
 * {@code String} is made when one is asked for), and must be distinct.
 *
 * <p>Summaries read from a file with a {@code weights} column, or built with
 * {@link Builder#addWeighted}, carry row weights: row {@code i} then stands for
 * {@link #weight(int)} customers with the same history (the compressed layout of
 * discrete-time data such as BG/BB's); the models take them through
 * {@code BtydData.from(CustomerSummaries)}.
 *
 * <pre>{@code
 * CustomerSummaries s = Summarizer.builder().timeUnit(TimeUnit.WEEKS)
 *         .calibrationEnd(LocalDate.of(1997, 9, 30)).build().summarize(log);
 * for (int i = 0; i < s.size(); i++) {
 *     System.out.println(s.customerId(i) + " " + s.frequency(i) + " " + s.t(i));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Column accessors ending in {@code Column} return copies.
 * Equality is identity: compare columns to compare contents.
 */
public final class CustomerSummaries {
    /** Bytes per customer of the core columns, as documented above. */
    public static final int CORE_BYTES_PER_CUSTOMER = 48;

    private final IdDictionary ids;
    private final int[] frequency;
    private final double[] recency;
    private final double[] t;
    private final double[] monetary;
    private final boolean hasMonetary;
    // purchase history: all null or none
    private final int[] firstDay;
    private final int[] lastDay;
    private final double[] totalSpend;
    private final int[] orderCount;
    // holdout: all null or none
    private final int[] frequencyHoldout;
    private final double[] monetaryHoldout;
    private final double[] durationHoldout;
    private final TimeUnit unit;
    private final LocalDate calibrationEnd;
    private final LocalDate observationEnd;
    private final int omitted;
    // null: every row stands for one customer
    private final double[] weights;
    // null unless read from a file
    private final LineMap lines;

    CustomerSummaries(IdDictionary ids, int[] frequency, double[] recency, double[] t,
            double[] monetary, boolean hasMonetary, int[] firstDay, int[] lastDay,
            double[] totalSpend, int[] orderCount, int[] frequencyHoldout,
            double[] monetaryHoldout, double[] durationHoldout, TimeUnit unit,
            LocalDate calibrationEnd, LocalDate observationEnd, int omitted) {
        this(ids, frequency, recency, t, monetary, hasMonetary, firstDay, lastDay, totalSpend,
                orderCount, frequencyHoldout, monetaryHoldout, durationHoldout, unit,
                calibrationEnd, observationEnd, omitted, null, null);
    }

    private CustomerSummaries(IdDictionary ids, int[] frequency, double[] recency, double[] t,
            double[] monetary, boolean hasMonetary, int[] firstDay, int[] lastDay,
            double[] totalSpend, int[] orderCount, int[] frequencyHoldout,
            double[] monetaryHoldout, double[] durationHoldout, TimeUnit unit,
            LocalDate calibrationEnd, LocalDate observationEnd, int omitted, double[] weights,
            LineMap lines) {
        this.weights = weights;
        this.lines = lines;
        this.ids = ids;
        this.frequency = frequency;
        this.recency = recency;
        this.t = t;
        this.monetary = monetary;
        this.hasMonetary = hasMonetary;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.totalSpend = totalSpend;
        this.orderCount = orderCount;
        this.frequencyHoldout = frequencyHoldout;
        this.monetaryHoldout = monetaryHoldout;
        this.durationHoldout = durationHoldout;
        this.unit = unit;
        this.calibrationEnd = calibrationEnd;
        this.observationEnd = observationEnd;
        this.omitted = omitted;
    }

    /**
     * Returns a builder that assembles summaries row by row.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of customers.
     *
     * @return the number of customers, zero or more
     */
    public int size() {
        return ids.size();
    }

    /** The id dictionary, for writers that copy ids as bytes. */
    IdDictionary ids() {
        return ids;
    }

    /**
     * Returns the id of customer {@code i}.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the customer id, never null
     */
    public String customerId(int i) {
        Objects.checkIndex(i, ids.size());
        return ids.get(i);
    }

    /**
     * Returns the frequency x (number of repeat purchase days) of customer {@code i}.
     *
     * @param i the row
     * @return the frequency, zero or more
     */
    public int frequency(int i) {
        return frequency[i];
    }

    /**
     * Returns the recency t_x (first to last purchase) of customer {@code i}.
     *
     * @param i the row
     * @return the recency, {@code 0 <= recency <= T}
     */
    public double recency(int i) {
        return recency[i];
    }

    /**
     * Returns T (first purchase to calibration end) of customer {@code i}.
     *
     * @param i the row
     * @return T, at least the recency
     */
    public double t(int i) {
        return t[i];
    }

    /**
     * Returns the monetary value (mean value of repeat purchase days) of customer
     * {@code i}; 0 where the frequency is 0 or the monetary column is absent.
     *
     * @param i the row
     * @return the finite monetary value
     */
    public double monetaryValue(int i) {
        return monetary[i];
    }

    /**
     * Tells whether the monetary value column is present (it may be absent in summaries
     * read from a file without {@code monetary_value}).
     *
     * @return true if monetary values are known
     */
    public boolean hasMonetaryValue() {
        return hasMonetary;
    }

    /**
     * Tells whether first and last purchase, total spend and order count are present.
     *
     * @return true if the purchase history columns are present
     */
    public boolean hasPurchaseHistory() {
        return firstDay != null;
    }

    /**
     * Returns the first purchase day of customer {@code i}.
     *
     * @param i the row
     * @return the date, never null
     * @throws IllegalStateException if {@link #hasPurchaseHistory()} is false
     */
    public LocalDate firstPurchase(int i) {
        requireHistory();
        return LocalDate.ofEpochDay(firstDay[i]);
    }

    /**
     * Returns the last purchase day in the calibration period of customer {@code i}.
     *
     * @param i the row
     * @return the date, never null
     * @throws IllegalStateException if {@link #hasPurchaseHistory()} is false
     */
    public LocalDate lastPurchase(int i) {
        requireHistory();
        return LocalDate.ofEpochDay(lastDay[i]);
    }

    /**
     * Returns the net total of all transactions of customer {@code i} in the
     * calibration period, the first purchase day and returns included.
     *
     * @param i the row
     * @return the total spend
     * @throws IllegalStateException if {@link #hasPurchaseHistory()} is false
     */
    public double totalSpend(int i) {
        requireHistory();
        return totalSpend[i];
    }

    /**
     * Returns the number of transaction records of customer {@code i} in the calibration
     * period (several on one day count separately, returns included).
     *
     * @param i the row
     * @return the order count, at least 1
     * @throws IllegalStateException if {@link #hasPurchaseHistory()} is false
     */
    public int orderCount(int i) {
        requireHistory();
        return orderCount[i];
    }

    /**
     * Tells whether the holdout columns are present.
     *
     * @return true if holdout columns are present
     */
    public boolean hasHoldout() {
        return frequencyHoldout != null;
    }

    /**
     * Returns the number of purchase days of customer {@code i} in the holdout period.
     *
     * @param i the row
     * @return the holdout frequency, zero or more
     * @throws IllegalStateException if {@link #hasHoldout()} is false
     */
    public int frequencyHoldout(int i) {
        requireHoldout();
        return frequencyHoldout[i];
    }

    /**
     * Returns the mean value of the holdout purchase days of customer {@code i}, 0 where
     * there are none.
     *
     * @param i the row
     * @return the holdout monetary value
     * @throws IllegalStateException if {@link #hasHoldout()} is false
     */
    public double monetaryValueHoldout(int i) {
        requireHoldout();
        return monetaryHoldout[i];
    }

    /**
     * Returns the length of the holdout period for customer {@code i}.
     *
     * @param i the row
     * @return the holdout duration, zero or more
     * @throws IllegalStateException if {@link #hasHoldout()} is false
     */
    public double durationHoldout(int i) {
        requireHoldout();
        return durationHoldout[i];
    }

    /**
     * Tells whether rows carry weights, that is, whether a row may stand for a group of
     * customers with the same history (the compressed layout of a {@code weights} column,
     * as in the BG/BB example data of Fader, Hardie &amp; Shang 2010).
     *
     * @return true if weights are present
     */
    public boolean hasWeights() {
        return weights != null;
    }

    /**
     * Returns the number of customers row {@code i} stands for.
     *
     * @param i the row
     * @return the weight, {@code > 0}; 1 where {@link #hasWeights()} is false
     */
    public double weight(int i) {
        Objects.checkIndex(i, ids.size());
        return weights == null ? 1.0 : weights[i];
    }

    /**
     * Returns a copy of the weights column.
     *
     * @return the weights in row order (all 1 where {@link #hasWeights()} is false), never null
     */
    public double[] weightsColumn() {
        if (weights == null) {
            double[] ones = new double[ids.size()];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        return weights.clone();
    }

    /**
     * Returns the time unit of recency, T and duration, when known.
     *
     * @return the unit; empty for summaries read from a file or built without one
     */
    public Optional<TimeUnit> timeUnit() {
        return Optional.ofNullable(unit);
    }

    /**
     * Returns the calibration end, when known.
     *
     * @return the last day of the calibration period, or empty
     */
    public Optional<LocalDate> calibrationEnd() {
        return Optional.ofNullable(calibrationEnd);
    }

    /**
     * Returns the observation end, when known and holdout columns are present.
     *
     * @return the last day of the holdout period, or empty
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * Returns how many customers of the source log have no summary row because they had
     * no purchase day in the calibration period (their first purchase lies in the
     * holdout period, or {@link NonPositiveDayPolicy#EXCLUDE} removed all their days).
     *
     * @return the number of omitted customers, zero or more
     */
    public int omittedCustomers() {
        return omitted;
    }

    /**
     * Returns the name of the file (or source) the summaries were read from, as given to
     * {@link SummaryCsv}.
     *
     * @return the source, or empty for summaries not read from a file
     */
    public Optional<String> source() {
        return lines == null ? Optional.empty() : Optional.of(lines.source);
    }

    /**
     * Returns the 1-based line of the file that holds row {@code i}, so that a check made
     * later (for example by a model) can point at the input.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the line, or 0 for summaries not read from a file
     */
    public long sourceLine(int i) {
        Objects.checkIndex(i, ids.size());
        return lines == null ? 0 : lines.line(i);
    }

    /**
     * Returns the name the source file gives a column, for messages that should point at
     * the file as the user wrote it: for example {@code x} for {@code frequency} in a file
     * with the published CDNOW header.
     *
     * @param column the column name used by this class's documentation ({@code frequency},
     *     {@code recency}, {@code T}, {@code monetary_value}, {@code weights}, a holdout
     *     column or {@code customer_id}), not null
     * @return the file's name of that column, or {@code column} itself when the summaries
     *     were not read from a file or the file has no such column
     */
    public String columnName(String column) {
        Objects.requireNonNull(column, "column");
        return lines == null ? column : lines.columns.getOrDefault(column, column);
    }

    /** The data lines of a file: row i is on line first + i plus the lines skipped before it. */
    static final class LineMap {
        final String source;
        final java.util.Map<String, String> columns = new java.util.HashMap<>();
        private final long first;
        private int[] gapRow = new int[0];
        private long[] gapSkip = new long[0];
        private int gaps;

        LineMap(String source, long first) {
            this.source = source;
            this.first = first;
        }

        /** Records that row {@code row} is on {@code line}; rows arrive in order. */
        void record(int row, long line) {
            long skip = line - first - row;
            if (skip != (gaps == 0 ? 0 : gapSkip[gaps - 1])) {
                if (gaps == gapRow.length) {
                    gapRow = Arrays.copyOf(gapRow, Math.max(4, gaps * 2));
                    gapSkip = Arrays.copyOf(gapSkip, Math.max(4, gaps * 2));
                }
                gapRow[gaps] = row;
                gapSkip[gaps] = skip;
                gaps++;
            }
        }

        long line(int row) {
            int k = Arrays.binarySearch(gapRow, 0, gaps, row);
            if (k < 0) {
                k = -k - 2;
            }
            return first + row + (k < 0 ? 0 : gapSkip[k]);
        }
    }

    /**
     * Returns a copy of the customer ids.
     *
     * @return the ids in row order, never null
     */
    public String[] customerIdColumn() {
        return ids.toArray();
    }

    /**
     * Returns a copy of the frequency column.
     *
     * @return the frequencies in row order, never null
     */
    public int[] frequencyColumn() {
        return frequency.clone();
    }

    /**
     * Returns a copy of the recency column.
     *
     * @return the recencies in row order, never null
     */
    public double[] recencyColumn() {
        return recency.clone();
    }

    /**
     * Returns a copy of the T column.
     *
     * @return the values of T in row order, never null
     */
    public double[] tColumn() {
        return t.clone();
    }

    /**
     * Returns a copy of the monetary value column.
     *
     * @return the monetary values in row order, never null
     */
    public double[] monetaryValueColumn() {
        return monetary.clone();
    }

    /**
     * Returns a copy of the holdout frequency column.
     *
     * @return the holdout frequencies in row order, never null
     * @throws IllegalStateException if {@link #hasHoldout()} is false
     */
    public int[] frequencyHoldoutColumn() {
        requireHoldout();
        return frequencyHoldout.clone();
    }

    /**
     * Returns a copy of the holdout monetary value column.
     *
     * @return the holdout monetary values in row order, never null
     * @throws IllegalStateException if {@link #hasHoldout()} is false
     */
    public double[] monetaryValueHoldoutColumn() {
        requireHoldout();
        return monetaryHoldout.clone();
    }

    /**
     * Returns a copy of the holdout duration column.
     *
     * @return the holdout durations in row order, never null
     * @throws IllegalStateException if {@link #hasHoldout()} is false
     */
    public double[] durationHoldoutColumn() {
        requireHoldout();
        return durationHoldout.clone();
    }

    /**
     * Returns a copy of the total spend column.
     *
     * @return the total spend in row order, never null
     * @throws IllegalStateException if {@link #hasPurchaseHistory()} is false
     */
    public double[] totalSpendColumn() {
        requireHistory();
        return totalSpend.clone();
    }

    /**
     * Returns the number of bytes held by the core columns' array elements (frequency,
     * recency, T, monetary value and, when present, first and last purchase, total spend
     * and order count); array headers and customer ids are not counted.
     *
     * @return the bytes held, at most {@code size() * CORE_BYTES_PER_CUSTOMER}
     */
    public long coreColumnBytes() {
        long bytes = (long) frequency.length * Integer.BYTES
                + (long) (recency.length + t.length + monetary.length) * Double.BYTES;
        if (firstDay != null) {
            bytes += (long) (firstDay.length + lastDay.length + orderCount.length) * Integer.BYTES
                    + (long) totalSpend.length * Double.BYTES;
        }
        return bytes;
    }

    private void requireHistory() {
        if (firstDay == null) {
            throw new IllegalStateException("these summaries have no purchase history columns");
        }
    }

    private void requireHoldout() {
        if (frequencyHoldout == null) {
            throw new IllegalStateException("these summaries have no holdout columns");
        }
    }

    /**
     * Returns a short description: {@code CustomerSummaries[customers=N, unit=weeks,
     * holdout=true]}.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "CustomerSummaries[customers=" + size() + ", unit=" + unit
                + ", holdout=" + hasHoldout() + "]";
    }

    static void checkRow(String id, int frequency, double recency, double t,
            double monetaryValue) {
        if (frequency < 0) {
            throw new RowException("frequency", 
                    "customer '" + id + "': frequency must be >= 0: " + frequency);
        }
        if (!(recency >= 0) || !Double.isFinite(recency)) {
            throw new RowException("recency", 
                    "customer '" + id + "': recency must be finite and >= 0: " + recency);
        }
        if (!Double.isFinite(t) || t < recency) {
            throw new RowException("T", "customer '" + id
                    + "': T must be finite and >= recency " + recency + ": " + t);
        }
        if (frequency == 0 && recency != 0) {
            throw new RowException("recency", 
                    "customer '" + id + "': recency must be 0 when frequency is 0: " + recency);
        }
        if (!Double.isFinite(monetaryValue)) {
            throw new RowException("monetary_value", 
                    "customer '" + id + "': monetary value is not finite: " + monetaryValue);
        }
    }

    static void checkHoldout(String id, int frequencyHoldout, double monetaryValueHoldout,
            double durationHoldout) {
        if (frequencyHoldout < 0) {
            throw new RowException("frequency_holdout", "customer '" + id
                    + "': frequency_holdout must be >= 0: " + frequencyHoldout);
        }
        if (!Double.isFinite(monetaryValueHoldout)) {
            throw new RowException("monetary_value_holdout", "customer '" + id
                    + "': monetary_value_holdout is not finite: " + monetaryValueHoldout);
        }
        if (!(durationHoldout >= 0) || !Double.isFinite(durationHoldout)) {
            throw new RowException("duration_holdout", "customer '" + id
                    + "': duration_holdout must be finite and >= 0: " + durationHoldout);
        }
    }

    /**
     * Assembles {@link CustomerSummaries} row by row, for summaries computed elsewhere
     * (a file, a simulation, a test).
     *
     * <p>Every row is validated when added: frequency {@code >= 0}, {@code 0 <= recency
     * <= T}, recency 0 where frequency is 0, finite values. Rows are either all with or
     * all without holdout columns. The builder is not thread-safe and builds once; its
     * product is immutable.
     *
     * <pre>{@code
     * CustomerSummaries s = CustomerSummaries.builder()
     *         .timeUnit(TimeUnit.WEEKS)
     *         .add("1", 2, 30.43, 38.86, 22.35)
     *         .add("2", 0, 0.0, 38.86, 0.0)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final IdDictionary ids = new IdDictionary(16);
        private int[] frequency = new int[16];
        private double[] recency = new double[16];
        private double[] t = new double[16];
        private double[] monetary = new double[16];
        private int[] frequencyHoldout;
        private double[] monetaryHoldout;
        private double[] durationHoldout;
        private double[] weights;
        private int size;
        private Boolean withHoldout;
        private boolean hasMonetary = true;
        private TimeUnit unit;
        private LineMap lines;
        private boolean built;

        private Builder() {
        }

        /**
         * Sets the time unit of recency, T and duration.
         *
         * @param unit the unit, not null
         * @return this builder
         * @throws IllegalStateException if the unit was already set
         */
        public Builder timeUnit(TimeUnit unit) {
            Objects.requireNonNull(unit, "unit");
            Options.once(this.unit, "time unit");
            this.unit = unit;
            return this;
        }

        /**
         * Declares that the monetary values are unknown; every row must then be added with
         * monetary value 0 and {@link CustomerSummaries#hasMonetaryValue()} is false.
         *
         * @return this builder
         */
        public Builder withoutMonetaryValue() {
            hasMonetary = false;
            return this;
        }

        /** Records where the rows come from; rows then carry their lines (SummaryCsv). */
        Builder source(String source, long firstDataLine) {
            lines = new LineMap(source, firstDataLine);
            return this;
        }

        /** Records the source's name of a column (after {@link #source}). */
        void columnName(String column, String name) {
            lines.columns.put(column, name);
        }

        /**
         * Adds a customer without holdout columns.
         *
         * @param customerId the customer id, not null, not added before
         * @param frequency the number of repeat purchase days, {@code >= 0}
         * @param recency first to last purchase, {@code >= 0}, 0 if frequency is 0
         * @param t first purchase to calibration end, {@code >= recency}
         * @param monetaryValue mean value of the repeat purchase days, finite
         * @return this builder
         * @throws IllegalArgumentException if a value is invalid or the id was added before
         *     (the message names the customer and the value)
         * @throws IllegalStateException if earlier rows had holdout columns, or after build
         */
        public Builder add(String customerId, int frequency, double recency, double t,
                double monetaryValue) {
            Objects.requireNonNull(customerId, "customerId");
            checkState(false);
            checkRow(customerId, frequency, recency, t, monetaryValue);
            checkMonetary(customerId, monetaryValue);
            addId(customerId);
            append(frequency, recency, t, monetaryValue);
            size++;
            return this;
        }

        /**
         * Adds a customer with holdout columns.
         *
         * @param customerId the customer id, not null, not added before
         * @param frequency the number of repeat purchase days, {@code >= 0}
         * @param recency first to last purchase, {@code >= 0}, 0 if frequency is 0
         * @param t first purchase to calibration end, {@code >= recency}
         * @param monetaryValue mean value of the repeat purchase days, finite
         * @param frequencyHoldout purchase days in the holdout period, {@code >= 0}
         * @param monetaryValueHoldout mean value of the holdout purchase days, finite
         * @param durationHoldout length of the holdout period, {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if a value is invalid or the id was added before
         *     (the message names the customer and the value)
         * @throws IllegalStateException if earlier rows had no holdout columns, or after
         *     build
         */
        public Builder add(String customerId, int frequency, double recency, double t,
                double monetaryValue, int frequencyHoldout, double monetaryValueHoldout,
                double durationHoldout) {
            Objects.requireNonNull(customerId, "customerId");
            checkState(true);
            checkRow(customerId, frequency, recency, t, monetaryValue);
            checkHoldout(customerId, frequencyHoldout, monetaryValueHoldout, durationHoldout);
            checkMonetary(customerId, monetaryValue);
            addId(customerId);
            append(frequency, recency, t, monetaryValue);
            appendHoldout(frequencyHoldout, monetaryValueHoldout, durationHoldout);
            size++;
            return this;
        }

        /**
         * Adds a row that stands for {@code weight} customers with the same history
         * (without holdout columns). Rows added without a weight count as weight 1.
         *
         * @param customerId the row id, not null, not added before
         * @param frequency the number of repeat purchase days, {@code >= 0}
         * @param recency first to last purchase, {@code >= 0}, 0 if frequency is 0
         * @param t first purchase to calibration end (or number of purchase
         *     opportunities), {@code >= recency}
         * @param monetaryValue mean value of the repeat purchase days, finite
         * @param weight the number of customers, finite and {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if a value is invalid or the id was added before
         *     (the message names the row and the value)
         * @throws IllegalStateException if earlier rows had holdout columns, or after build
         */
        public Builder addWeighted(String customerId, int frequency, double recency, double t,
                double monetaryValue, double weight) {
            Objects.requireNonNull(customerId, "customerId");
            checkWeight(customerId, weight);
            checkState(false);
            checkRow(customerId, frequency, recency, t, monetaryValue);
            checkMonetary(customerId, monetaryValue);
            addId(customerId);
            append(frequency, recency, t, monetaryValue);
            appendWeight(weight);
            size++;
            return this;
        }

        /**
         * Adds a row whose id is the UTF-8 bytes {@code b[s, e)}, read from line
         * {@code line} of the source; {@code weight} is NaN for an unweighted row. The id
         * is made a String only for an error message.
         */
        void add(byte[] b, int s, int e, long line, int frequency, double recency, double t,
                double monetaryValue, boolean holdout, int frequencyHoldout,
                double monetaryValueHoldout, double durationHoldout, double weight) {
            checkState(holdout);
            boolean weighted = !Double.isNaN(weight);
            try {
                if (weighted) {
                    checkWeight("", weight);
                }
                checkRow("", frequency, recency, t, monetaryValue);
                if (holdout) {
                    checkHoldout("", frequencyHoldout, monetaryValueHoldout, durationHoldout);
                }
                checkMonetary("", monetaryValue);
            } catch (IllegalArgumentException ex) {
                // again, with the id in the message
                String id = new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8);
                if (weighted) {
                    checkWeight(id, weight);
                }
                checkRow(id, frequency, recency, t, monetaryValue);
                if (holdout) {
                    checkHoldout(id, frequencyHoldout, monetaryValueHoldout, durationHoldout);
                }
                checkMonetary(id, monetaryValue);
                throw ex;
            }
            int index = ids.addIfAbsent(b, s, e);
            if (index < 0) {
                throw duplicate(new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8),
                        -1 - index);
            }
            append(frequency, recency, t, monetaryValue);
            if (holdout) {
                appendHoldout(frequencyHoldout, monetaryValueHoldout, durationHoldout);
            }
            if (weighted) {
                appendWeight(weight);
            }
            if (lines != null) {
                lines.record(size, line);
            }
            size++;
        }

        private void addId(String customerId) {
            int index = ids.addIfAbsent(customerId);
            if (index < 0) {
                throw duplicate(customerId, -1 - index);
            }
        }

        private RowException duplicate(String id, int earlier) {
            String where = lines == null ? "row " + earlier
                    : "line " + lines.line(earlier);
            return new RowException("customer_id", "customer '" + id
                    + "': duplicate customer id (first on " + where + ")");
        }

        private static void checkWeight(String customerId, double weight) {
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new RowException("weights", "customer '" + customerId
                        + "': weight must be finite and > 0: " + weight);
            }
        }

        private void checkMonetary(String id, double m) {
            if (!hasMonetary && m != 0) {
                throw new RowException("monetary_value", "customer '" + id
                        + "': monetary value must be 0 when the column is absent: " + m);
            }
        }

        private void checkState(boolean holdout) {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (withHoldout == null) {
                withHoldout = holdout;
            } else if (withHoldout != holdout) {
                throw new IllegalStateException("all rows must " + (withHoldout ? "" : "not ")
                        + "have holdout columns");
            }
        }

        private void append(int f, double r, double tt, double m) {
            if (size == frequency.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8, size * 3L / 2 + 1);
                frequency = Arrays.copyOf(frequency, capacity);
                recency = Arrays.copyOf(recency, capacity);
                t = Arrays.copyOf(t, capacity);
                monetary = Arrays.copyOf(monetary, capacity);
            }
            if (weights != null) {
                if (weights.length < frequency.length) {
                    int from = weights.length;
                    weights = Arrays.copyOf(weights, frequency.length);
                    Arrays.fill(weights, from, weights.length, 1.0);
                }
                weights[size] = 1.0;
            }
            frequency[size] = f;
            recency[size] = r + 0.0;
            t[size] = tt + 0.0;
            monetary[size] = m + 0.0;
        }

        private void appendHoldout(int fh, double mh, double dh) {
            int capacity = frequency.length;
            if (frequencyHoldout == null) {
                frequencyHoldout = new int[capacity];
                monetaryHoldout = new double[capacity];
                durationHoldout = new double[capacity];
            } else if (frequencyHoldout.length < capacity) {
                frequencyHoldout = Arrays.copyOf(frequencyHoldout, capacity);
                monetaryHoldout = Arrays.copyOf(monetaryHoldout, capacity);
                durationHoldout = Arrays.copyOf(durationHoldout, capacity);
            }
            frequencyHoldout[size] = fh;
            monetaryHoldout[size] = mh + 0.0;
            durationHoldout[size] = dh + 0.0;
        }

        private void appendWeight(double weight) {
            if (weights == null) {
                weights = new double[frequency.length];
                Arrays.fill(weights, 0, size, 1.0);
            }
            weights[size] = weight;
        }

        /**
         * Builds the summaries.
         *
         * @return the summaries, never null
         * @throws IllegalStateException if called twice
         */
        public CustomerSummaries build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            boolean holdout = Boolean.TRUE.equals(withHoldout);
            return new CustomerSummaries(ids.trimmed(), trim(frequency), trim(recency), trim(t),
                    trim(monetary), hasMonetary, null, null, null, null,
                    holdout ? trim(frequencyHoldout) : null,
                    holdout ? trim(monetaryHoldout) : null,
                    holdout ? trim(durationHoldout) : null,
                    unit, null, null, 0, weights == null ? null : trim(weights), lines);
        }

        private int[] trim(int[] a) {
            return a.length == size ? a : Arrays.copyOf(a, size);
        }

        private double[] trim(double[] a) {
            return a.length == size ? a : Arrays.copyOf(a, size);
        }
    }
}
