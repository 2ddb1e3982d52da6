package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.retention.RetentionFit;
import org.crmkit.scoring.retention.RetentionFitter;
import org.crmkit.scoring.retention.RetentionModel;
import org.crmkit.scoring.retention.RetentionModelKind;
import org.crmkit.scoring.retention.SurvivalData;
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
 * Contractual retention (issue 16): maximum-likelihood fits of sBG and BdW to the survival
 * curves of Fader and Hardie (2007), Table 1, years 0..7 ({@code regular}, {@code highEnd}), and
 * to 20 monthly cohorts of 24 down to 5 periods ({@code cohorts}, a deterministic sBG-shaped
 * curve per cohort), each fit including the standard errors; and the DERL of a customer with 3
 * renewals at 1% per period (the sBG hypergeometric series, the BdW bounded sum). Target: sBG fit
 * in under 1 ms.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RetentionBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RetentionBenchmark {
    @Param({"regular", "highEnd", "cohorts"})
    String data;

    private SurvivalData survival;
    private RetentionModel sbg;
    private RetentionModel bdw;

    @Setup
    public void setUp() {
        switch (data) {
            case "regular" -> survival = SurvivalData.ofCurve(1000, 631, 468, 382, 326, 289, 262, 241);
            case "highEnd" -> survival = SurvivalData.ofCurve(1000, 869, 743, 653, 593, 551, 517, 491);
            case "cohorts" -> {
                SurvivalData.Builder b = SurvivalData.builder();
                for (int k = 0; k < 20; k++) {
                    int periods = 24 - k;
                    long[] active = new long[periods + 1];
                    active[0] = 5000 + 100L * k;
                    for (int t = 1; t <= periods; t++) {
                        // S(t) / S(t-1) of sBG(0.7, 3.5) with a little cohort-to-cohort variation
                        double r = (3.5 + 0.02 * k + t - 1) / (4.2 + 0.02 * k + t - 1);
                        active[t] = Math.round(active[t - 1] * r);
                    }
                    b.cohort("m" + k, active);
                }
                survival = b.build();
            }
            default -> throw new IllegalArgumentException(data);
        }
        sbg = RetentionFitter.fit(RetentionModelKind.SBG, survival).model();
        bdw = RetentionFitter.fit(RetentionModelKind.BDW, survival).model();
    }

    /** sBG fit with standard errors (target: under 1 ms). */
    @Benchmark
    public RetentionFit fitSbg() {
        return RetentionFitter.fit(RetentionModelKind.SBG, survival);
    }

    /** BdW fit with standard errors (includes the sBG fit it starts from). */
    @Benchmark
    public RetentionFit fitBdw() {
        return RetentionFitter.fit(RetentionModelKind.BDW, survival);
    }

    /** DERL of sBG, 1% per period, 3 renewals: the 2F1 series. */
    @Benchmark
    public double derlSbg() {
        return sbg.derl(0.01, 3);
    }

    /** DERL of BdW, 1% per period, 3 renewals: the bounded survival sum. */
    @Benchmark
    public double derlBdw() {
        return bdw.derl(0.01, 3);
    }
}
