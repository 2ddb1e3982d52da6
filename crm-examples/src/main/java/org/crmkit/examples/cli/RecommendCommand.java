package org.crmkit.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvField;
import org.crmkit.scoring.basket.AssociationRule;
import org.crmkit.scoring.basket.BasketCsv;
import org.crmkit.scoring.basket.NextBestProduct;
import org.crmkit.scoring.basket.Ranking;
import org.crmkit.scoring.basket.Recommendation;
import org.crmkit.scoring.basket.RuleCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm recommend}: the next best products for every customer of a transactions CSV,
 * from the rules {@code crm rules} wrote: the top-k items each customer does not own yet,
 * ranked by the rules that fire on what they own, each with the rule behind it.
 *
 * <pre>{@code
 * crm recommend --rules rules.csv --transactions sales.csv --customer-col customer \
 *     --item-col product --top 3 --out recommendations.csv
 * }</pre>
 *
 * <p>Writes {@code customer_id,rank,item,score,confidence,lift,lhs,rhs}, customers in order
 * of first appearance; a customer for whom no rule fires has no line. Counts go to stderr.
 * Bad input exits with code 2 and one line on stderr naming file, line and field.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend the next best products from association rules.")
public final class RecommendCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", required = true, paramLabel = "RULES.csv", description = "rules from crm rules")
    private Path rules;

    @Option(names = "--transactions", required = true, paramLabel = "FILE",
            description = "transactions CSV: what each customer owns")
    private Path transactions;

    @Mixin
    private CsvInputOptions csv;

    @Option(names = "--customer-col", required = true, paramLabel = "C", description = "customer id column")
    private String customerCol;

    @Option(names = "--item-col", required = true, paramLabel = "I", description = "item column")
    private String itemCol;

    @Option(names = "--top", defaultValue = "3", paramLabel = "K", description = "offers per customer (default 3)")
    private int top;

    @Option(names = "--ranking", defaultValue = "confidence", paramLabel = "R",
            description = "confidence (default) or lift")
    private String ranking;

    @Option(names = "--out", required = true, paramLabel = "RECOMMENDATIONS.csv",
            description = "output CSV, - for stdout")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        Ranking rank = switch (ranking.toLowerCase(Locale.ROOT)) {
            case "confidence" -> Ranking.CONFIDENCE;
            case "lift" -> Ranking.LIFT;
            default -> throw new IllegalArgumentException("--ranking must be confidence or lift, got '"
                    + ranking + "'");
        };
        List<AssociationRule> ruleList = RuleCsv.read(rules);
        Map<String, Set<String>> owned = BasketCsv.builder()
                .options(csv.options())
                .customerColumn(customerCol).itemColumn(itemCol).build()
                .readItemsByCustomer(transactions);
        NextBestProduct nbp = NextBestProduct.builder(ruleList).ranking(rank).build();
        long[] written = new long[2];
        AtomicOutput.write(spec, out, w -> {
            w.write("customer_id,rank,item,score,confidence,lift,lhs,rhs\n");
            StringBuilder sb = new StringBuilder(128);
            for (Map.Entry<String, Set<String>> e : owned.entrySet()) {
                List<Recommendation> offers = nbp.recommend(e.getValue(), top);
                if (!offers.isEmpty()) {
                    written[0]++;
                }
                for (int i = 0; i < offers.size(); i++) {
                    Recommendation r = offers.get(i);
                    sb.setLength(0);
                    CsvField.append(sb, e.getKey()).append(',').append(i + 1).append(',');
                    CsvField.append(sb, r.item()).append(',').append(RuleCsv.number(r.score())).append(',')
                            .append(RuleCsv.number(r.rule().confidence())).append(',')
                            .append(RuleCsv.number(r.rule().lift())).append(',');
                    if (!r.rule().lhs().isEmpty()) {
                        CsvField.append(sb, RuleCsv.join(r.rule().lhs()));
                    }
                    sb.append(',');
                    CsvField.append(sb, RuleCsv.join(r.rule().rhs())).append('\n');
                    w.write(sb.toString());
                    written[1]++;
                }
            }
        });
        spec.commandLine().getErr().printf(Locale.ROOT, "%d customers, %d rules, %d customers with offers, %d offers%n",
                owned.size(), ruleList.size(), written[0], written[1]);
        return 0;
    }
}
