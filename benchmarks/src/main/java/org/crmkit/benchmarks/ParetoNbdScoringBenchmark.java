package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.ParetoNbd;
import org.crmkit.scoring.btyd.internal.ParetoNbdFormulas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 18, rows 1 and 2: Pareto/NBD bulk scoring of resampled CDNOW rows at the published
 * CDNOW estimates (r 0.553, alpha 10.578, s 0.606, beta 11.669). {@code expected1M}:
 * E[Y(39) | x, t_x, T] for 1 million customers (target 0.1 s); {@code alive10M}: P(alive) for
 * 10 million (target 0.5 s). Baselines in the same run: {@code robustAlive1M}, the route every
 * customer took before (the likelihood's continued fraction, per customer, on one thread),
 * and {@code sequentialAlive1M}, the fast route on one thread.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ParetoNbdScoringBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class ParetoNbdScoringBenchmark {

    private static final double R = 0.553;
    private static final double ALPHA = 10.578;
    private static final double S = 0.606;
    private static final double BETA = 11.669;

    private final ParetoNbd model = ParetoNbd.of(R, ALPHA, S, BETA);
    private CdnowRows million;
    private CdnowRows tenMillion;
    private double[] out1;
    private double[] out10;

    @Setup
    public void setUp() {
        million = CdnowRows.resampled(1_000_000);
        tenMillion = CdnowRows.resampled(10_000_000);
        out1 = new double[1_000_000];
        out10 = new double[10_000_000];
    }

    @Benchmark
    public double[] expected1M() {
        model.conditionalExpectedPurchases(39, million.x, million.tx, million.age, out1);
        return out1;
    }

    @Benchmark
    public double[] alive10M() {
        model.probabilityAlive(tenMillion.x, tenMillion.tx, tenMillion.age, out10);
        return out10;
    }

    @Benchmark
    public double[] sequentialAlive1M() {
        model.probabilityAlive(million.x, million.tx, million.age, out1, Parallelism.sequential());
        return out1;
    }

    @Benchmark
    public double[] robustAlive1M() {
        for (int i = 0; i < out1.length; i++) {
            out1[i] = ParetoNbdFormulas.probabilityAliveRobust(R, ALPHA, S, BETA, million.x[i], million.tx[i],
                    million.age[i]);
        }
        return out1;
    }
}
