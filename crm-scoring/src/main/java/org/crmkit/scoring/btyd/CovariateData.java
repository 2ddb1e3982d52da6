package org.crmkit.scoring.btyd;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per-customer summaries {@code (x, t_x, T)} with each customer's covariate vector
 * {@code z_i} of a {@link CovariateDesign}: the input of {@link CovariateFitter}.
 *
 * <p>Customers with the same history and the same covariate vector are merged into one
 * weighted row, as {@link BtydData} merges identical histories: the covariate profile is
 * part of the row key, so two customers who differ only in a covariate stay apart. With
 * categorical covariates and whole-period histories this keeps the rows few; with a
 * continuous covariate nearly every customer is a row of its own.
 *
 * <pre>{@code
 * CovariateData data = CovariateData.of(design, x, tx, t, z); // z[i] = design.encode(raw[i])
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CovariateData {

    private final CovariateDesign design;
    private final int width;
    private final double[] x;
    private final double[] tx;
    private final double[] t;
    private final double[] w;
    private final double[] z;
    private final int[] level;
    private final double[] levels;
    private final double customers;
    private final int inputRows;

    private CovariateData(CovariateDesign design, double[] x, double[] tx, double[] t, double[] w, double[] z,
            int inputRows) {
        this.design = design;
        this.width = design.width();
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.w = w;
        this.z = z;
        this.inputRows = inputRows;
        TreeMap<Double, Integer> distinct = new TreeMap<>();
        for (double xi : x) {
            distinct.putIfAbsent(xi, 0);
        }
        levels = new double[distinct.size()];
        int k = 0;
        for (Map.Entry<Double, Integer> e : distinct.entrySet()) {
            levels[k] = e.getKey();
            e.setValue(k++);
        }
        level = new int[x.length];
        double n = 0;
        for (int i = 0; i < x.length; i++) {
            level[i] = distinct.get(x[i]);
            n += w[i];
        }
        customers = n;
    }

    /**
     * Summaries of single customers with their covariate vectors.
     *
     * @param design the covariate design, not null
     * @param frequency the number of repeat purchases, not null
     * @param recency the time of the last repeat purchase, not null
     * @param age the time from first purchase to the end of calibration, not null
     * @param covariates {@code covariates[i]} is customer {@code i}'s vector of
     *     {@code design.width()} finite values, not null
     * @return the merged data, never null
     * @throws IllegalArgumentException if the arrays differ in length or are empty, a history is
     *     invalid (as {@link BtydData#validateRow}), or a covariate vector has the wrong length
     *     or a non-finite entry, naming the row
     */
    public static CovariateData of(CovariateDesign design, double[] frequency, double[] recency, double[] age,
            double[][] covariates) {
        Objects.requireNonNull(covariates, "covariates");
        double[] weights = new double[covariates.length];
        Arrays.fill(weights, 1.0);
        return of(design, frequency, recency, age, covariates, weights);
    }

    /**
     * Weighted summaries: row {@code i} stands for {@code weights[i]} identical customers.
     *
     * @param design the covariate design, not null
     * @param frequency the number of repeat purchases, not null
     * @param recency the time of the last repeat purchase, not null
     * @param age the time from first purchase to the end of calibration, not null
     * @param covariates the covariate vector of each row, not null
     * @param weights the positive weight of each row, not null
     * @return the merged data, never null
     * @throws IllegalArgumentException as {@link #of(CovariateDesign, double[], double[], double[], double[][])},
     *     or if a weight is not positive and finite
     */
    public static CovariateData of(CovariateDesign design, double[] frequency, double[] recency, double[] age,
            double[][] covariates, double[] weights) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(covariates, "covariates");
        Objects.requireNonNull(weights, "weights");
        int n = frequency.length;
        if (recency.length != n || age.length != n || covariates.length != n || weights.length != n) {
            throw new IllegalArgumentException("arrays differ in length: frequency " + n + ", recency "
                    + recency.length + ", T " + age.length + ", covariates " + covariates.length + ", weights "
                    + weights.length);
        }
        if (n == 0) {
            throw new IllegalArgumentException("no customers");
        }
        int p = design.width();
        Map<Key, Integer> rows = new HashMap<>();
        double[] xs = new double[n];
        double[] txs = new double[n];
        double[] ts = new double[n];
        double[] ws = new double[n];
        double[] zs = new double[n * p];
        int m = 0;
        for (int i = 0; i < n; i++) {
            BtydData.validateRow(i, frequency[i], recency[i], age[i], 0, weights[i]);
            double[] zi = Objects.requireNonNull(covariates[i], "covariates of row " + i);
            if (zi.length != p) {
                throw new IllegalArgumentException("row " + i + ": " + zi.length + " covariate values for "
                        + p + " design columns " + design.coefficientNames());
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(zi[j])) {
                    throw new IllegalArgumentException("row " + i + ": covariate " + design.coefficientNames().get(j)
                            + " is " + zi[j]);
                }
            }
            Key key = new Key(frequency[i], recency[i], age[i], zi);
            Integer at = rows.get(key);
            if (at != null) {
                ws[at] += weights[i];
                continue;
            }
            rows.put(key, m);
            xs[m] = frequency[i];
            txs[m] = recency[i];
            ts[m] = age[i];
            ws[m] = weights[i];
            System.arraycopy(zi, 0, zs, m * p, p);
            m++;
        }
        return new CovariateData(design, Arrays.copyOf(xs, m), Arrays.copyOf(txs, m), Arrays.copyOf(ts, m),
                Arrays.copyOf(ws, m), Arrays.copyOf(zs, m * p), n);
    }

    /** A row key: history and covariate vector, compared exactly. */
    private record Key(double x, double tx, double t, double[] z) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Double.compare(k.x, x) == 0 && Double.compare(k.tx, tx) == 0
                    && Double.compare(k.t, t) == 0 && Arrays.equals(k.z, z);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * Double.hashCode(x) + Double.hashCode(tx)) + Double.hashCode(t))
                    + Arrays.hashCode(z);
        }
    }

    /**
     * Returns the covariate design.
     *
     * @return the design, never null
     */
    public CovariateDesign design() {
        return design;
    }

    /**
     * Returns the number of distinct rows.
     *
     * @return the rows, {@code >= 1}
     */
    public int size() {
        return x.length;
    }

    /**
     * Returns the number of rows given to the factory.
     *
     * @return the input rows
     */
    public int inputRows() {
        return inputRows;
    }

    /**
     * Returns the number of customers, the sum of the weights.
     *
     * @return the customers, {@code > 0}
     */
    public double customers() {
        return customers;
    }

    /**
     * Returns the frequency of row {@code i}.
     *
     * @param i the row
     * @return x
     */
    public double frequency(int i) {
        return x[i];
    }

    /**
     * Returns the recency of row {@code i}.
     *
     * @param i the row
     * @return t_x
     */
    public double recency(int i) {
        return tx[i];
    }

    /**
     * Returns the age T of row {@code i}.
     *
     * @param i the row
     * @return T
     */
    public double age(int i) {
        return t[i];
    }

    /**
     * Returns the weight of row {@code i}.
     *
     * @param i the row
     * @return the customers the row stands for
     */
    public double weight(int i) {
        return w[i];
    }

    /**
     * Returns covariate column {@code j} of row {@code i}.
     *
     * @param i the row
     * @param j the design column
     * @return z_ij
     */
    public double covariate(int i, int j) {
        return z[i * width + j];
    }

    /**
     * Returns the histories without covariates, for a fit of the plain model.
     *
     * @return the data, never null
     */
    public BtydData withoutCovariates() {
        return BtydData.of(x, tx, t, w);
    }

    /**
     * A systematic sample of about {@code rows} rows (every k-th row, with its weight), for the
     * pilot fit of {@link CovariateFitter}; this data itself when it has no more rows.
     */
    CovariateData systematicSample(int rows) {
        int n = x.length;
        if (n <= rows) {
            return this;
        }
        int step = (n + rows - 1) / rows;
        int m = (n + step - 1) / step;
        int p = width;
        double[] xs = new double[m];
        double[] txs = new double[m];
        double[] ts = new double[m];
        double[] ws = new double[m];
        double[] zs = new double[m * p];
        for (int k = 0; k < m; k++) {
            int i = k * step;
            xs[k] = x[i];
            txs[k] = tx[i];
            ts[k] = t[i];
            ws[k] = w[i];
            System.arraycopy(z, i * p, zs, k * p, p);
        }
        return new CovariateData(design, xs, txs, ts, ws, zs, m);
    }

    // package-private views for the likelihood, which must not copy per evaluation

    double[] frequencies() {
        return x;
    }

    double[] recencies() {
        return tx;
    }

    double[] ages() {
        return t;
    }

    double[] weights() {
        return w;
    }

    double[] covariateMatrix() {
        return z;
    }

    int[] frequencyLevelIndexes() {
        return level;
    }

    double[] frequencyLevels() {
        return levels;
    }
}
