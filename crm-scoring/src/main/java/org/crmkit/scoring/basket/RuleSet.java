package org.crmkit.scoring.basket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Association rules held compactly and sorted as R arules users sort them: by lift, then
 * support, then confidence, descending; then by the name of the (first) rhs item, then by
 * the order of discovery. Each rule is kept as its itemset's index and the positions of its
 * rhs items (two ints, beside the {@link FrequentItemsets} it refers to) and its counts; an
 * {@link AssociationRule} is built when it is read.
 *
 * <pre>{@code
 * RuleSet rules = RuleMiner.builder().minConfidence(0.5).build().collect(itemsets);
 * for (int i = 0; i < Math.min(10, rules.size()); i++) {
 *     System.out.println(rules.get(i));       // the top 10 by lift
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleSet {
    private final FrequentItemsets itemsets;
    private final int[] itemset;
    private final int[] rhsMask;
    private final int[] lhsCount;
    private final int[] rhsCount;

    private RuleSet(FrequentItemsets itemsets, int[] itemset, int[] rhsMask, int[] lhsCount,
            int[] rhsCount) {
        this.itemsets = itemsets;
        this.itemset = itemset;
        this.rhsMask = rhsMask;
        this.lhsCount = lhsCount;
        this.rhsCount = rhsCount;
    }

    /**
     * Returns the number of rules.
     *
     * @return the number, {@code >= 0}
     */
    public int size() {
        return itemset.length;
    }

    /**
     * Returns one rule, in sorted order.
     *
     * @param index the 0-based rank
     * @return the rule, never null
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public AssociationRule get(int index) {
        Objects.checkIndex(index, size());
        return RuleMiner.materialise(itemsets, itemset[index], rhsMask[index], lhsCount[index],
                rhsCount[index]);
    }

    /**
     * Passes every rule to an action, in sorted order.
     *
     * @param action the action, not null
     */
    public void forEach(Consumer<? super AssociationRule> action) {
        Objects.requireNonNull(action, "action");
        for (int i = 0; i < size(); i++) {
            action.accept(get(i));
        }
    }

    /**
     * Returns the rules as a list (materialises them all).
     *
     * @return an unmodifiable list in sorted order, never null
     */
    public List<AssociationRule> toList() {
        List<AssociationRule> list = new ArrayList<>(size());
        forEach(list::add);
        return List.copyOf(list);
    }

    /**
     * Returns the itemsets the rules come from.
     *
     * @return the itemsets, never null
     */
    public FrequentItemsets itemsets() {
        return itemsets;
    }

    /**
     * Returns a summary, {@code RuleSet[rules=N]}.
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return "RuleSet[rules=" + size() + "]";
    }

    /** Gathers raw rules, then sorts them. */
    static final class Collector implements RuleMiner.RawSink {
        private final FrequentItemsets f;
        private final IntList itemset = new IntList(1024);
        private final IntList mask = new IntList(1024);
        private final IntList lhs = new IntList(1024);
        private final IntList rhs = new IntList(1024);

        Collector(FrequentItemsets f) {
            this.f = f;
        }

        @Override
        public void accept(int index, int rhsMask, int lhsCount, int rhsCount) {
            itemset.add(index);
            mask.add(rhsMask);
            lhs.add(lhsCount);
            rhs.add(rhsCount);
        }

        RuleSet finish() {
            int m = itemset.size();
            double n = f.baskets();
            double[] lift = new double[m];
            int[] count = new int[m];
            double[] conf = new double[m];
            String[] firstRhs = new String[m];
            for (int i = 0; i < m; i++) {
                count[i] = f.rawCount(itemset.get(i));
                lift[i] = count[i] * n / ((double) lhs.get(i) * rhs.get(i));
                conf[i] = (double) count[i] / lhs.get(i);
                int pos = Integer.numberOfTrailingZeros(mask.get(i));
                firstRhs[i] = f.name(f.code(f.start(itemset.get(i)) + pos));
            }
            Comparator<Integer> order = Comparator.<Integer>comparingDouble(i -> -lift[i])
                    .thenComparingInt(i -> -count[i])
                    .thenComparingDouble(i -> -conf[i])
                    .thenComparing(i -> firstRhs[i])
                    .thenComparingInt(i -> i);
            int[] perm = IntStream.range(0, m).boxed().sorted(order).mapToInt(Integer::intValue)
                    .toArray();
            int[] a = new int[m];
            int[] b = new int[m];
            int[] c = new int[m];
            int[] d = new int[m];
            for (int r = 0; r < m; r++) {
                int i = perm[r];
                a[r] = itemset.get(i);
                b[r] = mask.get(i);
                c[r] = lhs.get(i);
                d[r] = rhs.get(i);
            }
            return new RuleSet(f, a, b, c, d);
        }
    }
}
