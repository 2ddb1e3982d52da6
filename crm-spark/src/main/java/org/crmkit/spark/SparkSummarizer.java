package org.crmkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.crmkit.scoring.summary.InvalidTransactionException;
import org.crmkit.scoring.summary.NonPositiveDayPolicy;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.TimeUnit;

/**
 * Turns a transaction {@code Dataset<Row>} into the per-customer summary by Spark
 * aggregation, with the rules of crm-scoring's {@link Summarizer}, so that on the same
 * transactions both give the same rows.
 *
 * <p>Rules (those of {@link Summarizer}, restated): the transactions of one customer on one
 * day form one purchase day whose value is the sum of their amounts; days with net value
 * {@code <= 0} are handled by the {@link NonPositiveDayPolicy} (default {@code KEEP}).
 * A duration is a difference of epoch days divided by {@link TimeUnit#days()}. The
 * calibration period ends with the calibration end day (inclusive), T is
 * {@code calibrationEnd - firstPurchase}, the holdout runs from the day after the
 * calibration end to the observation end (inclusive) and {@code duration_holdout =
 * observationEnd - calibrationEnd}. Without a calibration end it is the observation end if
 * given, else the last transaction date; without an observation end it is the later of the
 * calibration end and the last transaction date; holdout columns appear exactly when the
 * observation end is after the calibration end. Customers without a purchase day in the
 * calibration period have no row.
 *
 * <p>Output columns: {@code customer_id} (the type of the customer column),
 * {@code frequency} (int), {@code recency}, {@code T}, {@code monetary_value} (double),
 * {@code first_purchase} and {@code last_purchase} (date: the first and the last calibration
 * purchase day), {@code total_spend} (all calibration amounts) and {@code order_count}
 * (calibration transactions, long), and with a holdout {@code frequency_holdout} (int),
 * {@code monetary_value_holdout} and {@code duration_holdout}. Frequencies, recencies, ages
 * and dates equal {@link Summarizer}'s exactly; the money columns are sums in another order
 * and agree to rounding (a relative {@code 1e-12} in the tests). One difference is
 * inherent in floating point: a day whose amounts cancel (10.1 and -10.1 and 3.3 and -3.3)
 * has a net value of exactly 0 or of a few units in the last place depending on the order
 * of addition, which neither implementation fixes; under {@code EXCLUDE} and {@code REJECT}
 * such a day can be judged differently. Amounts in whole cents summed as decimals avoid it:
 * pass {@code round(amount * 100)} and divide the money columns by 100.
 *
 * <p>Plan: the transactions are hash partitioned by customer once; the day totals, the
 * first calibration day (a window over the customer) and the customer totals then need no
 * further shuffle. Besides that one shuffle, {@link #summarize} runs one small job for the
 * last date and the checks (null fields, non-finite amounts, a transaction after an
 * explicit observation end), and under {@link NonPositiveDayPolicy#REJECT} one more. The
 * result is a lazy dataset: cache it when it is used more than once.
 *
 * <pre>{@code
 * Dataset<Row> summary = SparkSummarizer.builder()
 *         .customerColumn("customer").dateColumn("date").amountColumn("amount")
 *         .timeUnit(TimeUnit.WEEKS)
 *         .calibrationEnd(LocalDate.of(1997, 9, 30))
 *         .build()
 *         .summarize(transactions);
 * }</pre>
 *
 * <p>Immutable and thread-safe; it holds no Spark state.
 */
public final class SparkSummarizer {
    private final String customer;
    private final String date;
    private final String amount;
    private final TimeUnit unit;
    private final LocalDate calibrationEnd;
    private final LocalDate observationEnd;
    private final NonPositiveDayPolicy policy;

    private SparkSummarizer(Builder b) {
        this.customer = b.customer == null ? "customer_id" : b.customer;
        this.date = b.date == null ? "date" : b.date;
        this.amount = b.amount;
        this.unit = b.unit == null ? TimeUnit.DAYS : b.unit;
        this.calibrationEnd = b.calibrationEnd;
        this.observationEnd = b.observationEnd;
        this.policy = b.policy == null ? NonPositiveDayPolicy.KEEP : b.policy;
    }

