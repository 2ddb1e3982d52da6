package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crmkit.scoring.basket.Baskets;
import org.crmkit.scoring.basket.FrequentItemsets;
import org.crmkit.scoring.basket.ItemsetMiner;
import org.crmkit.scoring.basket.RuleCsv;
import org.crmkit.scoring.basket.RuleMiner;
import org.crmkit.scoring.basket.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm rules}: association rules of a basket file or a transactions CSV, with R arules
 * semantics, written as {@code lhs,rhs,support,confidence,lift,leverage,conviction,count}
 * (items joined by {@code |}, an empty lhs for {@code {}}, {@code inf} for an unbounded
 * conviction), sorted by lift, then support, descending.
 *
 * <pre>{@code
 * crm rules --baskets groceries.csv --min-support 0.001 --min-confidence 0.5 --out rules.csv
 * crm rules --transactions sales.csv --customer-col customer --date-col date --item-col product \
 *     --min-support 0.01 --min-confidence 0.3 --min-len 2 --no-redundant --out rules.csv
 * }</pre>
 *
 * <p>The rules are held compactly (two ints each, beside the itemsets) to be sorted. The
 * numbers of baskets, items and rules go to stderr. Bad input exits with code 2 and one line
 * on stderr naming file, line and field.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Find association rules in market baskets.")
public final class RulesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private BasketInputOptions input;

    @Option(names = "--min-support", required = true, paramLabel = "S",
            description = "minimum support of lhs and rhs together, in (0, 1]")
    private double minSupport;

    @Option(names = "--min-confidence", required = true, paramLabel = "C",
            description = "minimum confidence, in [0, 1]")
    private double minConfidence;

    @Option(names = "--min-len", defaultValue = "1", paramLabel = "K",
            description = "fewest items in a rule, lhs and rhs together (default 1: {} => {item} rules appear)")
    private int minLen;

    @Option(names = "--max-len", defaultValue = "10", paramLabel = "K",
            description = "most items in a rule, lhs and rhs together (default 10)")
    private int maxLen;

    @Option(names = "--max-rhs", defaultValue = "1", paramLabel = "K",
            description = "most items on the right-hand side (default 1)")
    private int maxRhs;

    @Option(names = "--rhs", paramLabel = "ITEM", split = ",",
            description = "keep rules whose rhs items are all among these")
    private List<String> rhs;

    @Option(names = "--lhs", paramLabel = "ITEM", split = ",",
            description = "keep rules whose lhs holds one of these")
    private List<String> lhs;

    @Option(names = "--no-redundant",
            description = "drop redundant rules (a more general rule with the same rhs is at least as confident)")
    private boolean noRedundant;

    @Option(names = "--out", required = true, paramLabel = "RULES.csv", description = "output CSV, - for stdout")
    private Path out;

    @Override
    public Integer call() throws IOException {
        ItemsetMiner itemsets = ItemsetMiner.builder().minSupport(minSupport).maxLen(maxLen).build();
        RuleMiner.Builder b = RuleMiner.builder().minConfidence(minConfidence).minLen(minLen).maxLen(maxLen)
                .maxRhsSize(maxRhs);
        if (rhs != null) {
            b.rhsItems(rhs);
        }
        if (lhs != null) {
            b.lhsItems(lhs);
        }
        if (noRedundant) {
            b.removeRedundant();
        }
        RuleMiner miner = b.build();
        Baskets baskets = input.read(spec);
        FrequentItemsets sets = itemsets.mine(baskets);
        RuleSet rules = miner.collect(sets);
        AtomicOutput.write(spec, out, w -> {
            RuleCsv.writeHeader(w);
            for (int i = 0; i < rules.size(); i++) {
                RuleCsv.writeRule(w, rules.get(i));
            }
        });
        spec.commandLine().getErr().printf(Locale.ROOT, "%d baskets, %d items, %d frequent itemsets, %d rules%n",
                baskets.size(), baskets.itemCount(), sets.size(), rules.size());
        return 0;
    }
}
