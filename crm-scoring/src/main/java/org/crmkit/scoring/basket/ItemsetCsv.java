package org.crmkit.scoring.basket;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;
import org.crmkit.scoring.summary.SummaryCsv;

/**
 * Writes frequent itemsets as CSV: {@code items,support,count,size}, items sorted and joined
 * by {@code |}, numbers as {@link RuleCsv#number}; rows by support descending, then size,
 * then items.
 *
 * <pre>{@code
 * try (Writer w = Files.newBufferedWriter(path)) {
 *     ItemsetCsv.write(w, itemsets);
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ItemsetCsv {
    private ItemsetCsv() {
    }

    /**
     * Writes the header and every itemset.
     *
     * @param out the output, not null
     * @param itemsets the itemsets, not null
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if an item contains {@code |}
     */
    public static void write(Writer out, FrequentItemsets itemsets) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(itemsets, "itemsets");
        String[] joined = new String[itemsets.size()];
        for (int i = 0; i < joined.length; i++) {
            joined[i] = RuleCsv.join(itemsets.get(i).items());
        }
        int[] order = IntStream.range(0, joined.length).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> -itemsets.countOf(i))
                        .thenComparingInt(itemsets::sizeOf)
                        .thenComparing(i -> joined[i]))
                .mapToInt(Integer::intValue).toArray();
        out.write("items,support,count,size\n");
        StringBuilder sb = new StringBuilder(64);
        double n = itemsets.baskets();
        for (int i : order) {
            sb.setLength(0);
            SummaryCsv.appendField(sb, joined[i]).append(',')
                    .append(RuleCsv.number(itemsets.countOf(i) / n)).append(',')
                    .append(itemsets.countOf(i)).append(',').append(itemsets.sizeOf(i)).append('\n');
            out.write(sb.toString());
        }
    }
}