    /**
     * Returns a new builder; every option is optional (columns {@code customer_id},
     * {@code date} and no amount, days, KEEP).
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Summarises transactions.
     *
     * @param transactions one row per transaction with the customer column (any type), the
     *     date column (Spark {@code date}; use {@code date_from_unix_date} or {@code to_date}
     *     to make one) and, if configured, the numeric amount column; not null
     * @return the summaries, one row per customer with a calibration purchase, never null
     * @throws IllegalArgumentException if a column is missing or of the wrong type, or a
     *     field is null, or an amount is not finite (the message names the column)
     * @throws InvalidTransactionException if a transaction lies after an explicit observation
     *     end, or a day has non-positive net value under {@link NonPositiveDayPolicy#REJECT}
     */
    public Dataset<Row> summarize(Dataset<Row> transactions) {
        Objects.requireNonNull(transactions, "transactions");
        SparkColumns.require(transactions, customer, "customer");
        SparkColumns.require(transactions, date, "date");
        if (!(transactions.schema().apply(date).dataType() instanceof DateType)) {
            throw new IllegalArgumentException("date column '" + date + "' must be of Spark type date, not "
                    + transactions.schema().apply(date).dataType().simpleString());
        }
        Column amountColumn = lit(0.0);
        if (amount != null) {
            SparkColumns.requireNumeric(transactions, amount, "amount");
            amountColumn = col(amount).cast(DataTypes.DoubleType);
        }
        Dataset<Row> tx = transactions.select(col(customer).as("c"),
                functions.unix_date(col(date)).as("d"), amountColumn.as("a"));

        Row stats = tx.agg(max("d"), count(lit(1)),
                sum(when(col("c").isNull(), 1).otherwise(0)),
                sum(when(col("d").isNull(), 1).otherwise(0)),
                sum(when(col("a").isNull(), 1).otherwise(0)),
                sum(when(col("a").isNaN().or(col("a").equalTo(Double.POSITIVE_INFINITY))
                        .or(col("a").equalTo(Double.NEGATIVE_INFINITY)), 1).otherwise(0))).first();
        rejectCount(stats, 2, "customer column '" + customer + "'", "null");
        rejectCount(stats, 3, "date column '" + date + "'", "null");
        rejectCount(stats, 4, "amount column '" + amount + "'", "null");
        rejectCount(stats, 5, "amount column '" + amount + "'", "not finite");
        if (stats.getLong(1) == 0) {
            return empty(transactions);
        }
        int last = stats.getInt(0);
        int cal = calibrationEnd != null ? day(calibrationEnd)
                : observationEnd != null ? day(observationEnd) : last;
        int obs = observationEnd != null ? day(observationEnd) : Math.max(cal, last);
        if (observationEnd != null && last > obs) {
            Row late = tx.where(col("d").gt(obs)).first();
            LocalDate when = LocalDate.ofEpochDay(late.getInt(1));
            String id = String.valueOf(late.get(0));
            throw new InvalidTransactionException("transaction of customer '" + id + "' on " + when
                    + " is after the observation end " + observationEnd, id, when, late.getDouble(2));
        }
        boolean holdout = obs > cal;
        double unitDays = unit.days();

        Dataset<Row> days = tx.repartition(col("c")).groupBy("c", "d")
                .agg(sum("a").as("value"), count(lit(1)).as("orders"));
        if (policy == NonPositiveDayPolicy.REJECT) {
            Dataset<Row> bad = days.where(col("value").leq(0));
            if (!bad.isEmpty()) {
                Row b = bad.first();
                String id = String.valueOf(b.get(0));
                LocalDate when = LocalDate.ofEpochDay(b.getInt(1));
                throw new InvalidTransactionException("customer '" + id + "' has net value " + b.getDouble(2)
                        + " <= 0 on " + when, id, when, b.getDouble(2));
            }
        }
        Column purchase = policy == NonPositiveDayPolicy.EXCLUDE ? col("value").gt(0) : lit(true);
        Column inCalibration = col("d").leq(cal);
        Column calPurchase = purchase.and(inCalibration);
        days = days.withColumn("first", min(when(calPurchase, col("d"))).over(Window.partitionBy("c")));
        Column repeat = calPurchase.and(col("d").notEqual(col("first")));
        Column holdoutPurchase = purchase.and(col("d").gt(cal));
        Dataset<Row> customers = days.groupBy("c").agg(
                min("first").as("first"),
                max(when(calPurchase, col("d"))).as("last"),
                count(when(repeat, lit(1))).as("repeat"),
                functions.coalesce(sum(when(repeat, col("value"))), lit(0.0)).as("repeat_sum"),
                functions.coalesce(sum(when(inCalibration, col("value"))), lit(0.0)).as("total_spend"),
                functions.coalesce(sum(when(inCalibration, col("orders"))), lit(0L)).as("order_count"),
                count(when(holdoutPurchase, lit(1))).as("holdout_days"),
                functions.coalesce(sum(when(holdoutPurchase, col("value"))), lit(0.0)).as("holdout_sum"))
                .where(col("first").isNotNull());

        Column frequency = col("repeat").cast(DataTypes.IntegerType);
        Column[] out = {
            col("c").as("customer_id"),
            frequency.as("frequency"),
            col("last").minus(col("first")).cast(DataTypes.DoubleType).divide(unitDays).as("recency"),
            lit(cal).minus(col("first")).cast(DataTypes.DoubleType).divide(unitDays).as("T"),
            when(col("repeat").equalTo(0), lit(0.0)).otherwise(col("repeat_sum").divide(col("repeat")))
                    .as("monetary_value"),
            functions.date_from_unix_date(col("first")).as("first_purchase"),
            functions.date_from_unix_date(col("last")).as("last_purchase"),
            col("total_spend"),
            col("order_count"),
        };
        Dataset<Row> result = customers.select(out);
        if (holdout) {
            result = customers.select(concat(out,
                    col("holdout_days").cast(DataTypes.IntegerType).as("frequency_holdout"),
                    when(col("holdout_days").equalTo(0), lit(0.0))
                            .otherwise(col("holdout_sum").divide(col("holdout_days"))).as("monetary_value_holdout"),
                    lit(((long) obs - cal) / unitDays).as("duration_holdout")));
        }
        return result;
    }

