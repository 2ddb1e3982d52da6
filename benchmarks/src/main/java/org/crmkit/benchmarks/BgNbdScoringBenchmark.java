package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgNbd;
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
 * Issue 18, rows 3 and 4: BG/NBD bulk scoring of 10 million resampled CDNOW rows at the
 * published estimates (r 0.243, alpha 4.414, a 0.793, b 2.426). {@code alive10M}: P(alive)
 * (target 0.1 s); {@code predict10M}: E[Y(39) | x, t_x, T] and P(alive) in one pass (target
 * 0.25 s). {@code memoryLimit10M} is the memory-traffic floor in the same run: the same
 * {@link Parallelism}, reading the three columns and writing one, with one multiply-add per
 * customer (about 320 MB); {@code sequentialAlive10M} is P(alive) on one thread.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BgNbdScoringBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class BgNbdScoringBenchmark {

    private final BgNbd model = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    private CdnowRows rows;
    private double[] alive;
    private double[] expected;

    @Setup
    public void setUp() {
        rows = CdnowRows.resampled(10_000_000);
        alive = new double[rows.x.length];
        expected = new double[rows.x.length];
    }

    @Benchmark
    public double[] alive10M() {
        model.probabilityAlive(rows.x, rows.tx, rows.age, alive);
        return alive;
    }

    @Benchmark
    public double[] sequentialAlive10M() {
        model.probabilityAlive(rows.x, rows.tx, rows.age, alive, Parallelism.sequential());
        return alive;
    }

    @Benchmark
    public double[] predict10M() {
        model.predict(39, rows.x, rows.tx, rows.age, expected, alive);
        return alive;
    }

    @Benchmark
    public double[] memoryLimit10M() {
        double[] x = rows.x;
        double[] tx = rows.tx;
        double[] t = rows.age;
        double[] out = alive;
        Parallelism.defaults().forEachChunk(x.length, 1 << 18, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = x[i] + tx[i] * t[i];
            }
        });
        return out;
    }
}
