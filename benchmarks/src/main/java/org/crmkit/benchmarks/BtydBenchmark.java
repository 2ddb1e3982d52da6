package org.crmkit.benchmarks;

import java.util.Locale;
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
 * under 1 s on 2 cores ({@link #predict10Million}). The fitted cohorts are simulated from
 * the published CDNOW estimates (r 0.243, alpha 4.414, a 0.793, b 2.426) with first
 * purchases spread over 12 weeks and ages and recencies on a daily grid, as summaries
 * computed from dated transactions are, so identical rows compress as in real data. The
 * 10 million scored histories (ages up to 52 weeks, up to 20 repeat purchases) are on a
 * daily grid too, which lets the bulk scorer share the factor that depends on (x, T) only.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BtydBenchmark -f 1 -wi 3 -i 5}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class BtydBenchmark {

    private static final BgNbd CDNOW = BgNbd.of(0.243, 4.414, 0.793, 2.426);

    /** A simulated cohort to fit. */
    @State(Scope.Benchmark)
    public static class Cohort {
        /** Number of customers. */
        @Param({"2357", "1000000"})
        public int customers;

        BtydData data;

        /** Simulates the cohort. */
        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(1);
            double[] ages = new double[customers];
            for (int i = 0; i < customers; i++) {
                ages[i] = (273 - random.nextInt(84)) / 7.0;
            }
            SimulatedCohort cohort = CDNOW.simulate(ages, 0, 2);
            double[] f = cohort.frequency();
            double[] r = cohort.recency();
            for (int i = 0; i < customers; i++) {
                r[i] = f[i] == 0 ? 0 : Math.max(1, Math.round(r[i] * 7)) / 7.0;
            }
            data = BtydData.of(f, r, ages);
        }
    }

    /** Ten million customer histories to score. */
    @State(Scope.Benchmark)
    public static class Histories {
        static final int SIZE = 10_000_000;
        double[] x;
        double[] tx;
        double[] age;
        double[] expected;
        double[] alive;

        /** Draws the histories. */
        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(3);
            x = new double[SIZE];
            tx = new double[SIZE];
            age = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                age[i] = (1 + random.nextInt(364)) / 7.0;
                x[i] = random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(20);
                tx[i] = x[i] == 0 ? 0 : (1 + random.nextInt((int) Math.round(age[i] * 7))) / 7.0;
            }
            expected = new double[SIZE];
            alive = new double[SIZE];
        }
    }

    /**
     * Fits BG/NBD to the simulated cohort.
     *
     * @param cohort the data
     * @return the fit
     */
    @Benchmark
    public FitResult<BgNbd> fitBgNbd(Cohort cohort) {
        return BtydFitter.standard().fit(BgNbd.model(), cohort.data);
    }

    /**
     * Scores 10 million customers: expected purchases in the next 39 weeks and P(alive).
     *
     * @param h the histories
     * @return a checksum of the scores
     */
    @Benchmark
    public double predict10Million(Histories h) {
        CDNOW.predict(39, h.x, h.tx, h.age, h.expected, h.alive);
        return h.expected[Histories.SIZE / 2] + h.alive[Histories.SIZE / 3];
    }

    /**
     * Runs each benchmark a few times outside JMH, for a quick smoke check.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        BtydBenchmark b = new BtydBenchmark();
        for (int n : new int[] {2357, 1_000_000}) {
            Cohort c = new Cohort();
            c.customers = n;
            c.setUp();
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                FitResult<BgNbd> fit = b.fitBgNbd(c);
                System.out.printf(Locale.ROOT, "fit n=%d rows=%d: %.1f ms %s%n", n, c.data.size(),
                        (System.nanoTime() - t0) / 1e6, fit);
            }
        }
        Histories h = new Histories();
        h.setUp();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            double s = b.predict10Million(h);
            System.out.printf(Locale.ROOT, "predict 10M: %.1f ms (checksum %s)%n",
                    (System.nanoTime() - t0) / 1e6, s);
        }
    }
}
