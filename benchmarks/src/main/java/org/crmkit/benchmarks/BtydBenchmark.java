package org.crmkit.benchmarks;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.SimulatedCohort;
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
 * Speed of the BG/NBD model: fitting and bulk prediction.
 *
 * <p>Targets (issue 4): fit BG/NBD on the CDNOW sample (2,357 customers) in under 20 ms
 * and on 1 million customers in under 2 s ({@link #fitBgNbd}, {@code customers} 2357 and
 * 1000000); conditional expected purchases and P(alive) for 10 million customers in
 * under 1 s on 2 cores ({@link #predict10Million}). The fitted data are simulated from
 * the published CDNOW estimates with ages on a daily grid (as summaries computed from
 * dated transactions are), so identical rows compress as they do in real data; the 10
 * million scored histories (ages up to 52 weeks, up to 20 repeat purchases) are on a
 * daily grid too, which lets the bulk scorer share the (x, T)-only factor between customers.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BtydBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class BtydBenchmark {

    private static final BgNbd CDNOW = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    private static final int PREDICTED = 10_000_000;

    /** Number of customers of the fitted cohort. */
    @Param({"2357", "1000000"})
    public int customers;

    private BtydData data;
    private double[] x;
    private double[] tx;
    private double[] age;
    private double[] expected;
    private double[] alive;

    /** Simulates the cohort to fit and the 10 million histories to score. */
    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(1);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            // first purchases spread over 12 weeks, calibration ends at week 39, daily grid
            ages[i] = (273 - random.nextInt(84)) / 7.0;
        }
        SimulatedCohort cohort = CDNOW.simulate(ages, 0, 2);
        double[] f = cohort.frequency();
        double[] r = cohort.recency();
        for (int i = 0; i < customers; i++) {
            // recency on the same daily grid
            r[i] = f[i] == 0 ? 0 : Math.max(1, Math.round(r[i] * 7)) / 7.0;
        }
        data = BtydData.of(f, r, ages);
        x = new double[PREDICTED];
        tx = new double[PREDICTED];
        age = new double[PREDICTED];
        for (int i = 0; i < PREDICTED; i++) {
            age[i] = (1 + random.nextInt(364)) / 7.0;
            x[i] = random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(20);
            tx[i] = x[i] == 0 ? 0 : (1 + random.nextInt((int) Math.round(age[i] * 7))) / 7.0;
        }
        expected = new double[PREDICTED];
        alive = new double[PREDICTED];
    }

    /**
     * Fits BG/NBD to the simulated cohort.
     *
     * @return the fit
     */
    @Benchmark
    public FitResult<BgNbd> fitBgNbd() {
        return BtydFitter.standard().fit(BgNbd.model(), data);
    }

    /**
     * Scores 10 million customers: expected purchases in the next 39 weeks and P(alive).
     *
     * @return a checksum of the scores
     */
    @Benchmark
    public double predict10Million() {
        CDNOW.conditionalExpectedPurchases(39, x, tx, age, expected);
        CDNOW.probabilityAlive(x, tx, age, alive);
        return expected[PREDICTED / 2] + alive[PREDICTED / 3];
    }

    /**
     * Runs each benchmark once outside JMH, for a quick smoke check.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        BtydBenchmark b = new BtydBenchmark();
        for (int n : new int[] {2357, 1_000_000}) {
            b.customers = n;
            b.setUp();
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                FitResult<BgNbd> fit = b.fitBgNbd();
                long t1 = System.nanoTime();
                System.out.printf(java.util.Locale.ROOT, "fit n=%d rows=%d: %.1f ms %s%n", n, b.data.size(),
                        (t1 - t0) / 1e6, fit);
            }
        }
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            double s = b.predict10Million();
            System.out.printf(java.util.Locale.ROOT, "predict 10M: %.1f ms (%s)%n", (System.nanoTime() - t0) / 1e6,
                    Arrays.toString(new double[] {s}));
        }
    }
}
