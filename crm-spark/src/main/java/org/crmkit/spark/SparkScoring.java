package org.crmkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SpendModel;
import org.crmkit.scoring.churn.NoPurchaseRisk;

/**
 * Scores a summary {@code Dataset<Row>} with a fitted purchase model (and optionally a
 * spend model) partition by partition: each partition's rows are taken in blocks of
 * {@value #BLOCK} and scored with the models' bulk primitive-array methods, as crm-scoring
 * scores its columns on one machine, so every number equals the single-machine one.
 *
 * <p>Added columns: {@code expected_purchases} (the conditional expectation of purchases in
 * the next {@code horizon} time units, {@link PurchaseModel#conditionalExpectedPurchases}),
 * {@code p_alive} ({@link PurchaseModel#probabilityAlive}), {@code churn_risk} (the
 * probability of no purchase in the next {@code churnWindow} time units,
 * {@link NoPurchaseRisk}) and, with a spend model, {@code expected_spend}
 * ({@link SpendModel#conditionalExpectedSpend}) and {@code clv}: the expected purchases of
 * each of the next {@code clvPeriods} time units discounted by {@code (1 + D)^k}
 * ({@link PurchaseModel#discountedExpectedPurchases}) times the expected spend, the
 * definition of {@code crm predict}.
 *
 * <p>The models travel as a broadcast {@link ModelParameters} (name and values) and are
 * rebuilt once per partition; the fitted objects need not be serialisable. Use
 * {@link #score} on a dataset, or this object itself as the function of
 * {@code Dataset.mapPartitions} on rows of the schema given to {@link #bind}.
 *
 * <pre>{@code
 * SparkScoring scoring = SparkScoring.builder(fit.model())
 *         .spendModel(spend.model()).horizon(39).churnWindow(39).clvPeriods(52).discountRate(0.0019)
 *         .build();
 * Dataset<Row> scored = scoring.score(summary);
 * }</pre>
 *
 * <p>Immutable and thread-safe; serialisable so that Spark can ship it to the executors.
 */
