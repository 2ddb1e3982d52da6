package org.crmkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.BtydModels;
import org.crmkit.scoring.btyd.ExternalLikelihood;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.NonPositiveSpendPolicy;
import org.hipparchus.exception.MathRuntimeException;

/**
 * Fits any {@link BtydModel} to a summary {@code Dataset<Row>} without collecting its
 * customers, with the estimates of crm-scoring's {@link BtydFitter} on the same rows.
 *
 * <p>Two plans, chosen per fit:
 * <ul>
 *   <li><b>Patterns.</b> Customers with the same {@code (x, t_x, T)} (and, for a spend
 *       model, {@code m}) have the same likelihood term, so Spark first aggregates the
 *       summary into distinct patterns with their total weight. When there are at most
 *       {@link Builder#patternLimit(int) patternLimit} of them (default
 *       {@value #DEFAULT_PATTERN_LIMIT}), they are collected, 32 to 40 bytes each, and fitted
 *       by {@link BtydFitter} on this machine: that is the single-machine fit of the same
 *       data, as {@link BtydData} merges the same rows. Summaries in whole days (those of
 *       {@link SparkSummarizer}) have few patterns: CDNOW's 23,570 customers have about
 *       6,000, and {@code x} and {@code t_x} in days and {@code T} from one calibration end
 *       bound them by days squared whatever the number of customers.</li>
 *   <li><b>Distributed sums.</b> Otherwise each partition's patterns become one
 *       {@link BtydData} kept in executor memory, and every likelihood evaluation of the
 *       optimiser is one Spark job summing the partitions' log-likelihoods and gradients by
 *       {@code treeAggregate} ({@link ExternalLikelihood}); the driver holds a sample of at
 *       most {@link BtydFitter#PILOT_ROWS} patterns for the starting points and, from
 *       {@link BtydFitter#PILOT_MIN_ROWS} patterns on, the pilot fit. The search is the same as
 *       on one machine; only the order of additions differs, so the estimates agree to
 *       rounding (a relative {@code 1e-6} is tested; in practice they agree to about
 *       {@code 1e-10}) whenever the sample is all patterns, and to the optimiser's tolerance
 *       when the fit starts from a pilot of a different sample. A fit takes some 40 to 150
 *       evaluations, each a job of a few tens of milliseconds plus the partitions' work.</li>
 * </ul>
 * Models are found on the executors by name through {@link BtydModels}, so a plug-in model
 * must be on the executors' class path too.
 *
 * <p>Columns (names configurable): {@code frequency}, {@code recency}, {@code T}, for spend
 * models {@code monetary_value}, and an optional weight column (default: every row weight
 * 1). BG/BB data use {@code frequency}, {@code recency} and the number of opportunities as
 * the age column ({@code ageColumn("periods")}).
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = SparkBtydFitter.builder().build().fit(BgNbd.model(), summary);
 * FitResult<GammaGamma> spend = SparkBtydFitter.builder().build()
 *         .fitSpend(GammaGamma.model(), summary, NonPositiveSpendPolicy.REJECT);
 * }</pre>
 *
 * <p>Immutable and thread-safe; one fit runs its Spark jobs one after another.
 */
public final class SparkBtydFitter {
    /** Patterns up to which a fit collects them and fits on the driver. */
    public static final int DEFAULT_PATTERN_LIMIT = 200_000;
    private static final long SAMPLE_SEED = 0x5eedL;

    private final BtydFitter fitter;
    private final int patternLimit;
    private final int depth;
    private final String frequency;
    private final String recency;
    private final String age;
    private final String monetary;
    private final String weight;

    private SparkBtydFitter(Builder b) {
        this.fitter = b.fitter == null ? BtydFitter.standard() : b.fitter;
        this.patternLimit = b.patternLimit == null ? DEFAULT_PATTERN_LIMIT : b.patternLimit;
        this.depth = b.depth == null ? 2 : b.depth;
        this.frequency = b.frequency == null ? "frequency" : b.frequency;
        this.recency = b.recency == null ? "recency" : b.recency;
        this.age = b.age == null ? "T" : b.age;
        this.monetary = b.monetary == null ? "monetary_value" : b.monetary;
        this.weight = b.weight;
    }

