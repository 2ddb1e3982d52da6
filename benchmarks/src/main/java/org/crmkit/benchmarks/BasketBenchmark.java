package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.crmkit.scoring.basket.Baskets;
import org.crmkit.scoring.basket.FrequentItemsets;
import org.crmkit.scoring.basket.ItemsetMiner;
import org.crmkit.scoring.basket.QuestGenerator;
import org.crmkit.scoring.basket.RuleMiner;
import org.crmkit.scoring.basket.RuleSet;
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
 * Frequent itemsets and association rules (issue 12) on IBM Quest-style synthetic baskets
 * ({@link QuestGenerator}, seed 1, 2,000 patterns), minimum support 0.001, all itemsets up to
 * 10 items and every rule (minimum confidence 0, sorted by lift), under a 1 GB heap. Targets:
 * {@code groceries} (10,000 baskets, 170 items, mean size 4.4, mean pattern size 2) under 50 ms;
 * {@code t10i4d100k} (100,000 baskets of mean size 10 over 1,000 items, mean pattern size 4)
 * under 1 s; {@code t10i4d1m} (the same with 1 million baskets) under 10 s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BasketBenchmark -f 1 -wi 2 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class BasketBenchmark {
    @Param({"groceries", "t10i4d100k", "t10i4d1m"})
    String data;

    private Baskets baskets;
    private ItemsetMiner itemsets;
    private RuleMiner rules;

    @Setup
    public void setUp() {
        QuestGenerator.Builder g = QuestGenerator.builder().seed(1);
        switch (data) {
            case "groceries" -> g.baskets(10_000).items(170).meanBasketSize(4.4).meanPatternSize(2);
            case "t10i4d100k" -> g.baskets(100_000).items(1_000).meanBasketSize(10).meanPatternSize(4);
            case "t10i4d1m" -> g.baskets(1_000_000).items(1_000).meanBasketSize(10).meanPatternSize(4);
            default -> throw new IllegalArgumentException(data);
        }
        baskets = g.build().generate();
        itemsets = ItemsetMiner.builder().minSupport(0.001).build();
        rules = RuleMiner.builder().minConfidence(0).build();
    }

    /** Itemsets only. */
    @Benchmark
    public FrequentItemsets itemsets() {
        return itemsets.mine(baskets);
    }

    /** Itemsets, then every rule collected and sorted by lift. */
    @Benchmark
    public RuleSet itemsetsAndRules() {
        return rules.collect(itemsets.mine(baskets));
    }

    /** Itemsets, then every rule streamed to a counter (nothing held). */
    @Benchmark
    public long itemsetsAndStreamedRules() {
        long[] n = new long[1];
        rules.mine(itemsets.mine(baskets), r -> n[0]++);
        return n[0];
    }
}
