package org.crmkit.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.lifecycle.Lifecycle;
import org.crmkit.core.lifecycle.LifecycleRecord;
import org.crmkit.core.lifecycle.LifecycleTracker;
import org.crmkit.core.lifecycle.Outcome;
import org.crmkit.core.lifecycle.Signals;
import org.crmkit.core.lifecycle.StandardLifecycles;
import org.crmkit.core.lifecycle.TimeSignals;
import org.crmkit.core.lifecycle.Trigger;
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
 * Speed of the lifecycle engine (issue 6): guarded transitions per second on one core (target at
 * least 5 million per second) and {@code advance} over a million customers (target under 1 s).
 *
 * <ul>
 *   <li>{@code fireGuarded}: decide + append on one in-memory record of a three-state guarded
 *       cycle, each move recorded in the history (records restart every 4,096 moves so that
 *       memory stays bounded).</li>
 *   <li>{@code fireGuardedTracked}: the same through {@link LifecycleTracker#fire}, i.e. with
 *       the map lookup and the compare-and-set of optimistic versioning.</li>
 *   <li>{@code advanceMillion}: one {@link LifecycleTracker#advance} over {@code customers}
 *       subjects of the relationship lifecycle with its standard policy; single shot on a fresh
 *       population per iteration; {@code lapsedShare} of them have not bought for 180 to 400 days
 *       and most of those move (0.1 is a realistic daily run, 1.0 the worst case).</li>
 * </ul>
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar LifecycleBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LifecycleBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int RESTART_AFTER = 4096;

    private Lifecycle<int[], Void> cycle;
    private final int[] subject = {1};
    private Trigger next;
    private LifecycleRecord record;
    private LifecycleTracker<Integer, int[], Void> tracked;

    /** Builds the guarded cycle and the tracker with one subject. */
    @Setup(Level.Trial)
    public void setUpCycle() {
        cycle = Lifecycle.<int[], Void>builder("cycle").initial("a").state("b", "c")
                .transition("a", "next", "b", "positive")
                .transition("b", "next", "c", "positive")
                .transition("c", "next", "a", "positive")
                .guard("positive", (s, c) -> s[0] > 0)
                .build();
        next = Trigger.of("next", T0);
        record = cycle.start(T0);
        tracked = LifecycleTracker.builder(cycle).build();
        tracked.enrol(0, T0);
    }

    /** A population of customers in the relationship lifecycle, fresh for each iteration. */
    @State(Scope.Benchmark)
    public static class Population {
        /** Number of customers given to {@code advance}. */
        @Param({"1000000"})
        public int customers;

        /** Share of customers whose last purchase is 180 to 400 days old (most of them move). */
        @Param({"0.1", "1.0"})
        public double lapsedShare;

        LifecycleTracker<Integer, Integer, Void> tracker;
        TimeSignals<Integer> signals;
        Instant asOf;

        /** Enrols a fresh population with random recency and repeat counts. */
        @Setup(Level.Iteration)
        public void setUp() {
        Random random = new Random(42);
        Lifecycle<Integer, Void> relationship = StandardLifecycles.relationship();
        tracker = LifecycleTracker.builder(relationship)
                .policy(StandardLifecycles.relationshipPolicy()).build();
        int[] days = new int[customers];
        int[] reps = new int[customers];
        String[] start = {"exploration", "development", "maturity", "decline"};
        for (int i = 0; i < customers; i++) {
            boolean lapsed = random.nextDouble() < lapsedShare;
            // active customers: recent purchase and repeat counts that keep them in their stage
            days[i] = lapsed ? 180 + random.nextInt(220) : 30 + random.nextInt(120);
            reps[i] = (i & 3) == 0 ? 0 : (i & 3) == 1 ? 1 + random.nextInt(3) : 5;
            tracker.enrol(i, relationship.start(relationship.state(start[i & 3]), T0));
        }
        signals = (k, at) -> Signals.builder()
                .number(StandardLifecycles.DAYS_SINCE_LAST_PURCHASE, days[k])
                .number(StandardLifecycles.REPEAT_PURCHASES, reps[k])
                .build();
        asOf = T0.plus(Duration.ofDays(400));
        System.gc(); // promote the population now, so that its copying is not charged to advance
        }
    }

    /**
     * One guarded transition decided and appended to the history.
     *
     * @return the new record
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public LifecycleRecord fireGuarded() {
        LifecycleRecord r = record.version() >= RESTART_AFTER ? cycle.start(T0) : record;
        Outcome o = cycle.decide(r, subject, null, next);
        record = r.append((Outcome.Moved) o);
        return record;
    }

    /**
     * One guarded transition through the tracker (lookup, decide, compare-and-set).
     *
     * @return the outcome
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Outcome fireGuardedTracked() {
        if (tracked.record(0).orElseThrow().version() >= RESTART_AFTER) {
            tracked = LifecycleTracker.builder(cycle).build();
            tracked.enrol(0, T0);
        }
        return tracked.fire(0, subject, null, next);
    }

    /**
     * One advance over the whole population.
     *
     * @param population the population, fresh for each iteration
     * @return the report
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public LifecycleTracker.AdvanceReport<Integer> advanceMillion(Population population) {
        return population.tracker.advance(population.asOf, k -> k, population.signals, null);
    }
}
