package org.crmkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmScores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RFM quantile scores (R, F, M and the weighted score) for 10 million customers: target
 * under 2 s per run. Inputs mimic summaries: weeks since last purchase on a 1/7 grid,
 * 60 % one-time buyers (frequency 0, monetary 0), log-normal spend.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RfmBenchmark -f 1 -wi 2 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class RfmBenchmark {
    @Param({"10000000"})
    int customers;

    private double[] sinceLast;
    private double[] frequency;
    private double[] monetary;
    private RfmScorer scorer;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        sinceLast = new double[customers];
        frequency = new double[customers];
        monetary = new double[customers];
        for (int i = 0; i < customers; i++) {
            sinceLast[i] = rnd.nextInt(78 * 7) / 7.0;
            boolean repeat = rnd.nextInt(10) >= 6;
            frequency[i] = repeat ? 1 + rnd.nextInt(30) : 0;
            monetary[i] = repeat ? Math.exp(3 + rnd.nextGaussian()) : 0;
        }
        scorer = RfmScorer.builder().bins(5).build();
    }

    @Benchmark
    public RfmScores score() {
        return scorer.score(sinceLast, frequency, monetary);
    }
}
