package org.crmkit.scoring.btyd;

import java.util.Objects;
import org.crmkit.scoring.btyd.internal.RowPatterns;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.SummaryCsv;

/**
 * The per-customer summaries a buy-till-you-die model is fitted to, compressed into
 * weighted unique rows.
 *
 * <p>Each input row is one customer (or, with weights, a group of identical customers):
 * frequency {@code x} (number of repeat purchases, a whole number), recency {@code t_x}
 * (time of the last repeat purchase, measured from the first purchase), age {@code T}
 * (time from the first purchase to the end of the calibration period), optionally the mean
 * value {@code m} of the repeat purchases (used by spend models) and a positive weight.
 * Rows that agree in every column are merged into one row whose weight is the sum, so
 * that a likelihood is evaluated once per distinct history. The distinct frequencies are
 * indexed as well ({@link #frequencyLevel(int)}), so a model can compute terms such as
 * {@code lnGamma(r + x)} once per distinct {@code x} and likelihood evaluation.
 *
 * <p>Validation (an {@link IllegalArgumentException} naming the row, counted from 0, the
 * field and the value): no NaN or infinite value; {@code x >= 0} and whole;
 * {@code 0 <= t_x <= T}; {@code x > 0} requires {@code t_x > 0} and
 * {@code x = 0} requires {@code t_x = 0}; weights finite and {@code > 0}; monetary value
 * {@code >= 0}; at least one row with {@code T > 0}.
 *
 * <p>A customer with {@code T = 0} (first purchase on the last day of the calibration
 * period, so {@code x = t_x = 0}) is valid but carries no information: its likelihood is 1
 * under every model here (BG/NBD: {@code (alpha / (alpha + 0))^r = 1}, Fader, Hardie and Lee
 * 2005, eq. 6; Pareto/NBD and MBG/NBD likewise; BG/BB with no opportunity), so it
 * contributes 0 to the log-likelihood, as in lifetimes and BTYD. Such rows are therefore
 * left out of the compressed rows and counted by {@link #newCustomers()}; a fit on data
 * with them equals the fit without them, digit for digit, and {@link #customers()} counts
 * only the customers the likelihood sees. The models score them as new customers
 * (conditional expectation equal to the unconditional one, P(alive) 1).
 *
 * <pre>{@code
 * BtydData data = BtydData.of(
 *         new double[] {2, 1, 0},            // frequency
 *         new double[] {30.43, 1.71, 0},     // recency
 *         new double[] {38.86, 38.86, 38.86} // T
 * );
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BtydData {

    private final double[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] monetary;
    private final double[] weight;
    private final boolean hasMonetary;
    private final double customers;
    private final double newCustomers;
    private final int inputRows;
    private final double[] frequencyLevels;
    private final int[] frequencyLevelIndex;
    private final double excludedCustomers;

    private BtydData(double[] frequency, double[] recency, double[] age, double[] monetary,
            double[] weight, boolean hasMonetary, int inputRows) {
        this(frequency, recency, age, monetary, weight, hasMonetary, inputRows, 0, 0);
    }

    private BtydData(double[] frequency, double[] recency, double[] age, double[] monetary,
            double[] weight, boolean hasMonetary, int inputRows, double newCustomers, double excludedCustomers) {
        this.newCustomers = newCustomers;
        this.excludedCustomers = excludedCustomers;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
        this.weight = weight;
        this.hasMonetary = hasMonetary;
        this.inputRows = inputRows;
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        this.customers = total;
        this.frequencyLevelIndex = new int[frequency.length];
        this.frequencyLevels = RowPatterns.levels(frequency, frequencyLevelIndex);
    }

    /**
     * Summaries of single customers without monetary value.
     *
     * @param frequency the number of repeat purchases per customer, not null
     * @param recency the time of the last repeat purchase per customer, not null
     * @param age the time from first purchase to the end of calibration, not null
     * @return the compressed data, never null
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold
     *     an invalid value (see the class documentation)
     */
    public static BtydData of(double[] frequency, double[] recency, double[] age) {
        Objects.requireNonNull(frequency, "frequency");
        return build(frequency, recency, age, null, null);
    }

    /**
     * Weighted summaries without monetary value: row {@code i} stands for
     * {@code weights[i]} identical customers.
     *
     * @param frequency the number of repeat purchases, not null
     * @param recency the time of the last repeat purchase, not null
     * @param age the time from first purchase to the end of calibration, not null
     * @param weights the positive weight of each row, not null
     * @return the compressed data, never null
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold
     *     an invalid value
     */
    public static BtydData of(double[] frequency, double[] recency, double[] age,
            double[] weights) {
        Objects.requireNonNull(weights, "weights");
        return build(frequency, recency, age, null, weights);
    }

    /**
     * Summaries of single customers with the mean value of their repeat purchases, as
     * spend models need ({@code monetary[i]} is ignored where {@code frequency[i] = 0}).
     *
     * @param frequency the number of repeat purchases, not null
     * @param recency the time of the last repeat purchase, not null
     * @param age the time from first purchase to the end of calibration, not null
     * @param monetary the mean value of the repeat purchases, not null
     * @return the compressed data, never null
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold
     *     an invalid value
     */
    public static BtydData withMonetary(double[] frequency, double[] recency, double[] age,
            double[] monetary) {
        Objects.requireNonNull(monetary, "monetary");
        return build(frequency, recency, age, monetary, null);
    }

    /**
     * Weighted summaries with monetary value.
     *
     * @param frequency the number of repeat purchases, not null
     * @param recency the time of the last repeat purchase, not null
     * @param age the time from first purchase to the end of calibration, not null
     * @param monetary the mean value of the repeat purchases, not null
     * @param weights the positive weight of each row, not null
     * @return the compressed data, never null
     * @throws IllegalArgumentException if the arrays differ in length, are empty or hold
     *     an invalid value
     */
    public static BtydData withMonetary(double[] frequency, double[] recency, double[] age,
            double[] monetary, double[] weights) {
        Objects.requireNonNull(monetary, "monetary");
        Objects.requireNonNull(weights, "weights");
        return build(frequency, recency, age, monetary, weights);
    }

    /**
     * The model input of per-customer summaries, for example as read by
     * {@link SummaryCsv#read(java.nio.file.Path)}: frequency, recency and T, the monetary
     * value when {@link CustomerSummaries#hasMonetaryValue()} (ignored where frequency is
     * 0), and the row weights when {@link CustomerSummaries#hasWeights()}. Holdout columns
     * are not used (see {@code HoldoutData.from} in the evaluation package).
     *
     * <pre>{@code
     * BtydData data = BtydData.from(SummaryCsv.read(Path.of("summary.csv")));
     * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
     * }</pre>
     *
     * @param summaries the summaries, not null
     * @return the compressed data, never null
     * @throws IllegalArgumentException if there is no customer
     * @throws InvalidSummaryException if a row breaks the rules of the class documentation
     *     (naming the row, customer id, field and value)
     */
    public static BtydData from(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        validateAll(summaries);
        double[] x = frequencies(summaries);
        double[] tx = summaries.recencyColumn();
        double[] t = summaries.tColumn();
        double[] w = summaries.weightsColumn();
        return summaries.hasMonetaryValue()
                ? build(x, tx, t, summaries.monetaryValueColumn(), w)
                : build(x, tx, t, null, w);
    }

    /**
     * The input of a spend model such as {@link GammaGamma}: as {@link #from(CustomerSummaries)},
     * with a policy for repeat customers whose mean repeat spend is zero or negative, which the
     * Gamma-Gamma likelihood cannot take. Under {@link NonPositiveSpendPolicy#REJECT} the first
     * such customer is named; under {@link NonPositiveSpendPolicy#EXCLUDE} they are left out and
     * counted in {@link #excludedCustomers()}, which a fit reports.
     *
     * <pre>{@code
     * BtydData spend = BtydData.forSpendModel(SummaryCsv.read(path), NonPositiveSpendPolicy.EXCLUDE);
     * }</pre>
     *
     * @param summaries the summaries with a monetary value column, not null
     * @param policy what to do with a repeat customer whose mean spend is not positive, not null
     * @return the compressed data, never null
     * @throws IllegalArgumentException if the summaries have no monetary value or no customer
     *     is left
     * @throws InvalidSummaryException if a row is invalid, or under {@code REJECT} the first
     *     repeat customer whose mean spend is not positive (naming row, customer and value)
     */
    public static BtydData forSpendModel(CustomerSummaries summaries, NonPositiveSpendPolicy policy) {
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(policy, "policy");
        if (!summaries.hasMonetaryValue()) {
            throw new IllegalArgumentException("a spend model needs the monetary_value column");
        }
        int n = summaries.size();
        boolean[] keep = new boolean[n];
        int kept = 0;
        double excluded = 0;
        for (int i = 0; i < n; i++) {
            boolean nonPositive = summaries.frequency(i) > 0 && !(summaries.monetaryValue(i) > 0);
            if (nonPositive && policy == NonPositiveSpendPolicy.REJECT) {
                throw new InvalidSummaryException(i, summaries.customerId(i), "frequency "
                        + summaries.frequency(i) + " with mean repeat spend " + summaries.monetaryValue(i)
                        + ": the Gamma-Gamma model needs a positive mean spend of every repeat customer"
                        + " (leave such customers out with the policy EXCLUDE)");
            }
            keep[i] = !nonPositive;
            if (nonPositive) {
                excluded += summaries.weight(i);
            } else {
                kept++;
            }
        }
        double[] x = new double[kept];
        double[] tx = new double[kept];
        double[] t = new double[kept];
        double[] m = new double[kept];
        double[] w = new double[kept];
        for (int i = 0, j = 0; i < n; i++) {
            if (!keep[i]) {
                continue;
            }
            int f = summaries.frequency(i);
            try {
                validateRow(-1, f, summaries.recency(i), summaries.t(i), f == 0 ? 0 : summaries.monetaryValue(i),
                        summaries.weight(i));
            } catch (IllegalArgumentException e) {
                InvalidSummaryException invalid = new InvalidSummaryException(i, summaries.customerId(i), e.getMessage());
                invalid.initCause(e);
                throw invalid;
            }
            x[j] = f;
            tx[j] = summaries.recency(i);
            t[j] = summaries.t(i);
            m[j] = f == 0 ? 0 : summaries.monetaryValue(i);
            w[j] = summaries.weight(i);
            j++;
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no customer left after excluding " + excluded
                    + " with a non-positive mean spend");
        }
        BtydData d = build(x, tx, t, m, w);
        return new BtydData(d.frequency, d.recency, d.age, d.monetary, d.weight, true, d.inputRows, d.newCustomers,
                excluded);
    }

    /**
     * Returns how many customers (sum of weights) {@link #forSpendModel} left out for a
     * non-positive mean spend.
     *
     * @return the count, 0 for data built otherwise
     */
    public double excludedCustomers() {
        return excludedCustomers;
    }

    /**
     * Checks every row of summaries as {@link #validateRow} does, naming the customer
     * instead of the row.
     *
     * @param summaries the summaries, not null
     * @throws IllegalArgumentException if there is no customer
     * @throws InvalidSummaryException naming the first invalid row and its customer
     */
    public static void validateAll(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        if (summaries.size() == 0) {
            throw new IllegalArgumentException("empty table: at least one customer is needed");
        }
        for (int i = 0; i < summaries.size(); i++) {
            int x = summaries.frequency(i);
            try {
                validateRow(-1, x, summaries.recency(i), summaries.t(i),
                        x == 0 ? 0 : summaries.monetaryValue(i), summaries.weight(i));
            } catch (IllegalArgumentException e) {
                String field = e instanceof FieldException f ? summaries.columnName(f.column) : null;
                InvalidSummaryException invalid = new InvalidSummaryException(i,
                        summaries.customerId(i), e.getMessage(), field,
                        summaries.source().orElse(null), summaries.sourceLine(i));
                invalid.initCause(e);
                throw invalid;
            }
        }
    }

    /**
     * Returns the frequency column of summaries as model input.
     *
     * @param summaries the summaries, not null
     * @return the frequencies as doubles, in row order, never null
     */
    public static double[] frequencies(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        int[] f = summaries.frequencyColumn();
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = f[i];
        }
        return x;
    }

    private static BtydData build(double[] x, double[] tx, double[] t, double[] m, double[] w) {
        Objects.requireNonNull(x, "frequency");
        Objects.requireNonNull(tx, "recency");
        Objects.requireNonNull(t, "age");
        int n = x.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty table: at least one customer is needed");
        }
        requireLength("recency", tx, n);
        requireLength("T", t, n);
        if (m != null) {
            requireLength("monetary", m, n);
        }
        if (w != null) {
            requireLength("weights", w, n);
        }
        double zeroAge = 0;
        for (int i = 0; i < n; i++) {
            validateRow(i, x[i], tx[i], t[i], m == null ? 0 : m[i], w == null ? 1 : w[i]);
            if (t[i] == 0) {
                zeroAge += w == null ? 1 : w[i];
            }
        }
        if (zeroAge > 0 && zeroAge == (w == null ? n : sum(w))) {
            throw new IllegalArgumentException("no customer with T > 0: every first purchase is on "
                    + "the last day of the calibration period, so the data carry no information");
        }
        if (zeroAge > 0) {
            // customers with T = 0 have likelihood 1 (see the class documentation): left out
            int keep = 0;
            double[] kx = new double[n];
            double[] ktx = new double[n];
            double[] kt = new double[n];
            double[] km = m == null ? null : new double[n];
            double[] kw = new double[n];
            for (int i = 0; i < n; i++) {
                if (t[i] != 0) {
                    kx[keep] = x[i];
                    ktx[keep] = tx[i];
                    kt[keep] = t[i];
                    if (km != null) {
                        km[keep] = m[i];
                    }
                    kw[keep] = w == null ? 1 : w[i];
                    keep++;
                }
            }
            x = java.util.Arrays.copyOf(kx, keep);
            tx = java.util.Arrays.copyOf(ktx, keep);
            t = java.util.Arrays.copyOf(kt, keep);
            m = km == null ? null : java.util.Arrays.copyOf(km, keep);
            w = java.util.Arrays.copyOf(kw, keep);
        }
        // compress identical rows: key on the exact bit patterns of the row, in a primitive
        // open-addressing table (RowPatterns), first occurrences in input order
        RowPatterns.Patterns p = RowPatterns.compress(x, tx, t, m, w);
        return new BtydData(p.x(), p.tx(), p.t(), p.m(), p.w(), m != null, n, zeroAge, 0);
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static void requireLength(String name, double[] values, int n) {
        if (values.length != n) {
            throw new IllegalArgumentException(
                    name + " has " + values.length + " rows but frequency has " + n);
        }
    }

    /**
     * Checks one customer summary; the rules of the class documentation.
     *
     * @param row the row number used in the message; negative for a single history,
     *     whose message then names no row
     * @param x frequency
     * @param tx recency
     * @param t age T
     * @param m mean monetary value (0 when absent)
     * @param w weight (1 when absent)
     * @throws IllegalArgumentException naming row, field and value when invalid
     */
    public static void validateRow(int row, double x, double tx, double t, double m, double w) {
        requireFinite(row, "frequency", "frequency", x);
        requireFinite(row, "recency", "recency", tx);
        requireFinite(row, "T", "T", t);
        requireFinite(row, "monetary_value", "monetary", m);
        requireFinite(row, "weights", "weight", w);
        if (x < 0 || x != Math.rint(x)) {
            throw invalid(row, "frequency", "frequency " + x + " is not a whole number >= 0");
        }
        if (tx < 0) {
            throw invalid(row, "recency", "recency " + tx + " is negative");
        }
        if (t < 0) {
            throw invalid(row, "T", "T " + t + " is negative");
        }
        if (tx > t) {
            throw invalid(row, "recency", "recency " + tx + " > T " + t);
        }
        if (x > 0 && tx == 0) {
            throw invalid(row, "recency", "frequency " + x + " > 0 with recency 0");
        }
        if (x == 0 && tx != 0) {
            throw invalid(row, "recency", "frequency 0 with recency " + tx + " (expected 0)");
        }
        if (m < 0) {
            throw invalid(row, "monetary_value", "monetary value " + m + " is negative");
        }
        if (w <= 0) {
            throw invalid(row, "weights", "weight " + w + " is not positive");
        }
    }

    private static void requireFinite(int row, String column, String field, double value) {
        if (!Double.isFinite(value)) {
            throw invalid(row, column, field + " is " + value);
        }
    }

    private static IllegalArgumentException invalid(int row, String column, String what) {
        return new FieldException(column, row < 0 ? what : "row " + row + ": " + what);
    }

    /** A row check's failure that knows its column, for {@link InvalidSummaryException#field()}. */
    private static final class FieldException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String column;

        FieldException(String column, String message) {
            super(message);
            this.column = column;
        }
    }

    /**
     * Returns the number of distinct (weighted) rows.
     *
     * @return the number of rows after compression, at least 1
     */
    public int size() {
        return frequency.length;
    }

    /**
     * Returns the number of input rows before compression.
     *
     * @return the number of rows given to the factory
     */
    public int inputRows() {
        return inputRows;
    }

    /**
     * Returns the number of customers the likelihood sees: the sum of the weights of the
     * rows with {@code T > 0}.
     *
     * @return the total weight, positive
     */
    public double customers() {
        return customers;
    }

    /**
     * Returns the number of customers with {@code T = 0} that were left out because they
     * contribute nothing to the likelihood (see the class documentation).
     *
     * @return the total weight of such rows, zero or more
     */
    public double newCustomers() {
        return newCustomers;
    }

    /**
     * Returns whether monetary values were given.
     *
     * @return true if a monetary column is present
     */
    public boolean hasMonetary() {
        return hasMonetary;
    }

    /**
     * Returns the frequency of row {@code i}.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the number of repeat purchases, a whole number
     */
    public double frequency(int i) {
        return frequency[i];
    }

    /**
     * Returns the recency of row {@code i}.
     *
     * @param i the row
     * @return the time of the last repeat purchase
     */
    public double recency(int i) {
        return recency[i];
    }

    /**
     * Returns the age {@code T} of row {@code i}.
     *
     * @param i the row
     * @return the time from first purchase to the end of calibration
     */
    public double age(int i) {
        return age[i];
    }

    /**
     * Returns the mean monetary value of row {@code i}; 0 where absent or {@code x = 0}.
     *
     * @param i the row
     * @return the mean value of the repeat purchases
     */
    public double monetary(int i) {
        return monetary[i];
    }

    /**
     * Returns the weight of row {@code i}: how many customers it stands for.
     *
     * @param i the row
     * @return the weight, positive
     */
    public double weight(int i) {
        return weight[i];
    }

    /**
     * Returns the number of distinct frequencies.
     *
     * @return the number of frequency levels, at least 1
     */
    public int frequencyLevelCount() {
        return frequencyLevels.length;
    }

    /**
     * Returns the {@code k}-th distinct frequency, in increasing order.
     *
     * @param k the level, {@code 0 <= k < frequencyLevelCount()}
     * @return the frequency of that level
     */
    public double frequencyLevel(int k) {
        return frequencyLevels[k];
    }

    /**
     * Returns the frequency level of row {@code i}, so that
     * {@code frequencyLevel(frequencyLevelIndex(i)) == frequency(i)}.
     *
     * @param i the row
     * @return the index of its frequency level
     */
    public int frequencyLevelIndex(int i) {
        return frequencyLevelIndex[i];
    }

    /**
     * Returns the largest frequency.
     *
     * @return the maximum of {@code frequency(i)}
     */
    public double maxFrequency() {
        return frequencyLevels[frequencyLevels.length - 1];
    }

    /**
     * Returns the weighted mean frequency.
     *
     * @return the mean number of repeat purchases per customer
     */
    public double meanFrequency() {
        double s = 0;
        for (int i = 0; i < frequency.length; i++) {
            s += weight[i] * frequency[i];
        }
        return s / customers;
    }

    /**
     * Returns the weighted mean age {@code T}.
     *
     * @return the mean age
     */
    public double meanAge() {
        double s = 0;
        for (int i = 0; i < age.length; i++) {
            s += weight[i] * age[i];
        }
        return s / customers;
    }

    /**
     * Returns the format {@code BtydData[rows=.., customers=..]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "BtydData[rows=" + frequency.length + ", customers=" + customers
                + ", monetary=" + hasMonetary + "]";
    }
}
