package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.GGompertzNbd;
import org.crmkit.scoring.btyd.GammaGamma;
import org.crmkit.scoring.btyd.ParetoNbd;
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
 * Issue 18, row 5: lifetime value of the 2,357 CDNOW customers over 12 months (52 weeks, the
 * summary's unit), BG/NBD (r 0.243, alpha 4.414, a 0.793, b 2.426) times Gamma-Gamma spend (p
 * 6.25, q 3.74, v 15.44), discounted at 0.0019 a week (about 10% a year); target 1 ms.
 * {@code clv2357} is the bulk call; {@code perPeriodBaseline2357} is the former method, one
 * conditional expectation per customer and week, in the same run. {@code paretoNbd2357} and
 * {@code gGompertzNbd2357} are the same call for Pareto/NBD (r 0.553, alpha 10.578, s 0.606,
 * beta 11.669) and GGompertz/NBD (r 0.553, alpha 10.578, b 0.05, s 0.606, beta 0.8): one
 * P(alive) per customer and one discounted sum per distinct age.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ClvBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ClvBenchmark {

    private static final int WEEKS = 52;
    private static final double RATE = 0.0019;
    private final BgNbd purchases = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    private final ParetoNbd pareto = ParetoNbd.of(0.553, 10.578, 0.606, 11.669);
    private final GGompertzNbd gompertz = GGompertzNbd.of(0.553, 10.578, 0.05, 0.606, 0.8);
    private final GammaGamma spend = GammaGamma.of(6.25, 3.74, 15.44);
    private CdnowRows rows;
    private double[] discounted;
    private double[] clv;

    @Setup
    public void setUp() {
        rows = CdnowRows.sample();
        discounted = new double[rows.x.length];
        clv = new double[rows.x.length];
    }

    @Benchmark
    public double[] clv2357() {
        purchases.discountedExpectedPurchases(WEEKS, RATE, rows.x, rows.tx, rows.age, discounted,
                Parallelism.defaults());
        for (int i = 0; i < clv.length; i++) {
            clv[i] = discounted[i] == 0 ? 0 : discounted[i] * spend.conditionalExpectedSpend(rows.x[i], rows.monetary[i]);
        }
        return clv;
    }

    @Benchmark
    public double[] paretoNbd2357() {
        pareto.discountedExpectedPurchases(WEEKS, RATE, rows.x, rows.tx, rows.age, discounted, Parallelism.defaults());
        for (int i = 0; i < clv.length; i++) {
            clv[i] = discounted[i] == 0 ? 0 : discounted[i] * spend.conditionalExpectedSpend(rows.x[i], rows.monetary[i]);
        }
        return clv;
    }

    @Benchmark
    public double[] gGompertzNbd2357() {
        gompertz.discountedExpectedPurchases(WEEKS, RATE, rows.x, rows.tx, rows.age, discounted,
                Parallelism.defaults());
        for (int i = 0; i < clv.length; i++) {
            clv[i] = discounted[i] == 0 ? 0 : discounted[i] * spend.conditionalExpectedSpend(rows.x[i], rows.monetary[i]);
        }
        return clv;
    }

    @Benchmark
    public double[] perPeriodBaseline2357() {
        for (int i = 0; i < clv.length; i++) {
            double total = 0;
            double previous = 0;
            double factor = 1;
            for (int k = 1; k <= WEEKS; k++) {
                double c = purchases.conditionalExpectedPurchases(k, rows.x[i], rows.tx[i], rows.age[i]);
                factor /= 1 + RATE;
                total += (c - previous) * factor;
                previous = c;
            }
            clv[i] = total == 0 ? 0 : total * spend.conditionalExpectedSpend(rows.x[i], rows.monetary[i]);
        }
        return clv;
    }
}
