package org.crmkit.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.CovariateData;
import org.crmkit.scoring.btyd.CovariateDesign;
import org.crmkit.scoring.btyd.CovariateFit;
import org.crmkit.scoring.btyd.CovariateFitter;
import org.crmkit.scoring.btyd.CovariateModel;
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
 * Pareto/NBD with two time-invariant covariates ({@link CovariateFitter}).
 *
 * <p>Speed target (issue 16): fit the Pareto/NBD with two covariates on 100,000 customers in
 * under 5 s. The cohort is drawn in {@code @Setup} from known values (population
 * {@code r = 0.55, alpha0 = 10.5, s = 0.6, beta0 = 11.5}; a binary covariate {@code gender}
 * with probability 1/2 and a standard normal {@code score}; {@code gamma_trans = (0.5, -0.3)},
 * {@code gamma_life = (-0.4, 0.25)}; ages evenly over 26..52 weeks), each customer from the
 * plain Pareto/NBD at its individual parameters. {@code fit} is the whole standard fit: the
 * plain fit that gives the start, the BFGS search over the eight parameters, and the observed
 * information for the standard errors, on {@code Parallelism.defaults()} ({@code parallelism =
 * default}) or one thread ({@code sequential}). With a continuous covariate nearly every
 * customer is a row of its own, so this is the 100,000-row case.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CovariateBenchmark -f 1 -wi 2 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CovariateBenchmark {

    @Param({"100000"})
    public int customers;

    @Param({"default", "sequential"})
    public String parallelism;

    private CovariateData data;
    private CovariateFitter fitter;

    @Setup
    public void setUp() {
        CovariateDesign design = CovariateDesign.builder()
                .categorical("gender", List.of("f", "m"))
                .numeric("score")
                .build();
        CovariateModel truth = CovariateModel.of(CovariateModel.Family.PARETO_NBD,
                new double[] {0.55, 10.5, 0.6, 11.5}, design, new double[] {0.5, -0.3}, new double[] {-0.4, 0.25});
        SplittableRandom random = new SplittableRandom(2026);
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] t = new double[customers];
        double[][] z = new double[customers][];
        for (int i = 0; i < customers; i++) {
            double[] zi = {random.nextBoolean() ? 1 : 0, gaussian(random)};
            double[] age = {26 + 26.0 * i / customers};
            SimulatedCohort one = truth.forCustomer(zi).simulate(age, 0, random.nextLong());
            x[i] = one.frequency()[0];
            tx[i] = one.recency()[0];
            t[i] = age[0];
            z[i] = zi;
        }
        data = CovariateData.of(design, x, tx, t, z);
        fitter = CovariateFitter.standard().withParallelism(
                parallelism.equals("sequential") ? Parallelism.sequential() : Parallelism.defaults());
    }

    /** A standard normal draw (Box-Muller). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Benchmark
    public CovariateFit fit() {
        return fitter.fit(CovariateModel.Family.PARETO_NBD, data);
    }
}