    /**
     * Returns a new builder; every option is optional.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fits a purchase model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB or a plug-in) to the
     * frequency, recency and age columns.
     *
     * @param <F> the type of the fitted model
     * @param model the model, not null
     * @param summary the summaries, not null
     * @return the fit, never null
     * @throws IllegalArgumentException if a column is missing, a value is null or a row is
     *     invalid (as {@link BtydData} judges it), or no customer has {@code T > 0}
     */
    public <F extends FittedModel> FitResult<F> fit(BtydModel<F> model, Dataset<Row> summary) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(summary, "summary");
        return run(model, patterns(summary, false, null), false);
    }

    /**
     * Fits a spend model (Gamma-Gamma or a plug-in) to the frequency and monetary columns
     * (recency and age are carried along as {@link BtydData#forSpendModel} carries them),
     * with crm-scoring's rule for repeat customers whose mean spend is not positive.
     * Unlike the single-machine fit, customers left out under
     * {@link NonPositiveSpendPolicy#EXCLUDE} are not counted in the result's
     * {@code excludedCustomers}.
     *
     * @param <F> the type of the fitted model
     * @param model the spend model, not null
     * @param summary the summaries with a monetary column, not null
     * @param policy what to do with a repeat customer of mean spend {@code <= 0}, not null
     * @return the fit, never null
     * @throws IllegalArgumentException if a column is missing or a row is invalid, or under
     *     {@code REJECT} a repeat customer has a mean spend {@code <= 0}
     */
    public <F extends FittedModel> FitResult<F> fitSpend(BtydModel<F> model, Dataset<Row> summary,
            NonPositiveSpendPolicy policy) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(policy, "policy");
        return run(model, patterns(summary, true, policy), true);
    }

    /** Distinct rows x, tx, T[, m] with their total weight w. */
    private Dataset<Row> patterns(Dataset<Row> summary, boolean spend, NonPositiveSpendPolicy policy) {
        SparkColumns.requireNumeric(summary, frequency, "frequency");
        SparkColumns.requireNumeric(summary, recency, "recency");
        SparkColumns.requireNumeric(summary, age, "age");
        if (weight != null) {
            SparkColumns.requireNumeric(summary, weight, "weight");
        }
        List<Column> cols = new ArrayList<>(List.of(col(frequency).cast(DataTypes.DoubleType).as("x"),
                col(recency).cast(DataTypes.DoubleType).as("tx"), col(age).cast(DataTypes.DoubleType).as("t")));
        if (spend) {
            SparkColumns.requireNumeric(summary, monetary, "monetary");
            cols.add(col(monetary).cast(DataTypes.DoubleType).as("m"));
        }
        cols.add(weight == null ? lit(1.0).as("w") : col(weight).cast(DataTypes.DoubleType).as("w"));
        Dataset<Row> rows = summary.select(cols.toArray(new Column[0]));
        if (spend) {
            Column nonPositive = col("x").gt(0).and(col("m").gt(0).equalTo(false));
            if (policy == NonPositiveSpendPolicy.REJECT) {
                Dataset<Row> bad = rows.where(nonPositive);
                if (!bad.isEmpty()) {
                    Row b = bad.first();
                    throw new IllegalArgumentException("frequency " + b.getDouble(0) + " with mean repeat spend "
                            + b.getDouble(3) + ": the Gamma-Gamma model needs a positive mean spend of every"
                            + " repeat customer (leave such customers out with the policy EXCLUDE)");
                }
            } else {
                rows = rows.where(nonPositive.equalTo(false).or(nonPositive.isNull()));
            }
            rows = rows.withColumn("m", when(col("x").equalTo(0), lit(0.0)).otherwise(col("m")));
        }
        String[] keys = spend ? new String[] {"x", "tx", "t", "m"} : new String[] {"x", "tx", "t"};
        return rows.groupBy(keys[0], java.util.Arrays.copyOfRange(keys, 1, keys.length)).agg(sum("w").as("w"));
    }

    private <F extends FittedModel> FitResult<F> run(BtydModel<F> model, Dataset<Row> patterns, boolean spend) {
        Dataset<Row> cached = patterns.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Row> head = SparkFailures.unwrap(() -> cached.limit(patternLimit + 1).collectAsList());
            if (head.size() <= patternLimit) {
                return fitter.fit(model, toData(head.iterator(), spend, false));
            }
            return distributed(model, cached, spend);
        } finally {
            cached.unpersist();
        }
    }

    private <F extends FittedModel> FitResult<F> distributed(BtydModel<F> model, Dataset<Row> patterns,
            boolean spend) {
        requireValid(patterns, spend);
        JavaRDD<BtydData> parts = patterns.javaRDD().mapPartitions((Iterator<Row> it) -> {
            BtydData d = toData(it, spend, true);
            return d == null ? Collections.emptyIterator() : Collections.singletonList(d).iterator();
        }).persist(StorageLevel.MEMORY_ONLY());
        try {
            double[] size = SparkFailures.unwrap(() -> parts.map(d -> new double[] {d.size(), d.customers()})
                    .fold(new double[2], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}));
            if (!(size[1] > 0)) {
                throw new IllegalArgumentException("no customer with T > 0: every first purchase is on the last day"
                        + " of the calibration period, so the data carry no information");
            }
            int rows = (int) Math.min(Integer.MAX_VALUE, size[0]);
            double fraction = Math.min(1.0, (double) BtydFitter.PILOT_ROWS / size[0]);
            List<Row> sampled = fraction >= 1.0 ? patterns.collectAsList()
                    : patterns.sample(false, fraction, SAMPLE_SEED).limit(BtydFitter.PILOT_ROWS).collectAsList();
            BtydData sample = toData(sampled.iterator(), spend, true);
            if (sample == null) {
                sample = toData(patterns.where(col("t").gt(0)).limit(BtydFitter.PILOT_ROWS).collectAsList().iterator(),
                        spend, true);
            }
            String name = model.name();
            int k = model.parameterNames().size();
            int treeDepth = depth;
            double customers = size[1];
            ExternalLikelihood sum = new ExternalLikelihood() {
                @Override
                public double customers() {
                    return customers;
                }

                @Override
                public int rows() {
                    return rows;
                }

                @Override
                public double logLikelihood(double[] parameters, double[] gradient) {
                    double[] p = parameters.clone();
                    double[] total = SparkFailures.unwrap(() -> parts.treeAggregate(new double[k + 1],
                            (acc, data) -> add(acc, partition(name, p, data)), SparkBtydFitter::add, treeDepth));
                    if (gradient != null) {
                        System.arraycopy(total, 1, gradient, 0, k);
                    }
                    return total[0];
                }
            };
            return fitter.fit(model, sample, sum);
        } finally {
            parts.unpersist(false);
        }
    }

    /**
     * Finds the first row that breaks {@link BtydData}'s rules with one Spark job and lets
     * {@link BtydData#validateRow} name it on the driver, so that bad input is an
     * {@link IllegalArgumentException} rather than a failed task.
     */
    private static void requireValid(Dataset<Row> patterns, boolean spend) {
        Column x = col("x");
        Column tx = col("tx");
        Column t = col("t");
        Column w = col("w");
        Column bad = x.isNull().or(tx.isNull()).or(t.isNull()).or(w.isNull())
                .or(x.isNaN()).or(tx.isNaN()).or(t.isNaN()).or(w.isNaN())
                .or(x.lt(0)).or(x.notEqual(functions.floor(x))).or(tx.lt(0)).or(tx.gt(t))
                .or(x.gt(0).and(tx.equalTo(0))).or(x.equalTo(0).and(tx.gt(0)))
                .or(w.leq(0)).or(t.equalTo(Double.POSITIVE_INFINITY)).or(w.equalTo(Double.POSITIVE_INFINITY));
        if (spend) {
            Column m = col("m");
            bad = bad.or(m.isNull()).or(m.isNaN()).or(m.lt(0)).or(m.equalTo(Double.POSITIVE_INFINITY));
        }
        List<Row> first = patterns.where(bad).limit(1).collectAsList();
        if (!first.isEmpty()) {
            Row r = first.get(0);
            for (int i = 0; i < r.length(); i++) {
                if (r.isNullAt(i)) {
                    throw new IllegalArgumentException("summary column " + r.schema().fieldNames()[i]
                            + " holds a null value");
                }
            }
            BtydData.validateRow(-1, r.getDouble(0), r.getDouble(1), r.getDouble(2), spend ? r.getDouble(3) : 0,
                    r.getDouble(spend ? 4 : 3));
            throw new IllegalArgumentException("invalid summary row: " + r);
        }
    }

    /** One partition's log-likelihood and gradient, {@code -inf} where a special function gave up. */
    private static double[] partition(String name, double[] p, BtydData data) {
        BtydModel<?> model = BtydModels.require(name);
        double[] out = new double[p.length + 1];
        double[] g = new double[p.length];
        double ll;
        try {
            ll = model.logLikelihood(p, data, g, Parallelism.sequential());
        } catch (MathRuntimeException | ArithmeticException numericalFailure) {
            ll = Double.NEGATIVE_INFINITY;
        }
        out[0] = ll;
        System.arraycopy(g, 0, out, 1, p.length);
        return out;
    }

    private static double[] add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    /**
     * The rows as {@link BtydData}: all of them, or with {@code skipNewCustomers} only those
     * with {@code T > 0} (null when none is left), which a partition needs since a partition
     * of only {@code T = 0} rows is not valid data on its own.
     */
    private static BtydData toData(Iterator<Row> rows, boolean spend, boolean skipNewCustomers) {
        DoubleColumns x = new DoubleColumns();
        DoubleColumns tx = new DoubleColumns();
        DoubleColumns t = new DoubleColumns();
        DoubleColumns m = new DoubleColumns();
        DoubleColumns w = new DoubleColumns();
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 0; i < r.length(); i++) {
                if (r.isNullAt(i)) {
                    throw new IllegalArgumentException("summary column " + r.schema().fieldNames()[i]
                            + " holds a null value");
                }
            }
            if (skipNewCustomers && r.getDouble(2) == 0) {
                continue;
            }
            x.add(r.getDouble(0));
            tx.add(r.getDouble(1));
            t.add(r.getDouble(2));
            if (spend) {
                m.add(r.getDouble(3));
            }
            w.add(r.getDouble(spend ? 4 : 3));
        }
        if (x.size() == 0) {
            if (skipNewCustomers) {
                return null;
            }
            throw new IllegalArgumentException("empty summary: at least one customer is needed");
        }
        return spend ? BtydData.withMonetary(x.toArray(), tx.toArray(), t.toArray(), m.toArray(), w.toArray())
                : BtydData.of(x.toArray(), tx.toArray(), t.toArray(), w.toArray());
    }

    /** A growable column of doubles. */
    private static final class DoubleColumns {
        private double[] values = new double[64];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /**
     * Configures a {@link SparkBtydFitter}. Each option may be set once. Not thread-safe;
     * the product is immutable.
     */
    public static final class Builder {
        private BtydFitter fitter;
        private Integer patternLimit;
        private Integer depth;
        private String frequency;
        private String recency;
        private String age;
        private String monetary;
        private String weight;

        private Builder() {
        }

        /**
         * Sets the single-machine fitter whose search, tolerance and iteration limit both
         * plans use (default {@link BtydFitter#standard()}).
         *
         * @param fitter the fitter, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder fitter(BtydFitter fitter) {
            Objects.requireNonNull(fitter, "fitter");
            SparkColumns.requireUnset(this.fitter, "fitter");
            this.fitter = fitter;
            return this;
        }

        /**
         * Sets the number of distinct patterns up to which they are collected and fitted on
         * the driver (default {@value #DEFAULT_PATTERN_LIMIT}); 0 always sums on the
         * executors.
         *
         * @param patterns the limit, {@code >= 0} and below {@code Integer.MAX_VALUE}
         * @return this builder
         * @throws IllegalArgumentException if negative or {@code Integer.MAX_VALUE}
         * @throws IllegalStateException if already set
         */
        public Builder patternLimit(int patterns) {
            if (patterns < 0 || patterns == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("pattern limit must be in 0.." + (Integer.MAX_VALUE - 1)
                        + ": " + patterns);
            }
            SparkColumns.requireUnset(patternLimit, "pattern limit");
            patternLimit = patterns;
            return this;
        }

        /**
         * Sets the depth of the tree aggregation of the distributed sums (default 2).
         *
         * @param depth the depth, {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if below 1
         * @throws IllegalStateException if already set
         */
        public Builder treeDepth(int depth) {
            if (depth < 1) {
                throw new IllegalArgumentException("tree depth must be >= 1: " + depth);
            }
            SparkColumns.requireUnset(this.depth, "tree depth");
            this.depth = depth;
            return this;
        }

        /**
         * Sets the frequency column (default {@code frequency}).
         *
         * @param name the column, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder frequencyColumn(String name) {
            frequency = SparkColumns.once(frequency, name, "frequency column");
            return this;
        }

        /**
         * Sets the recency column (default {@code recency}).
         *
         * @param name the column, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder recencyColumn(String name) {
            recency = SparkColumns.once(recency, name, "recency column");
            return this;
        }

        /**
         * Sets the age column, T or BG/BB's number of opportunities (default {@code T}).
         *
         * @param name the column, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder ageColumn(String name) {
            age = SparkColumns.once(age, name, "age column");
            return this;
        }

        /**
         * Sets the monetary column of spend fits (default {@code monetary_value}).
         *
         * @param name the column, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder monetaryColumn(String name) {
            monetary = SparkColumns.once(monetary, name, "monetary column");
            return this;
        }

        /**
         * Sets a weight column: each row stands for that many identical customers (default:
         * weight 1).
         *
         * @param name the column, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder weightColumn(String name) {
            weight = SparkColumns.once(weight, name, "weight column");
            return this;
        }

        /**
         * Builds the fitter.
         *
         * @return the fitter, never null
         */
        public SparkBtydFitter build() {
            return new SparkBtydFitter(this);
        }
    }
}
