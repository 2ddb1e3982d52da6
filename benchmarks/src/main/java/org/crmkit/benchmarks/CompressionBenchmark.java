package org.crmkit.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.SimulatedCohort;
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
 * Issue 18, rows 6 and 7, on 1 million distinct rows from a BG/NBD simulation (CDNOW
 * estimates, ages uniform in (1, 78) weeks, continuous times, so no two rows agree):
 * {@code compress1M}, summary rows into weighted patterns ({@link BtydData#of}, target
 * 0.2 s), against {@code boxedBaseline1M}, the former boxed-key hash map, in the same run;
 * {@code fitBgNbd1M}, a BG/NBD fit on those rows (target 1 s), and
 * {@code fitBgNbdSequential1M} on one thread.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CompressionBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class CompressionBenchmark {

    private double[] x;
    private double[] tx;
    private double[] age;
    private BtydData data;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(18);
        int n = 1_000_000;
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 1 + 77 * random.nextDouble();
        }
        SimulatedCohort c = BgNbd.of(0.243, 4.414, 0.793, 2.426).simulate(ages, 0, 2005);
        x = c.frequency();
        tx = c.recency();
        age = c.age();
        data = BtydData.of(x, tx, age);
    }

    @Benchmark
    public BtydData compress1M() {
        return BtydData.of(x, tx, age);
    }

    private record Row(double x, double tx, double t, double m) { }

    @Benchmark
    public int boxedBaseline1M() {
        Map<Row, Integer> index = new HashMap<>();
        double[] w = new double[x.length];
        int unique = 0;
        for (int i = 0; i < x.length; i++) {
            Integer k = index.putIfAbsent(new Row(x[i], tx[i] + 0.0, age[i], 0.0), unique);
            if (k == null) {
                w[unique++] = 1;
            } else {
                w[k]++;
            }
        }
        return unique;
    }

    @Benchmark
    public FitResult<BgNbd> fitBgNbd1M() {
        return BtydFitter.standard().fit(BgNbd.model(), data);
    }

    @Benchmark
    public FitResult<BgNbd> fitBgNbdSequential1M() {
        return BtydFitter.standard().withParallelism(Parallelism.sequential()).fit(BgNbd.model(), data);
    }
}
