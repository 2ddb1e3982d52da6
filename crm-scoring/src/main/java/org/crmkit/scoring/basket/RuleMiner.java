package org.crmkit.scoring.basket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generates association rules from frequent itemsets, with the semantics of R arules'
 * {@code apriori(..., parameter = list(support, confidence, minlen, maxlen))}.
 *
 * <ul>
 *   <li>A rule {@code X => Y} comes from a frequent itemset {@code Z = X ∪ Y}; its support is
 *       {@code supp(Z)}, so every rule meets the itemsets' minimum support.</li>
 *   <li>The rhs has one item by default ({@link Builder#maxRhsSize(int)} allows more).</li>
 *   <li>{@code minLen} and {@code maxLen} bound the number of items of the whole rule,
 *       {@code |X| + |Y|} (defaults 1 and 10): with {@code minLen = 1} the rules
 *       {@code {} => {y}} appear, with confidence {@code supp(y)} and lift 1. Rules cannot be
 *       longer than the itemsets' own {@link FrequentItemsets#maxLen()}.</li>
 *   <li>A rule is kept when {@code confidence >= minConfidence} (as doubles, as arules
 *       compares).</li>
 *   <li>{@link Builder#rhsItems(Collection)} keeps rules whose rhs items all come from a set
 *       (arules {@code appearance = list(rhs = ..., default = "lhs")});
 *       {@link Builder#lhsItems(Collection)} keeps rules whose lhs holds at least one item of
 *       a set.</li>
 *   <li>{@link Builder#removeRedundant()} drops redundant rules as arules'
 *       {@code is.redundant(rules)} judges them: {@code X => Y} is redundant when a more
 *       general rule {@code X' => Y}, {@code X'} a proper subset of {@code X} (the empty set
 *       included), is among the rules and has at least the same confidence (Bayardo,
 *       Agrawal and Gunopulos 2000, "Constraint-based rule mining in large, dense
 *       databases": improvement {@code <= 0}). "Among the rules" means meeting the support,
 *       confidence and length thresholds; as the more general rule has at least the same
 *       confidence, only its length has to be checked. Confidences are compared exactly,
 *       on counts ({@code n(X'Y) n(X) >= n(XY) n(X')}). Item filters are applied after this
 *       judgement and do not change it.</li>
 * </ul>
 *
 * <pre>{@code
 * RuleMiner miner = RuleMiner.builder().minConfidence(0.5).minLen(2).removeRedundant().build();
 * long n = miner.mine(itemsets, rule -> System.out.println(rule));   // streamed, nothing held
 * RuleSet sorted = miner.collect(itemsets);                          // held compactly, by lift
 * }</pre>
 *
 * <p>Rules are streamed: {@link #mine} builds each rule when it passes and hands it to the
 * callback, holding none. The cost per itemset of size k is k count lookups (2^k for several
 * rhs items), plus up to 2^(k-1) for the redundancy check.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleMiner {
    private final double minConfidence;
    private final int minLen;
    private final int maxLen;
    private final int maxRhs;
    private final Set<String> rhsItems;
    private final Set<String> lhsItems;
    private final boolean removeRedundant;

    private RuleMiner(Builder b) {
        this.minConfidence = b.minConfidence;
        this.minLen = b.minLen == 0 ? 1 : b.minLen;
        this.maxLen = b.maxLen == 0 ? ItemsetMiner.DEFAULT_MAX_LEN : b.maxLen;
        this.maxRhs = b.maxRhs == 0 ? 1 : b.maxRhs;
        this.rhsItems = b.rhsItems;
        this.lhsItems = b.lhsItems;
        this.removeRedundant = b.removeRedundant;
        if (minLen > maxLen) {
            throw new IllegalArgumentException("minimum length " + minLen
                    + " is above the maximum length " + maxLen);
        }
    }

    /**
     * Returns a new builder; the minimum confidence is required.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Streams the rules to a callback, in the order of the itemsets.
     *
     * @param itemsets all frequent itemsets, not null
     * @param sink receives each rule, not null
     * @return the number of rules passed to the sink, {@code >= 0}
     * @throws IllegalStateException if the itemsets are a closed or maximal selection
     */
    public long mine(FrequentItemsets itemsets, Consumer<? super AssociationRule> sink) {
        Objects.requireNonNull(itemsets, "itemsets");
        Objects.requireNonNull(sink, "sink");
        long[] n = new long[1];
        enumerate(itemsets, (index, rhsMask, lhsCount, rhsCount) -> {
            sink.accept(materialise(itemsets, index, rhsMask, lhsCount, rhsCount));
            n[0]++;
        });
        return n[0];
    }

    /**
     * Collects the rules compactly (two ints per rule beside the itemsets) and sorts them by
     * lift, then support, then confidence, descending, then by rhs item name; rules are built
     * as they are read from the set.
     *
     * @param itemsets all frequent itemsets, not null
     * @return the rules, never null
     * @throws IllegalStateException if the itemsets are a closed or maximal selection
     */
    public RuleSet collect(FrequentItemsets itemsets) {
        Objects.requireNonNull(itemsets, "itemsets");
        RuleSet.Collector c = new RuleSet.Collector(itemsets);
        enumerate(itemsets, c);
        return c.finish();
    }

    /** Receives a passing rule as its itemset index and the rhs positions within it. */
    @FunctionalInterface
    interface RawSink {
        void accept(int itemset, int rhsMask, int lhsCount, int rhsCount);
    }

    static AssociationRule materialise(FrequentItemsets f, int index, int rhsMask, int lhsCount,
            int rhsCount) {
        int s = f.start(index);
        int k = f.sizeOf(index);
        String[] lhs = new String[k - Integer.bitCount(rhsMask)];
        String[] rhs = new String[Integer.bitCount(rhsMask)];
        int l = 0;
        int r = 0;
        for (int p = 0; p < k; p++) {
            String name = f.name(f.code(s + p));
            if ((rhsMask & (1 << p)) != 0) {
                rhs[r++] = name;
            } else {
                lhs[l++] = name;
            }
        }
        java.util.Arrays.sort(lhs);
        java.util.Arrays.sort(rhs);
        return AssociationRule.fromCounts(List.of(lhs), List.of(rhs), f.rawCount(index), lhsCount,
                rhsCount, f.baskets());
    }

    void enumerate(FrequentItemsets f, RawSink sink) {
        f.requireComplete();
        int n = f.baskets();
        boolean[] rhsAllowed = itemMask(f, rhsItems);
        boolean[] lhsWanted = itemMask(f, lhsItems);
        int[] key = new int[Math.max(1, f.maxLen())];
        int[] key2 = new int[Math.max(1, f.maxLen())];
        int[] z = new int[Math.max(1, f.maxLen())];
        for (int idx = 0; idx < f.size(); idx++) {
            int k = f.sizeOf(idx);
            if (k < minLen || k > maxLen) {
                continue;
            }
            int s = f.start(idx);
            for (int p = 0; p < k; p++) {
                z[p] = f.code(s + p);
            }
            int cz = f.rawCount(idx);
            int full = (1 << k) - 1;
            int maxR = Math.min(maxRhs, k);
            if (maxR == 1) {
                for (int p = 0; p < k; p++) {
                    tryRule(f, sink, idx, z, k, cz, 1 << p, n, rhsAllowed, lhsWanted, key, key2);
                }
            } else {
                for (int mask = 1; mask <= full; mask++) {
                    if (Integer.bitCount(mask) <= maxR) {
                        tryRule(f, sink, idx, z, k, cz, mask, n, rhsAllowed, lhsWanted, key, key2);
                    }
                }
            }
        }
    }

    private void tryRule(FrequentItemsets f, RawSink sink, int idx, int[] z, int k, int cz,
            int rhsMask, int n, boolean[] rhsAllowed, boolean[] lhsWanted, int[] key, int[] key2) {
        if (rhsAllowed != null) {
            for (int p = 0; p < k; p++) {
                if ((rhsMask & (1 << p)) != 0 && !rhsAllowed[z[p]]) {
                    return;
                }
            }
        }
        int full = (1 << k) - 1;
        int lhsMask = full & ~rhsMask;
        int lhsCount = countOf(f, z, lhsMask, key, n);
        if ((double) cz / lhsCount < minConfidence) {
            return;
        }
        if (lhsWanted != null) {
            boolean hit = false;
            for (int p = 0; p < k && !hit; p++) {
                hit = (lhsMask & (1 << p)) != 0 && lhsWanted[z[p]];
            }
            if (!hit) {
                return;
            }
        }
        if (removeRedundant && redundant(f, z, lhsMask, rhsMask, cz, lhsCount, key, key2, n)) {
            return;
        }
        int rhsCount = Integer.bitCount(rhsMask) == 1
                ? f.itemCount(z[Integer.numberOfTrailingZeros(rhsMask)])
                : countOf(f, z, rhsMask, key, n);
        sink.accept(idx, rhsMask, lhsCount, rhsCount);
    }

    /** Is some X' ⊊ X with |X'| + |Y| >= minLen as confident as X => Y? */
    private boolean redundant(FrequentItemsets f, int[] z, int lhsMask, int rhsMask, int cz,
            int lhsCount, int[] key, int[] key2, int n) {
        if (lhsMask == 0) {
            return false;
        }
        int rhsSize = Integer.bitCount(rhsMask);
        // proper submasks of lhsMask, the empty one included
        for (int sub = (lhsMask - 1) & lhsMask; ; sub = (sub - 1) & lhsMask) {
            if (Integer.bitCount(sub) + rhsSize >= minLen) {
                long generalLhs = countOf(f, z, sub, key, n);
                long generalBoth = countOf(f, z, sub | rhsMask, key2, n);
                if (generalBoth * (long) lhsCount >= (long) cz * generalLhs) {
                    return true;
                }
            }
            if (sub == 0) {
                return false;
            }
        }
    }

    private static int countOf(FrequentItemsets f, int[] z, int mask, int[] key, int n) {
        if (mask == 0) {
            return n;
        }
        int len = 0;
        for (int p = 0; mask >>> p != 0; p++) {
            if ((mask & (1 << p)) != 0) {
                key[len++] = z[p];
            }
        }
        if (len == 1) {
            return f.itemCount(key[0]);
        }
        int i = f.indexOf(key, len);
        if (i < 0) {
            throw new IllegalStateException("a subset of a frequent itemset is missing");
        }
        return f.rawCount(i);
    }

    private static boolean[] itemMask(FrequentItemsets f, Set<String> items) {
        if (items == null) {
            return null;
        }
        boolean[] mask = new boolean[f.frequentItems()];
        Map<String, Integer> codes = f.codes();
        for (String item : items) {
            Integer c = codes.get(item);
            if (c != null) {
                mask[c] = true;
            }
        }
        return mask;
    }

    /**
     * Configures a {@link RuleMiner}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private double minConfidence = Double.NaN;
        private int minLen;
        private int maxLen;
        private int maxRhs;
        private Set<String> rhsItems;
        private Set<String> lhsItems;
        private boolean removeRedundant;

        private Builder() {
        }

        /**
         * Sets the minimum confidence (required).
         *
         * @param minConfidence the minimum, in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minConfidence(double minConfidence) {
            if (!Double.isNaN(this.minConfidence)) {
                throw new IllegalStateException("minimum confidence is already set");
            }
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("minimum confidence must be in [0, 1]: " + minConfidence);
            }
            this.minConfidence = minConfidence;
            return this;
        }

        /**
         * Sets the minimum number of items of a rule, lhs and rhs together (default 1).
         *
         * @param minLen the minimum, 1 to 30
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minLen(int minLen) {
            this.minLen = length(this.minLen, minLen, "minimum length");
            return this;
        }

        /**
         * Sets the maximum number of items of a rule, lhs and rhs together (default 10).
         *
         * @param maxLen the maximum, 1 to 30
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder maxLen(int maxLen) {
            this.maxLen = length(this.maxLen, maxLen, "maximum length");
            return this;
        }

        /**
         * Sets the largest number of rhs items (default 1, as arules).
         *
         * @param maxRhsSize the maximum, 1 to 30
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder maxRhsSize(int maxRhsSize) {
            this.maxRhs = length(this.maxRhs, maxRhsSize, "maximum rhs size");
            return this;
        }

        private static int length(int current, int value, String what) {
            if (current != 0) {
                throw new IllegalStateException(what + " is already set");
            }
            if (value < 1 || value > 30) {
                throw new IllegalArgumentException(what + " must be 1 to 30: " + value);
            }
            return value;
        }

        /**
         * Keeps only rules whose rhs items all belong to a set.
         *
         * @param items the allowed rhs items, not null, not empty, no null element
         * @return this builder
         * @throws IllegalArgumentException if empty
         * @throws IllegalStateException if already set
         */
        public Builder rhsItems(Collection<String> items) {
            if (rhsItems != null) {
                throw new IllegalStateException("rhs items are already set");
            }
            rhsItems = itemSet(items, "rhs items");
            return this;
        }

        /**
         * Keeps only rules whose lhs holds at least one item of a set.
         *
         * @param items the wanted lhs items, not null, not empty, no null element
         * @return this builder
         * @throws IllegalArgumentException if empty
         * @throws IllegalStateException if already set
         */
        public Builder lhsItems(Collection<String> items) {
            if (lhsItems != null) {
                throw new IllegalStateException("lhs items are already set");
            }
            lhsItems = itemSet(items, "lhs items");
            return this;
        }

        private static Set<String> itemSet(Collection<String> items, String what) {
            Objects.requireNonNull(items, "items");
            if (items.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return Set.copyOf(items);
        }

        /**
         * Drops redundant rules (see the class description).
         *
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder removeRedundant() {
            if (removeRedundant) {
                throw new IllegalStateException("redundant-rule removal is already set");
            }
            removeRedundant = true;
            return this;
        }

        /**
         * Builds the miner.
         *
         * @return the miner, never null
         * @throws IllegalStateException if the minimum confidence is not set
         * @throws IllegalArgumentException if the minimum length exceeds the maximum
         */
        public RuleMiner build() {
            if (Double.isNaN(minConfidence)) {
                throw new IllegalStateException("the minimum confidence is required");
            }
            return new RuleMiner(this);
        }
    }
}
