package org.crmkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.crmkit.scoring.concentration.RevenueConcentration;
import org.crmkit.scoring.rfm.QuantileScores;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmWeights;

/**
 * RFM scores and ABC classes of a summary {@code Dataset<Row>} by exact distributed
 * quantiles, with the rules of crm-scoring's {@link RfmScorer} ({@link QuantileScores}) and
 * {@link RevenueConcentration#abcClasses(double, double)}.
 *
 * <p><b>RFM.</b> R is {@code T - recency} (lower is better), F the frequency, M the monetary
 * value; each scores {@code 1 + floor(k * below / n)} with {@code below} the number of
 * customers strictly worse, so ties share a score. The thresholds are found exactly (no
 * approximate quantile): a histogram of the values' order-preserving bit patterns in at most
 * 65,536 buckets, then the distinct values of only the buckets holding a threshold, then a
 * comparison per row; three Spark jobs per dimension and no sort. Exact for any size as long as
 * the distinct values of the at most {@code k - 1} threshold buckets fit on the driver (about
 * {@code n / 65536} values each for spread data; a bucket is a narrow range of one binary
 * exponent, so even 10^9 distinct monetary values give some 10^4 to 10^5 per bucket).
 *
 * <p><b>ABC.</b> Customers sorted by value, largest first; a customer is A when the
 * customers before it hold less than the A share of the total, B when less than the B
 * share, otherwise C, and a tie group takes the class of its first member: the cut values
 * come from a histogram of counts and sums and the distinct values of one bucket per cut.
 * The total and the cumulative sums are added in another order than on one machine, so a
 * customer whose cumulative share lies within rounding (about {@code 1e-15} relative) of a
 * share can be classed differently; values exact in binary (whole cents times a power of
 * two, integers) never are.
 *
 * <pre>{@code
 * Dataset<Row> scored = SparkRfm.builder().bins(5).build().score(summary);    // + r, f, m scores
 * Dataset<Row> classes = SparkRfm.abcClasses(summary, "total_spend", 0.8, 0.95); // + abc_class
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SparkRfm {
    private final int bins;
    private final RfmWeights weights;
    private final String frequency;
    private final String recency;
    private final String age;
    private final String monetary;

    private SparkRfm(Builder b) {
        this.bins = b.bins == null ? 5 : b.bins;
        this.weights = b.weights == null ? RfmWeights.EQUAL : b.weights;
        this.frequency = b.frequency == null ? "frequency" : b.frequency;
        this.recency = b.recency == null ? "recency" : b.recency;
        this.age = b.age == null ? "T" : b.age;
        this.monetary = b.monetary == null ? "monetary_value" : b.monetary;
    }

    /**
     * Returns a builder; defaults 5 bins, equal weights, the summary's column names.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Appends {@code recency_score}, {@code frequency_score}, {@code monetary_score} (int
     * 1..k), {@code rfm_score} (the weighted combined score, double) and {@code rfm_cell}
     * (e.g. {@code "545"}, dash separated above 9 bins).
     *
     * @param summary the summaries, not null
     * @return the scored rows, lazily computed after the threshold jobs, never null
     * @throws IllegalArgumentException if a column is missing or not numeric, or a value is
     *     null or not finite
     */
    public Dataset<Row> score(Dataset<Row> summary) {
        Objects.requireNonNull(summary, "summary");
        SparkColumns.requireNumeric(summary, frequency, "frequency");
        SparkColumns.requireNumeric(summary, recency, "recency");
        SparkColumns.requireNumeric(summary, age, "age");
        SparkColumns.requireNumeric(summary, monetary, "monetary");
        Column r = col(age).cast(DataTypes.DoubleType).minus(col(recency).cast(DataTypes.DoubleType));
        Column f = col(frequency).cast(DataTypes.DoubleType);
        Column m = col(monetary).cast(DataTypes.DoubleType);
        Dataset<Row> out = summary.withColumn("recency_score", scored(summary, r, true, "recency"))
                .withColumn("frequency_score", scored(summary, f, false, "frequency"))
                .withColumn("monetary_score", scored(summary, m, false, "monetary"));
        double wr = weights.recency();
        double wf = weights.frequency();
        double wm = weights.monetary();
        Column combined = col("recency_score").multiply(wr).plus(col("frequency_score").multiply(wf))
                .plus(col("monetary_score").multiply(wm)).divide(wr + wf + wm);
        Column cell = bins <= 9
                ? org.apache.spark.sql.functions.concat(col("recency_score").cast(DataTypes.StringType),
                        col("frequency_score").cast(DataTypes.StringType), col("monetary_score").cast(DataTypes.StringType))
                : org.apache.spark.sql.functions.concat_ws("-", col("recency_score").cast(DataTypes.StringType),
                        col("frequency_score").cast(DataTypes.StringType), col("monetary_score").cast(DataTypes.StringType));
        return out.withColumn("rfm_score", combined).withColumn("rfm_cell", cell);
    }

    private Column scored(Dataset<Row> summary, Column value, boolean lowerBetter, String what) {
        JavaRDD<Double> values = summary.select(value).as(Encoders.DOUBLE()).javaRDD();
        long[] thresholds = OrderStatistics.of(values, lowerBetter, what).scoreThresholds(bins);
        UDF1<Double, Integer> score = v -> OrderStatistics.score(OrderStatistics.key(v, lowerBetter), thresholds);
        return udf(score, DataTypes.IntegerType).apply(value);
    }

    /**
     * Appends {@code abc_class} ("A", "B" or "C") by the rule of
     * {@link RevenueConcentration#abcClasses(double, double)}.
     *
     * @param data one row per customer, not null
     * @param valueColumn the numeric revenue or margin column, values finite and {@code >= 0},
     *     not all zero, not null
     * @param aShare the share the A customers reach, in (0, 1]
     * @param bShare the share A and B customers reach, in [aShare, 1]
     * @return the rows with the class, never null
     * @throws IllegalArgumentException if a share is out of range, the column is missing, a
     *     value is negative, null or not finite, or all are zero
     */
    public static Dataset<Row> abcClasses(Dataset<Row> data, String valueColumn, double aShare, double bShare) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(valueColumn, "valueColumn");
        if (!(aShare > 0 && aShare <= 1 && bShare >= aShare && bShare <= 1)) {
            throw new IllegalArgumentException("need 0 < aShare <= bShare <= 1: " + aShare + ", " + bShare);
        }
        SparkColumns.requireNumeric(data, valueColumn, "value");
        Column value = col(valueColumn).cast(DataTypes.DoubleType);
        JavaRDD<Double> values = data.select(value).as(Encoders.DOUBLE()).javaRDD();
        OrderStatistics stats = OrderStatistics.of(values, true, valueColumn);
        if (stats.size() == 0) {
            throw new IllegalArgumentException("no values");
        }
        long negative = data.where(value.lt(0)).count();
        if (negative > 0) {
            throw new IllegalArgumentException(valueColumn + ": " + negative + " negative value(s)");
        }
        double total = stats.total();
        if (!(total > 0)) {
            throw new IllegalArgumentException("all values are zero: concentration is undefined");
        }
        double cutA = stats.shareCut(aShare, total);
        double cutB = stats.shareCut(bShare, total);
        return data.withColumn("abc_class", org.apache.spark.sql.functions.when(value.geq(cutA), "A")
                .when(value.geq(cutB), "B").otherwise("C"));
    }

    /**
     * Configures a {@link SparkRfm}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private Integer bins;
        private RfmWeights weights;
        private String frequency;
        private String recency;
        private String age;
        private String monetary;

        private Builder() {
        }

        /**
         * Sets the number of scores k (default 5).
         *
         * @param bins k, {@code 2 <= k <= QuantileScores.MAX_BINS}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder bins(int bins) {
            if (bins < 2 || bins > QuantileScores.MAX_BINS) {
                throw new IllegalArgumentException("bins must be in 2.." + QuantileScores.MAX_BINS + ": " + bins);
            }
            SparkColumns.requireUnset(this.bins, "bins");
            this.bins = bins;
            return this;
        }

        /**
         * Sets the weights of the combined score (default equal).
         *
         * @param weights the weights, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder weights(RfmWeights weights) {
            Objects.requireNonNull(weights, "weights");
            SparkColumns.requireUnset(this.weights, "weights");
            this.weights = weights;
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

        /**
         * Builds the scorer.
         *
         * @return the scorer, never null
         */
        public SparkRfm build() {
            return new SparkRfm(this);
        }
    }
}
