package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crmkit.scoring.basket.Baskets;
import org.crmkit.scoring.basket.FrequentItemsets;
import org.crmkit.scoring.basket.ItemsetCsv;
import org.crmkit.scoring.basket.ItemsetMiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm itemsets}: the frequent itemsets of a basket file (or transactions CSV), as R
 * arules finds them, written as {@code items,support,count,size} (items sorted and joined by
 * {@code |}), by support descending.
 *
 * <pre>{@code
 * crm itemsets --baskets groceries.csv --min-support 0.001 --max-len 4 --out itemsets.csv
 * }</pre>
 *
 * <p>The numbers of baskets, items and itemsets go to stderr. Bad input exits with code 2 and
 * one line on stderr naming file, line and field.
 */
@Command(name = "itemsets", mixinStandardHelpOptions = true,
        description = "Find the frequent itemsets of market baskets.")
public final class ItemsetsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private BasketInputOptions input;

    @Option(names = "--min-support", required = true, paramLabel = "S",
            description = "minimum support, a fraction of baskets in (0, 1]; minimum count ceil(n x S)")
    private double minSupport;

    @Option(names = "--max-len", defaultValue = "10", paramLabel = "K",
            description = "largest itemset, 1 to 30 items (default 10)")
    private int maxLen;

    @Option(names = "--closed", description = "write only closed itemsets")
    private boolean closed;

    @Option(names = "--maximal", description = "write only maximal itemsets")
    private boolean maximal;

    @Option(names = "--out", required = true, paramLabel = "ITEMSETS.csv", description = "output CSV, - for stdout")
    private Path out;

    @Override
    public Integer call() throws IOException {
        ItemsetMiner miner = ItemsetMiner.builder().minSupport(minSupport).maxLen(maxLen).build();
        if (closed && maximal) {
            throw new IllegalArgumentException("give --closed or --maximal, not both");
        }
        Baskets baskets = input.read(spec);
        FrequentItemsets sets = miner.mine(baskets);
        FrequentItemsets written = closed ? sets.closed() : maximal ? sets.maximal() : sets;
        AtomicOutput.write(spec, out, w -> ItemsetCsv.write(w, written));
        spec.commandLine().getErr().printf(Locale.ROOT, "%d baskets, %d items, %d %sitemsets (minimum count %d)%n",
                baskets.size(), baskets.itemCount(), written.size(),
                closed ? "closed " : maximal ? "maximal " : "", sets.minCount());
        return 0;
    }
}
