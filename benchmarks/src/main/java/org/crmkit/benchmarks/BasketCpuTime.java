package org.crmkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.crmkit.scoring.basket.Baskets;
import org.crmkit.scoring.basket.FrequentItemsets;
import org.crmkit.scoring.basket.ItemsetMiner;
import org.crmkit.scoring.basket.QuestGenerator;
import org.crmkit.scoring.basket.RuleMiner;
import org.crmkit.scoring.basket.RuleSet;

/**
 * The work of {@link BasketBenchmark#itemsetsAndRules()} timed by the CPU time of the thread
 * that does it ({@link ThreadMXBean#getCurrentThreadCpuTime()}) beside the wall-clock time: on a
 * shared, overloaded machine the wall-clock figures of JMH measure the queue for a core more
 * than the code, and the thread's CPU time is what the mining itself costs. The same data and
 * settings as the benchmark; the best of several repetitions after warm-up runs.
 *
 * <p>Run: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.BasketCpuTime}
 */
public final class BasketCpuTime {
    private BasketCpuTime() {
    }

    /**
     * Runs the three data sets.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String data : new String[] {"groceries", "t10i4d100k", "t10i4d1m"}) {
            QuestGenerator.Builder g = QuestGenerator.builder().seed(1);
            switch (data) {
                case "groceries" -> g.baskets(10_000).items(170).meanBasketSize(4.4).meanPatternSize(2);
                case "t10i4d100k" -> g.baskets(100_000).items(1_000).meanBasketSize(10).meanPatternSize(4);
                default -> g.baskets(1_000_000).items(1_000).meanBasketSize(10).meanPatternSize(4);
            }
            Baskets baskets = g.build().generate();
            ItemsetMiner itemsets = ItemsetMiner.builder().minSupport(0.001).build();
            RuleMiner rules = RuleMiner.builder().minConfidence(0).build();
            int repetitions = data.equals("t10i4d1m") ? 4 : 10;
            double bestCpu = Double.MAX_VALUE;
            double bestWall = Double.MAX_VALUE;
            FrequentItemsets sets = null;
            RuleSet ruleSet = null;
            for (int r = 0; r < repetitions; r++) {
                long cpu = mx.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                sets = itemsets.mine(baskets);
                ruleSet = rules.collect(sets);
                if (r > 0) {
                    bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - cpu) / 1e6);
                    bestWall = Math.min(bestWall, (System.nanoTime() - wall) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "%-11s %,9d baskets %,11d item occurrences %,7d itemsets %,8d rules:"
                    + " best CPU %8.1f ms, best wall %8.1f ms (heap limit %d MB)%n", data, baskets.size(),
                    baskets.occurrences(), sets.size(), ruleSet.size(), bestCpu, bestWall,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }
}
