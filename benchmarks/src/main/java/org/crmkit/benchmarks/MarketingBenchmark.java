package org.crmkit.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.scoring.campaign.ArmComparison;
import org.crmkit.scoring.campaign.ArmOutcome;
import org.crmkit.scoring.campaign.UpliftEvaluation;
import org.crmkit.scoring.satisfaction.NetPromoterScore;
import org.crmkit.scoring.service.ServiceCase;
import org.crmkit.scoring.service.ServiceStatistics;
import org.crmkit.scoring.service.ServiceSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Speed of the marketing and service statistics over many activities.
 *
 * <p>Target (issue 14): every statistic over 10 million activities in under 1 s on 2
 * cores: NPS of 10 million answers ({@link #nps}), a campaign arm against its control over
 * 10 million customers ({@link #campaignArms}), the uplift deciles and Qini curve of 10
 * million scored customers ({@link #uplift}), and complaint statistics by category of 10
 * million cases ({@link #serviceStatistics}). Inputs are simulated, seeded.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MarketingBenchmark -f 1 -wi 2 -i 3}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class MarketingBenchmark {

    /** Simulated activities. */
    @State(Scope.Benchmark)
    public static class Data {
        /** Number of activities. */
        @Param({"1000000", "10000000"})
        public int size;

        int[] answers;
        boolean[] responded;
        boolean[] treated;
        double[] value;
        double[] score;
        List<ServiceCase> cases;
        Instant asOf;

        /** Simulates the inputs. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom r = new SplittableRandom(14);
            answers = new int[size];
            responded = new boolean[size];
            treated = new boolean[size];
            value = new double[size];
            score = new double[size];
            for (int i = 0; i < size; i++) {
                answers[i] = r.nextInt(11);
                treated[i] = r.nextDouble() < 0.8;
                score[i] = r.nextDouble();
                responded[i] = r.nextDouble() < (treated[i] ? 0.05 + 0.1 * score[i] : 0.05);
                value[i] = responded[i] ? 20 + 80 * r.nextDouble() : 0;
            }
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            asOf = t0.plus(Duration.ofDays(365));
            String[] categories = {"delivery", "billing", "product", "staff"};
            Channel[] channels = Channel.values();
            cases = new ArrayList<>(size);
            CustomerId c = CustomerId.of("C-1");
            for (int i = 0; i < size; i++) {
                Instant opened = t0.plus(Duration.ofMinutes(r.nextLong(365L * 24 * 60)));
                double u = r.nextDouble();
                Instant closed = opened.plus(Duration.ofMinutes(1 + r.nextLong(10 * 24 * 60)));
                boolean open = u < 0.05 || closed.isAfter(asOf);
                ServiceCase.Outcome outcome = open ? ServiceCase.Outcome.OPEN
                        : u < 0.15 ? ServiceCase.Outcome.REJECTED : ServiceCase.Outcome.RESOLVED;
                cases.add(new ServiceCase(c, opened, channels[i % channels.length], categories[i & 3], outcome,
                        open ? Optional.empty() : Optional.of(closed), u > 0.9 ? 1 : 0,
                        outcome == ServiceCase.Outcome.RESOLVED && u < 0.5));
            }
        }
    }

    /**
     * NPS of all answers.
     *
     * @param d the data
     * @return the score
     */
    @Benchmark
    public NetPromoterScore nps(Data d) {
        return NetPromoterScore.ofAnswers(d.answers);
    }

    /**
     * Targets against control: tally both arms and compare.
     *
     * @param d the data
     * @return the comparison
     */
    @Benchmark
    public ArmComparison campaignArms(Data d) {
        ArmOutcome.Accumulator t = ArmOutcome.accumulator();
        ArmOutcome.Accumulator c = ArmOutcome.accumulator();
        for (int i = 0; i < d.size; i++) {
            (d.treated[i] ? t : c).add(d.responded[i], d.value[i]);
        }
        return ArmComparison.of(t.snapshot(), c.snapshot(), 0.95);
    }

    /**
     * Uplift deciles, Qini curve and coefficient.
     *
     * @param d the data
     * @return the Qini coefficient
     */
    @Benchmark
    public double uplift(Data d) {
        double[] outcome = new double[d.size];
        for (int i = 0; i < d.size; i++) {
            outcome[i] = d.responded[i] ? 1 : 0;
        }
        return UpliftEvaluation.of(d.score, d.treated, outcome, 10).qiniCoefficient();
    }

    /**
     * Complaint statistics by category: counts, shares, resolution-time and open-age
     * distributions.
     *
     * @param d the data
     * @return the summaries
     */
    @Benchmark
    public SortedMap<String, ServiceSummary> serviceStatistics(Data d) {
        return ServiceStatistics.asOf(d.asOf, Duration.ofHours(72)).summarize(d.cases, ServiceCase.byCategory());
    }
}
