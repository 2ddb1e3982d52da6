package org.crmkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.ParetoNbd;
import org.crmkit.scoring.btyd.SimulatedCohort;
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
 * Fitting and scoring with Pareto/NBD and BG/BB.
 *
 * <p>Speed target (issue 4): fit Pareto/NBD on the CDNOW sample (2,357 customers, 39
 * weeks) in under 200 ms: {@code fitParetoNbd} with {@code customers=2357} draws a cohort
 * of that size and shape from the published CDNOW estimates (first purchases spread over
 * 12 weeks, times rounded to days like the real summary), so the number of distinct rows
 * is comparable. {@code fitBgBb} fits a donations-sized BG/BB cohort (11,104 donors, 6
 * opportunities); {@code paretoNbdLogLikelihood} is one likelihood-and-gradient pass, the
 * fitter's unit of work; {@code paretoNbdScore} computes P(alive) and the conditional
 * expectation for every customer.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ParetoNbdBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParetoNbdBenchmark {

    @Param({"2357", "100000"})
    int customers;

    private BtydData paretoData;
    private BtydData bgBbData;
    private double[] x;
    private double[] tx;
    private double[] age;
    private double[] out;
    private final double[] gradient = new double[4];
    private final double[] cdnow = {0.553, 10.578, 0.606, 11.669};

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(2357);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            ages[i] = 39 - random.nextInt(84) / 7.0;
        }
        SimulatedCohort cohort = ParetoNbd.of(cdnow[0], cdnow[1], cdnow[2], cdnow[3]).simulate(ages, 0, 1997);
        x = cohort.frequency();
        tx = cohort.recency();
        age = cohort.age();
        for (int i = 0; i < customers; i++) {
            // to whole days, as in the published summary; a purchase stays after time 0
            tx[i] = x[i] == 0 ? 0 : Math.min(age[i], Math.max(1, Math.round(tx[i] * 7)) / 7.0);
        }
        paretoData = BtydData.of(x, tx, age);
        out = new double[customers];
        double[] opportunities = new double[Math.min(customers, 11_104)];
        java.util.Arrays.fill(opportunities, 6);
        bgBbData = BgBb.of(1.204, 0.750, 0.657, 2.783).simulate(opportunities, 0, 1995).calibration();
    }

    @Benchmark
    public FitResult<ParetoNbd> fitParetoNbd() {
        return BtydFitter.standard().fit(ParetoNbd.model(), paretoData);
    }

    @Benchmark
    public FitResult<BgBb> fitBgBb() {
        return BtydFitter.standard().fit(BgBb.model(), bgBbData);
    }

    @Benchmark
    public double paretoNbdLogLikelihood() {
        return ParetoNbd.model().logLikelihood(cdnow, paretoData, gradient) + gradient[0];
    }

    @Benchmark
    public double[] paretoNbdScore() {
        ParetoNbd model = ParetoNbd.of(cdnow[0], cdnow[1], cdnow[2], cdnow[3]);
        model.probabilityAlive(x, tx, age, out);
        model.conditionalExpectedPurchases(39, x, tx, age, out);
        return out;
    }
}