public final class SparkScoring implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rows scored together by the bulk methods. */
    public static final int BLOCK = 4096;

    private final ModelParameters purchase;
    private final ModelParameters spend;
    private final double horizon;
    private final double churnWindow;
    private final long clvPeriods;
    private final double discountRate;
    private final String frequency;
    private final String recency;
    private final String age;
    private final String monetary;

    private SparkScoring(Builder b) {
        this.purchase = b.purchase;
        this.spend = b.spend;
        this.horizon = b.horizon == null ? 1.0 : b.horizon;
        this.churnWindow = b.churnWindow == null ? this.horizon : b.churnWindow;
        this.clvPeriods = b.clvPeriods == null ? Math.max(1, (long) Math.ceil(this.horizon)) : b.clvPeriods;
        this.discountRate = b.discountRate == null ? 0.0 : b.discountRate;
        this.frequency = b.frequency == null ? "frequency" : b.frequency;
        this.recency = b.recency == null ? "recency" : b.recency;
        this.age = b.age == null ? "T" : b.age;
        this.monetary = b.monetary == null ? "monetary_value" : b.monetary;
    }

    /**
     * Returns a builder for scoring with a purchase model.
     *
     * @param purchaseModel the fitted purchase model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB or
     *     a plug-in), not null
     * @return a builder, never null
     * @throws IllegalArgumentException if the model is unknown to {@code BtydModels}
     */
    public static Builder builder(PurchaseModel purchaseModel) {
        return new Builder(ModelParameters.of(Objects.requireNonNull(purchaseModel, "purchaseModel")));
    }

    /**
     * Returns the columns that {@link #score} appends.
     *
     * @return the names in order, never null
     */
    public List<String> outputColumns() {
        return spend == null ? List.of("expected_purchases", "p_alive", "churn_risk")
                : List.of("expected_purchases", "p_alive", "churn_risk", "expected_spend", "clv");
    }

    /**
     * Returns the schema of the scored rows: the input's columns and {@link #outputColumns()}
     * as doubles.
     *
     * @param input the schema of the summary, not null
     * @return the output schema, never null
     * @throws IllegalArgumentException if a needed column is missing, not numeric, or an
     *     output column exists already
     */
    public StructType outputSchema(StructType input) {
        Objects.requireNonNull(input, "input");
        List<String> names = Arrays.asList(input.fieldNames());
        List<String> needed = new ArrayList<>(List.of(frequency, recency, age));
        if (spend != null) {
            needed.add(monetary);
        }
        for (String c : needed) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException("no column '" + c + "' among " + names);
            }
            if (!(input.apply(c).dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("column '" + c + "' must be numeric, not "
                        + input.apply(c).dataType().simpleString());
            }
        }
        StructType out = input;
        for (String c : outputColumns()) {
            if (names.contains(c)) {
                throw new IllegalArgumentException("the summary already has a column '" + c + "'");
            }
            out = out.add(c, DataTypes.DoubleType, false);
        }
        return out;
    }

    /**
     * Scores every row of a summary.
     *
     * @param summary the summaries with the frequency, recency and age columns (and the
     *     monetary column with a spend model), not null
     * @return the rows with the scores appended, lazily computed, never null
     * @throws IllegalArgumentException if a column is missing or not numeric
     */
    public Dataset<Row> score(Dataset<Row> summary) {
        Objects.requireNonNull(summary, "summary");
        StructType out = outputSchema(summary.schema());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(summary.sparkSession().sparkContext());
        Broadcast<ModelParameters[]> models = jsc.broadcast(new ModelParameters[] {purchase, spend});
        return summary.mapPartitions(bind(summary.schema(), models), Encoders.row(out));
    }

    /**
     * Returns the partition function for rows of the given schema, reading the models from
     * a broadcast of {@code {purchase, spend}} (spend may be null).
     *
     * @param input the schema of the rows, not null
     * @param models the broadcast models, not null
     * @return the function, never null
     * @throws IllegalArgumentException if a needed column is missing
     */
    public MapPartitionsFunction<Row, Row> bind(StructType input, Broadcast<ModelParameters[]> models) {
        outputSchema(input);
        int[] at = {input.fieldIndex(frequency), input.fieldIndex(recency), input.fieldIndex(age),
            spend == null ? -1 : input.fieldIndex(monetary)};
        SparkScoring settings = this;
        return rows -> new Scored(rows, settings, models.value(), at);
    }

    /** The rows of one partition, scored block by block as they are read. */
    private static final class Scored implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final SparkScoring s;
        private final PurchaseModel purchase;
        private final SpendModel spend;
        private final int[] at;
        private final Row[] block = new Row[BLOCK];
        private final double[] x = new double[BLOCK];
        private final double[] tx = new double[BLOCK];
        private final double[] t = new double[BLOCK];
        private final double[] m = new double[BLOCK];
        private final double[] expected = new double[BLOCK];
        private final double[] alive = new double[BLOCK];
        private final double[] risk = new double[BLOCK];
        private final double[] discounted = new double[BLOCK];
        private int size;
        private int next;

        Scored(Iterator<Row> rows, SparkScoring s, ModelParameters[] models, int[] at) {
            this.rows = rows;
            this.s = s;
            FittedModel p = models[0].rebuild();
            if (!(p instanceof PurchaseModel pm)) {
                throw new IllegalArgumentException(models[0].name() + " is not a purchase model");
            }
            this.purchase = pm;
            FittedModel sp = models[1] == null ? null : models[1].rebuild();
            if (sp != null && !(sp instanceof SpendModel)) {
                throw new IllegalArgumentException(models[1].name() + " is not a spend model");
            }
            this.spend = (SpendModel) sp;
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            if (next < size) {
                return true;
            }
            fill();
            return size > 0;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = block[next];
            int i = next++;
            block[i] = null;
            int width = r.length();
            Object[] v = new Object[width + (spend == null ? 3 : 5)];
            for (int c = 0; c < width; c++) {
                v[c] = r.get(c);
            }
            v[width] = expected[i];
            v[width + 1] = alive[i];
            v[width + 2] = risk[i];
            if (spend != null) {
                double perPurchase = spend.conditionalExpectedSpend(x[i], m[i]);
                v[width + 3] = perPurchase;
                v[width + 4] = discounted[i] * perPurchase;
            }
            return RowFactory.create(v);
        }

        private void fill() {
            size = 0;
            next = 0;
            while (size < BLOCK && rows.hasNext()) {
                Row r = rows.next();
                for (int k : at) {
                    if (k >= 0 && r.isNullAt(k)) {
                        throw new IllegalArgumentException("column " + r.schema().fieldNames()[k] + " holds a null");
                    }
                }
                block[size] = r;
                x[size] = ((Number) r.get(at[0])).doubleValue();
                tx[size] = ((Number) r.get(at[1])).doubleValue();
                t[size] = ((Number) r.get(at[2])).doubleValue();
                if (at[3] >= 0) {
                    m[size] = ((Number) r.get(at[3])).doubleValue();
                }
                size++;
            }
            if (size == 0) {
                return;
            }
            double[] bx = size == BLOCK ? x : Arrays.copyOf(x, size);
            double[] btx = size == BLOCK ? tx : Arrays.copyOf(tx, size);
            double[] bt = size == BLOCK ? t : Arrays.copyOf(t, size);
            double[] e = new double[size];
            double[] a = new double[size];
            double[] k = new double[size];
            Parallelism here = Parallelism.sequential();
            purchase.predict(s.horizon, bx, btx, bt, e, a, here);
            NoPurchaseRisk.of(purchase, s.churnWindow, bx, btx, bt, k, null, here);
            System.arraycopy(e, 0, expected, 0, size);
            System.arraycopy(a, 0, alive, 0, size);
            System.arraycopy(k, 0, risk, 0, size);
            if (spend != null) {
                double[] d = new double[size];
                purchase.discountedExpectedPurchases(s.clvPeriods, s.discountRate, bx, btx, bt, d, here);
                System.arraycopy(d, 0, discounted, 0, size);
            }
        }
    }

    /**
     * Returns a description of the settings.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "SparkScoring[purchase=" + purchase + ", spend=" + spend + ", horizon=" + horizon + ", churnWindow="
                + churnWindow + ", clvPeriods=" + clvPeriods + ", discountRate=" + discountRate + "]";
    }

    /**
     * Configures a {@link SparkScoring}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private final ModelParameters purchase;
        private ModelParameters spend;
        private Double horizon;
        private Double churnWindow;
        private Long clvPeriods;
        private Double discountRate;
        private String frequency;
        private String recency;
        private String age;
        private String monetary;

        private Builder(ModelParameters purchase) {
            this.purchase = purchase;
        }

        /**
         * Adds a fitted spend model (Gamma-Gamma), which adds {@code expected_spend} and
         * {@code clv}.
         *
         * @param model the spend model, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder spendModel(SpendModel model) {
            Objects.requireNonNull(model, "model");
            SparkColumns.requireUnset(spend, "spend model");
            spend = ModelParameters.of(model);
            return this;
        }

        /**
         * Sets the horizon of {@code expected_purchases} in time units (default 1).
         *
         * @param t the horizon, finite and {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if not finite and positive
         * @throws IllegalStateException if already set
         */
        public Builder horizon(double t) {
            requirePositive(t, "horizon");
            SparkColumns.requireUnset(horizon, "horizon");
            horizon = t;
            return this;
        }

        /**
         * Sets the window of {@code churn_risk} in time units (default the horizon; whole
         * for BG/BB).
         *
         * @param window the window, finite and {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if not finite and positive
         * @throws IllegalStateException if already set
         */
        public Builder churnWindow(double window) {
            requirePositive(window, "churn window");
            SparkColumns.requireUnset(churnWindow, "churn window");
            churnWindow = window;
            return this;
        }

        /**
         * Sets the whole time units summed by {@code clv} (default the horizon rounded up).
         *
         * @param periods the periods, {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if below 1
         * @throws IllegalStateException if already set
         */
        public Builder clvPeriods(long periods) {
            if (periods < 1) {
                throw new IllegalArgumentException("clv periods must be >= 1: " + periods);
            }
            SparkColumns.requireUnset(clvPeriods, "clv periods");
            clvPeriods = periods;
            return this;
        }

        /**
         * Sets the discount rate per time unit of {@code clv} (default 0).
         *
         * @param rate the rate, finite and {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if negative or not finite
         * @throws IllegalStateException if already set
         */
        public Builder discountRate(double rate) {
            if (!(rate >= 0 && Double.isFinite(rate))) {
                throw new IllegalArgumentException("discount rate must be finite and >= 0: " + rate);
            }
            SparkColumns.requireUnset(discountRate, "discount rate");
            discountRate = rate;
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
         * Sets the age column (default {@code T}).
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
         * Sets the monetary column (default {@code monetary_value}).
         *
         * @param name the column, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder monetaryColumn(String name) {
            monetary = SparkColumns.once(monetary, name, "monetary column");
            return this;
        }

        private static void requirePositive(double v, String what) {
            if (!(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException(what + " must be finite and > 0: " + v);
            }
        }

        /**
         * Builds the scoring.
         *
         * @return the scoring, never null
         */
        public SparkScoring build() {
            return new SparkScoring(this);
        }
    }
}
