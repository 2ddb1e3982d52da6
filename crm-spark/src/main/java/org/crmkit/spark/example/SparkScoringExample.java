package org.crmkit.spark.example;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.NonPositiveSpendPolicy;
import org.crmkit.scoring.summary.TimeUnit;
import org.crmkit.spark.SparkBtydFitter;
import org.crmkit.spark.SparkScoring;
import org.crmkit.spark.SparkSummarizer;

/**
 * Simulates N customers' transactions on Spark, summarises them, fits BG/NBD and
 * Gamma-Gamma and scores every customer, printing the time of each step and the peak heap.
 *
 * <p>The customers follow the BG/NBD story (Fader, Hardie and Lee 2005) with known
 * parameters r = 0.25, alpha = 4 weeks, a = 0.8, b = 2.4: each has a Poisson purchase rate
 * drawn from Gamma(r, alpha) and, after each purchase, drops out with a probability drawn
 * from Beta(a, b); spend per purchase is gamma distributed around a customer mean. First
 * purchases fall in the first year, the calibration ends after 78 weeks and the
 * observation after two years; the fitted r, alpha, a, b should come out near the truth.
 *
 * <pre>
 * crm-spark/run-example.sh --customers 1000000 --master local[2]
 * </pre>
 *
 * <p>Options: {@code --customers N} (default 100000), {@code --master URL} (default
 * {@code local[2]} unless spark-submit set one), {@code --partitions P} (default 4 per
 * core), {@code --seed S}.
 */
public final class SparkScoringExample {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int CALIBRATION_DAYS = 78 * 7;
    private static final int OBSERVATION_DAYS = 2 * 365;

    private SparkScoringExample() {
    }

    /**
     * Runs the example.
     *
     * @param args the options above
     */
    public static void main(String[] args) {
        long customers = 100_000;
        String master = null;
        int partitions = 0;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--customers" -> customers = Long.parseLong(require(a, v));
                case "--master" -> master = require(a, v);
                case "--partitions" -> partitions = Integer.parseInt(require(a, v));
                case "--seed" -> seed = Long.parseLong(require(a, v));
                default -> {
                    System.err.println("unknown option " + a
                            + "; options: --customers N --master URL --partitions P --seed S");
                    System.exit(2);
                }
            }
            i++;
        }
        SparkSession.Builder b = SparkSession.builder().appName("crmkit scoring example")
                .config("spark.ui.enabled", "false");
        if (master == null && System.getProperty("spark.master") == null) {
            master = "local[2]"; // spark-submit sets spark.master; a plain java run gets two threads
        }
        if (master != null) {
            b.master(master);
        }
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        int cores = spark.sparkContext().defaultParallelism();
        int parts = partitions > 0 ? partitions : 4 * cores;
        spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(parts));
        try {
            run(spark, customers, parts, seed);
        } finally {
            spark.stop();
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }

    private static void run(SparkSession spark, long n, int parts, long seed) {
        long t0 = System.nanoTime();
        Dataset<Row> transactions = simulate(spark, n, parts, seed).cache();
        long rows = transactions.count();
        long t1 = System.nanoTime();
        report("simulate", t0, t1, rows + " transactions of " + n + " customers");

        Dataset<Row> summary = SparkSummarizer.builder().customerColumn("customer").dateColumn("date")
                .amountColumn("amount").timeUnit(TimeUnit.WEEKS).calibrationEnd(START.plusDays(CALIBRATION_DAYS))
                .observationEnd(START.plusDays(OBSERVATION_DAYS)).build().summarize(transactions).cache();
        long summarised = summary.count();
        transactions.unpersist();
        long t2 = System.nanoTime();
        report("summarize", t1, t2, summarised + " customers");

        FitResult<BgNbd> fit = SparkBtydFitter.builder().build().fit(BgNbd.model(), summary);
        long t3 = System.nanoTime();
        report("fit bg-nbd", t2, t3, fit.parameters() + " converged " + fit.converged()
                + " (truth r 0.25, alpha 4, a 0.8, b 2.4)");
        FitResult<GammaGamma> spend = SparkBtydFitter.builder().build()
                .fitSpend(GammaGamma.model(), summary, NonPositiveSpendPolicy.EXCLUDE);
        long t4 = System.nanoTime();
        report("fit gamma-gamma", t3, t4, spend.parameters() + " converged " + spend.converged());

        SparkScoring scoring = SparkScoring.builder(fit.model()).spendModel(spend.model()).horizon(26)
                .churnWindow(26).clvPeriods(52).discountRate(0.0019).build();
        Row totals = scoring.score(summary).agg(count("*"), sum("expected_purchases"), sum("frequency_holdout"),
                avg("p_alive"), avg("churn_risk"), sum(col("clv"))).first();
        long t5 = System.nanoTime();
        report("score", t4, t5, String.format(Locale.ROOT,
                "%d customers: expected holdout purchases %.0f (actual %d), mean P(alive) %.3f,"
                        + " mean churn risk %.3f, total 52-week CLV %.0f",
                totals.getLong(0), totals.getDouble(1), totals.getLong(2), totals.getDouble(3),
                totals.getDouble(4), totals.getDouble(5)));
        summary.unpersist();
        report("total", t0, t5, "peak heap " + peakHeapMb() + " MB of " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB; " + spark.sparkContext().defaultParallelism() + " cores, " + parts + " partitions");
    }

    /** One row per transaction: customer (long), date, amount. */
    static Dataset<Row> simulate(SparkSession spark, long n, int parts, long seed) {
        StructType schema = new StructType().add("customer", DataTypes.LongType, false)
                .add("date", DataTypes.DateType, false).add("amount", DataTypes.DoubleType, false);
        FlatMapFunction<Long, Row> customer = id -> purchases(id, seed).iterator();
        return spark.range(0, n, 1, parts).as(Encoders.LONG()).flatMap(customer, Encoders.row(schema));
    }

    /** The BG/NBD story for one customer, in days, from a generator seeded by the id. */
    private static List<Row> purchases(long id, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        double rate = gamma(r, 0.25) / (4.0 * 7); // per day: Gamma(r, alpha = 4 weeks)
        double x = gamma(r, 0.8);
        double p = x / (x + gamma(r, 2.4)); // Beta(a, b)
        double meanSpend = 10 + 60 * gamma(r, 2) / 2;
        List<Row> out = new ArrayList<>();
        double day = r.nextInt(365);
        while (day < OBSERVATION_DAYS) {
            out.add(RowFactory.create(id, java.sql.Date.valueOf(START.plusDays((long) day)),
                    Math.round(meanSpend * gamma(r, 4) / 4 * 100) / 100.0));
            // the drop-out coin is tossed after each repeat purchase, not after the first
            if ((out.size() > 1 && r.nextDouble() < p) || rate <= 0) {
                break;
            }
            day += -Math.log(1 - r.nextDouble()) / rate;
        }
        return out;
    }

    /** A Gamma(shape, 1) variate (Marsaglia and Tsang 2000; shape below 1 by boosting). */
    private static double gamma(SplittableRandom r, double shape) {
        if (shape < 1) {
            return gamma(r, shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = normal(r);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = r.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static void report(String step, long from, long to, String what) {
        System.out.printf(Locale.ROOT, "%-16s %8.1f s  %s%n", step, (to - from) / 1e9, what);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1 << 20);
    }
}
