package org.crmkit.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.uncertainty.Interval;
import org.crmkit.scoring.uncertainty.ParameterDraws;
import org.crmkit.scoring.uncertainty.ParametricBootstrap;
import org.crmkit.scoring.uncertainty.PredictionIntervals;
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
 * Speed of prediction intervals on the CDNOW sample (2,357 customers, {@link CdnowRows#sample()}).
 *
 * <p>Target (issue 15): a parametric bootstrap of 200 refits of BG/NBD on the CDNOW sample in
 * under 5 s ({@link #bootstrap200}: 200 cohorts simulated from the fit with the sample's ages,
 * each refitted from the estimate, on {@link Parallelism#defaults()}). For comparison,
 * {@link #covarianceTotalInterval}: 200 draws from the fitted covariance and the 90% interval
 * of the total purchases of the next 39 weeks with process simulation (1,000 simulated totals).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BootstrapBenchmark -f 1 -wi 2 -i 5}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class BootstrapBenchmark {

    /** The CDNOW sample and its BG/NBD fit. */
    @State(Scope.Benchmark)
    public static class Sample {
        CdnowRows rows;
        FitResult<BgNbd> fit;
        double[] ages;
        double[] window;

        /** Reads the sample and fits BG/NBD. */
        @Setup(Level.Trial)
        public void setUp() {
            rows = CdnowRows.sample();
            fit = BtydFitter.standard().fit(BgNbd.model(), BtydData.of(rows.x, rows.tx, rows.age));
            if (!fit.converged()) {
                throw new IllegalStateException("the CDNOW fit did not converge: " + fit.convergence());
            }
            ages = Arrays.stream(rows.age).filter(t -> t > 0).toArray();
            window = new double[rows.x.length];
            Arrays.fill(window, 39);
        }
    }

    /**
     * 200 parametric-bootstrap refits of BG/NBD on the CDNOW sample.
     *
     * @param s the sample
     * @return the draws
     */
    @Benchmark
    public ParameterDraws<BgNbd> bootstrap200(Sample s) {
        return ParametricBootstrap.of(BgNbd.model(), s.fit.model(), s.ages).withRefits(200).withSeed(7L).run();
    }

    /**
     * 200 covariance draws and the 90% interval of the next 39 weeks' total purchases with process uncertainty.
     *
     * @param s the sample
     * @return the interval
     */
    @Benchmark
    public Interval covarianceTotalInterval(Sample s) {
        return PredictionIntervals.of(ParameterDraws.fromFit(BgNbd.model(), s.fit, 200, 7L), 0.9)
                .totalPurchases(s.window, s.rows.x, s.rows.tx, s.rows.age, true, 11L);
    }
}
