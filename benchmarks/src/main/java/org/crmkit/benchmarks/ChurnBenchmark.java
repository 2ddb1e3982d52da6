package org.crmkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.churn.ChurnScorer;
import org.crmkit.scoring.churn.ChurnScores;
import org.crmkit.scoring.churn.LogisticChurnModel;
import org.crmkit.scoring.loyalty.BrandPatternClassifier;
import org.crmkit.scoring.loyalty.BrandPatterns;
import org.crmkit.scoring.loyalty.BrandSequences;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 11's speed targets on 2 cores: churn risk and warning levels for 10 million
 * customers under 1 s ({@link #scoreRisk10Million}); the logistic churn model on 1 million
 * rows x 30 columns under 5 s ({@link #trainLogistic1Million}); brand-loyalty patterns of 10
 * million transactions under 2 s ({@link #loyaltyPatterns10Million}). Inputs: CDNOW-like
 * summaries on a daily grid (60 % without repeat purchase) scored by the CDNOW BG/NBD;
 * standard normal features with a known logistic model; 1 million customers with 10
 * purchases each over 2 to 5 brands.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ChurnBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ChurnBenchmark {

    private static final int CUSTOMERS = 10_000_000;
    private static final int ROWS = 1_000_000;
    private static final int COLUMNS = 30;

    /**
     * Ten million summaries and a scorer. Each benchmark has its own state, so one
     * benchmark's live heap (the brand sequences, the feature matrix) does not add to the
     * collector's marking work in another.
     */
    @State(Scope.Benchmark)
    public static class Summaries {
        String[] ids;
        double[] x;
        double[] tx;
        double[] age;
        ChurnScorer scorer;

        /** Draws the summaries. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom rnd = new SplittableRandom(11);
            ids = new String[CUSTOMERS];
            x = new double[CUSTOMERS];
            tx = new double[CUSTOMERS];
            age = new double[CUSTOMERS];
            for (int i = 0; i < CUSTOMERS; i++) {
                ids[i] = Integer.toString(i);
                age[i] = (1 + rnd.nextInt(272)) / 7.0;
                boolean repeat = rnd.nextInt(10) >= 6;
                tx[i] = repeat ? rnd.nextInt((int) Math.round(age[i] * 7) + 1) / 7.0 : 0;
                x[i] = repeat && tx[i] > 0 ? 1 + rnd.nextInt(20) : 0;
            }
            scorer = ChurnScorer.builder(BgNbd.of(0.243, 4.414, 0.793, 2.426)).window(39).build();
        }
    }

    /** One million rows of 30 standard normal features with a known logistic model. */
    @State(Scope.Benchmark)
    public static class Features {
        double[] features;
        boolean[] labels;

        /** Draws the features and labels. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom rnd = new SplittableRandom(12);
            features = new double[ROWS * COLUMNS];
            labels = new boolean[ROWS];
            for (int i = 0; i < ROWS; i++) {
                double eta = -1;
                for (int j = 0; j < COLUMNS; j++) {
                    double v = rnd.nextGaussian();
                    features[i * COLUMNS + j] = v;
                    eta += (j % 3 == 0 ? 0.5 : j % 3 == 1 ? -0.25 : 0) * v;
                }
                labels[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta));
            }
        }
    }

    /** One million customers with ten purchases each over two to five brands. */
    @State(Scope.Benchmark)
    public static class Brands {
        BrandSequences sequences;

        /** Draws the purchase sequences. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom rnd = new SplittableRandom(13);
            BrandSequences.Builder b = BrandSequences.builder();
            for (int c = 0; c < 1_000_000; c++) {
                String customer = Integer.toString(c);
                int brands = 2 + rnd.nextInt(4);
                for (int k = 0; k < 10; k++) {
                    b.add(customer, 19_000L + k * 7, "B" + rnd.nextInt(brands));
                }
            }
            sequences = b.build();
        }
    }

    /**
     * Churn risk and warning level of ten million customers.
     *
     * @param s the summaries
     * @return the scores
     */
    @Benchmark
    public ChurnScores scoreRisk10Million(Summaries s) {
        return s.scorer.score(s.ids, s.x, s.tx, s.age, null);
    }

    /**
     * The logistic churn model on one million rows of 30 features.
     *
     * @param f the features
     * @return the coefficients
     */
    @Benchmark
    public double[] trainLogistic1Million(Features f) {
        return LogisticChurnModel.builder().lambda(1).build().fitRaw(f.features, COLUMNS, f.labels);
    }

    /**
     * Brand-loyalty patterns of ten million purchases.
     *
     * @param b the purchase sequences
     * @return the patterns
     */
    @Benchmark
    public BrandPatterns loyaltyPatterns10Million(Brands b) {
        return BrandPatternClassifier.defaults().classify(b.sequences);
    }
}
