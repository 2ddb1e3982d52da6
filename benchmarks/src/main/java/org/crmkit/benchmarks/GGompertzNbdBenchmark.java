package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.GGompertzNbd;
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
 * GGompertz/NBD (Bemmaor and Glady 2012) on the CDNOW sample.
 *
 * <p>Speed target (issue 16): fit GGompertz/NBD on the CDNOW sample (2,357 customers, 39
 * weeks) in under 1 s. {@code fit} is the whole standard fit (the search runs to the
 * b, beta -> 0 boundary, as CLVTools' does, then the boundary test and the covariance);
 * {@code logLikelihood} is one likelihood-and-gradient pass on one thread, the fitter's unit
 * of work; {@code score} computes P(alive) and the 39-week conditional expectation of every
 * customer at the paper's estimates. The rows come from
 * {@code cdnow_customers_summary_with_transactions.csv} in {@code crm.data.dir} (default
 * {@code ../shared/data}) or, where that is absent, a simulated stand-in of the same shape
 * (see {@code CdnowRows}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GGompertzNbdBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GGompertzNbdBenchmark {

    private BtydData data;
    private CdnowRows rows;
    private double[] expected;
    private double[] alive;
    private final double[] gradient = new double[5];
    /** Bemmaor and Glady (2012), Table 2, p. 1018 (as quoted by CLVTools' tests). */
    private final double[] paper = {0.553, 10.578, 0.0002, 0.603, 0.0026};

    @Setup
    public void setUp() {
        rows = CdnowRows.sample();
        data = BtydData.of(rows.x, rows.tx, rows.age);
        expected = new double[rows.x.length];
        alive = new double[rows.x.length];
    }

    @Benchmark
    public FitResult<GGompertzNbd> fit() {
        return BtydFitter.standard().fit(GGompertzNbd.model(), data);
    }

    @Benchmark
    public double logLikelihood() {
        return GGompertzNbd.model().logLikelihood(paper, data, gradient, Parallelism.sequential());
    }

    @Benchmark
    public double[] score() {
        GGompertzNbd.of(paper[0], paper[1], paper[2], paper[3], paper[4])
                .predict(39, rows.x, rows.tx, rows.age, expected, alive);
        return expected;
    }
}