    private static Column[] concat(Column[] a, Column... b) {
        Column[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void rejectCount(Row stats, int field, String what, String problem) {
        long bad = stats.isNullAt(field) ? 0 : stats.getLong(field);
        if (bad > 0) {
            throw new IllegalArgumentException(what + ": " + bad + " transaction(s) with a " + problem + " value");
        }
    }

    /** The summary of no transactions: no rows, the columns without holdout. */
    private Dataset<Row> empty(Dataset<Row> transactions) {
        Dataset<Row> none = transactions.limit(0);
        return none.select(col(customer).as("customer_id"), lit(0).as("frequency"), lit(0.0).as("recency"),
                lit(0.0).as("T"), lit(0.0).as("monetary_value"), col(date).as("first_purchase"),
                col(date).as("last_purchase"), lit(0.0).as("total_spend"), lit(0L).as("order_count"));
    }

    private static int day(LocalDate date) {
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
        return "SparkSummarizer[customer=" + customer + ", date=" + date + ", amount=" + amount + ", unit=" + unit
                + ", calibrationEnd=" + calibrationEnd + ", observationEnd=" + observationEnd
                + ", nonPositiveDays=" + policy + "]";
    }

    /**
     * Configures a {@link SparkSummarizer}. Each option may be set once. Not thread-safe;
     * the product is immutable.
     */
    public static final class Builder {
        private String customer;
        private String date;
        private String amount;
        private TimeUnit unit;
        private LocalDate calibrationEnd;
        private LocalDate observationEnd;
        private NonPositiveDayPolicy policy;

        private Builder() {
        }

        /**
         * Sets the customer column (default {@code customer_id}).
         *
         * @param name the column name, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder customerColumn(String name) {
            customer = SparkColumns.once(customer, name, "customer column");
            return this;
        }

        /**
         * Sets the date column, of Spark type {@code date} (default {@code date}).
         *
         * @param name the column name, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder dateColumn(String name) {
            date = SparkColumns.once(date, name, "date column");
            return this;
        }

        /**
         * Sets the numeric amount column (default none: every amount 0).
         *
         * @param name the column name, not null nor blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder amountColumn(String name) {
            amount = SparkColumns.once(amount, name, "amount column");
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
            SparkColumns.requireUnset(this.unit, "time unit");
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
            SparkColumns.requireUnset(calibrationEnd, "calibration end");
            day(date);
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
            SparkColumns.requireUnset(observationEnd, "observation end");
            day(date);
            checkOrder(calibrationEnd, date);
            observationEnd = date;
            return this;
        }

        private static void checkOrder(LocalDate cal, LocalDate obs) {
            if (cal != null && obs != null && cal.isAfter(obs)) {
                throw new IllegalArgumentException("calibration end " + cal + " is after the observation end " + obs);
            }
        }

        /**
         * Sets the handling of days with net value {@code <= 0} (default KEEP).
         *
         * @param policy the policy, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder nonPositiveDays(NonPositiveDayPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            SparkColumns.requireUnset(this.policy, "policy");
            this.policy = policy;
            return this;
        }

        /**
         * Builds the summarizer.
         *
         * @return the summarizer, never null
         */
        public SparkSummarizer build() {
            return new SparkSummarizer(this);
        }
    }
}
