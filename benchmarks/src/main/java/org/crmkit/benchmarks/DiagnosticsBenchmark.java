package org.crmkit.benchmarks;

import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.crmkit.scoring.diagnostics.CalibrationHoldout;
import org.crmkit.scoring.diagnostics.FrequencyRecencyMatrix;
import org.crmkit.scoring.diagnostics.LorenzChart;
import org.crmkit.scoring.diagnostics.PeriodTransactions;
import org.crmkit.scoring.diagnostics.RfmHeatmap;
import org.crmkit.scoring.diagnostics.TrackingCurve;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.TransactionLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of the plot data of {@code org.crmkit.scoring.diagnostics} (issue 15: plot data for
 * 1 million customers in under 1 s, each chart).
 *
 * <p>The cohort: {@code customers} customers simulated from the published CDNOW BG/NBD
 * estimates (r 0.243, alpha 4.414, a 0.793, b 2.426, weeks), first purchases spread over
 * the 12 weeks before 1997-03-25 on a daily grid, observed for a 39-week calibration period
 * (to 1997-09-30) and a 39-week holdout; the simulated purchase times are turned into dated
 * transactions (a day is the floor of the time in days), and the summaries with holdout
 * columns come from the {@link Summarizer}, as {@code crm summarize} makes them. Each
 * benchmark computes one chart's numbers from the log or the summaries; the charts' drawing
 * (crm-examples) is not measured.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DiagnosticsBenchmark -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class DiagnosticsBenchmark {

    private static final BgNbd CDNOW = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    private static final LocalDate OBSERVATION_END = LocalDate.of(1998, 6, 29);

    /** Number of customers. */
    @Param({"1000000"})
    public int customers;

    TransactionLog log;
    CustomerSummaries summaries;
    double[] revenue;
    RfmScorer scorer;

    /** Simulates the cohort, its transaction log and its summaries. */
    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(15);
        int[] firstDay = new int[customers];
        double[] ages = new double[customers];
        long cal = CALIBRATION_END.toEpochDay();
        for (int i = 0; i < customers; i++) {
            int back = 189 + random.nextInt(84); // 27 to 39 weeks before the calibration end
            firstDay[i] = (int) (cal - back);
            ages[i] = back / 7.0;
        }
        SimulatedCohort cohort = CDNOW.simulate(ages, 39, 3);
        int[] who = cohort.transactionCustomers();
        double[] when = cohort.transactionTimes();
        String[] ids = new String[customers];
        for (int i = 0; i < customers; i++) {
            ids[i] = "c" + i;
        }
        long last = OBSERVATION_END.toEpochDay();
        int kept = 0;
        int[] days = new int[who.length];
        int[] index = new int[who.length];
        double[] amounts = new double[who.length];
        for (int j = 0; j < who.length; j++) {
            long day = firstDay[who[j]] + (long) Math.floor(when[j] * 7);
            if (day <= last) {
                index[kept] = who[j];
                days[kept] = (int) day;
                amounts[kept++] = 10 + random.nextInt(40);
            }
        }
        log = TransactionLog.of(ids, java.util.Arrays.copyOf(index, kept), java.util.Arrays.copyOf(days, kept),
                java.util.Arrays.copyOf(amounts, kept));
        summaries = Summarizer.builder().timeUnit(org.crmkit.scoring.summary.TimeUnit.WEEKS)
                .calibrationEnd(CALIBRATION_END).observationEnd(OBSERVATION_END).build().summarize(log);
        revenue = new double[summaries.size()];
        for (int i = 0; i < revenue.length; i++) {
            revenue[i] = summaries.frequency(i) * summaries.monetaryValue(i);
        }
        scorer = RfmScorer.builder().build();
    }

    /** Weekly actual and expected repeat transactions from the transaction log. */
    @Benchmark
    public TrackingCurve tracking() {
        return TrackingCurve.of(CDNOW, log, org.crmkit.scoring.summary.TimeUnit.WEEKS, CALIBRATION_END,
                OBSERVATION_END);
    }

    /** Customers by calibration repeat purchases 0..6, 7+, actual and expected. */
    @Benchmark
    public PeriodTransactions periodTransactions() {
        return PeriodTransactions.of(CDNOW, summaries, 7);
    }

    /** The same with the simulated bars (one simulated customer per row). */
    @Benchmark
    public PeriodTransactions periodTransactionsSimulated() {
        return PeriodTransactions.withSimulation(CDNOW, summaries, 7, 1, org.crmkit.scoring.Parallelism.defaults());
    }

    /** Mean holdout purchases by calibration frequency, actual and predicted. */
    @Benchmark
    public CalibrationHoldout calibrationHoldout() {
        return CalibrationHoldout.of(CDNOW, summaries, 7);
    }

    /** The frequency/recency matrix of expected purchases in the next 52 weeks. */
    @Benchmark
    public FrequencyRecencyMatrix frequencyRecency() {
        return FrequencyRecencyMatrix.expectedPurchases(CDNOW, summaries, 52);
    }

    /** The frequency/recency matrix of P(alive). */
    @Benchmark
    public FrequencyRecencyMatrix aliveMatrix() {
        return FrequencyRecencyMatrix.probabilityAlive(CDNOW, summaries);
    }

    /** The Lorenz curve and ABC shares of repeat-purchase revenue. */
    @Benchmark
    public LorenzChart lorenz() {
        return LorenzChart.of(revenue, 101);
    }

    /** Mean monetary value by R and F quintile. */
    @Benchmark
    public RfmHeatmap rfmHeatmap() {
        return RfmHeatmap.of(summaries, scorer);
    }
}
