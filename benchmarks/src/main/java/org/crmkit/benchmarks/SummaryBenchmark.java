package org.crmkit.benchmarks;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.summary.Summarizer;
import org.crmkit.scoring.summary.TransactionLog;
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
 * Customer summaries from an in-memory transaction log: target at least 10 million
 * transactions per second (10M transactions of 1M customers in at most 1 s).
 *
 * <p>{@code order} RANDOM shuffles customers across the log (the worst case for the
 * counting sort's scatter); GROUPED lists each customer's transactions together, as
 * exports usually do. Throughput in transactions/s = transactions / (ms/op / 1000).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SummaryBenchmark -f 1 -wi 2 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class SummaryBenchmark {
    /** Layout of the log. */
    public enum Order { RANDOM, GROUPED }

    @Param({"10000000"})
    int transactions;

    @Param({"1000000"})
    int customers;

    @Param({"RANDOM", "GROUPED"})
    Order order;

    private TransactionLog log;
    private Summarizer summarizer;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        String[] ids = new String[customers];
        for (int c = 0; c < customers; c++) {
            ids[c] = "C" + c;
        }
        int[] customer = new int[transactions];
        int[] day = new int[transactions];
        double[] amount = new double[transactions];
        int start = (int) LocalDate.of(2020, 1, 1).toEpochDay();
        for (int i = 0; i < transactions; i++) {
            customer[i] = order == Order.RANDOM ? rnd.nextInt(customers)
                    : (int) ((long) i * customers / transactions);
            day[i] = start + rnd.nextInt(730);
            amount[i] = rnd.nextInt(10) == 0 ? -rnd.nextInt(2000) / 100.0 : rnd.nextInt(20000) / 100.0;
        }
        log = TransactionLog.of(ids, customer, day, amount);
        summarizer = Summarizer.builder()
                .timeUnit(org.crmkit.scoring.summary.TimeUnit.WEEKS)
                .calibrationEnd(LocalDate.of(2021, 6, 30))
                .build();
    }

    @Benchmark
    public CustomerSummaries summarize() {
        return summarizer.summarize(log);
    }
}
