package org.crmkit.scoring.basket;

import java.util.Objects;

/**
 * Finds the frequent itemsets of a set of baskets, with the semantics of R arules
 * ({@code apriori(..., parameter = list(support = s, maxlen = k, target = "frequent itemsets"))}):
 * an itemset is frequent when at least {@link #minimumCount(int, double) ceil(n x minSupport)}
 * of the {@code n} baskets contain all its items; itemsets have 1 to {@code maxLen} items
 * (default 10, as in arules).
 *
 * <pre>{@code
 * FrequentItemsets sets = ItemsetMiner.builder()
 *         .minSupport(0.001)
 *         .maxLen(5)
 *         .build()
 *         .mine(baskets);
 * }</pre>
 *
 * <p>The search is Eclat over tid-lists switching to diffsets where they are smaller (Zaki
 * 1997; Zaki and Gouda 2003): depth first over flat {@code int[]} arrays, so memory is the
 * vertical copy of the data (4 bytes per item occurrence) plus one equivalence class per
 * level of the search path, and the result is held in flat arrays too. On the benchmarks of
 * {@code benchmarks/RESULTS.md} (IBM Quest-style data from {@link QuestGenerator}) it mines
 * 100,000 baskets of mean size 10 at support 0.001 in well under a second.
 *
 * <p>Immutable and thread-safe; each call of {@link #mine} works on its own arrays.
 */
public final class ItemsetMiner {
    /** The default maximum itemset length, as in arules. */
    public static final int DEFAULT_MAX_LEN = 10;

    private final double minSupport;
    private final int maxLen;

    private ItemsetMiner(Builder b) {
        this.minSupport = b.minSupport;
        this.maxLen = b.maxLen == 0 ? DEFAULT_MAX_LEN : b.maxLen;
    }

    /**
     * Returns a new builder; the minimum support is required.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the minimum count of a frequent itemset: {@code ceil(n x minSupport)}, at least 1.
     *
     * <p>Floating point: {@code minSupport} is a decimal rounded to binary, and the product is
     * rounded again, so {@code n x minSupport} can land just above an integer that the exact
     * product equals ({@code 100 x 0.07} is {@code 7.000000000000001}) and a plain ceiling
     * would demand one basket too many. The rule here: when the product is within 4 units in
     * the last place ({@link Math#ulp(double)}) of an integer, that integer is taken; otherwise
     * the ceiling. The two roundings err by at most one unit in the last place together, so a
     * product that is truly above an integer by more than 4 ulps is never rounded down.
     * Examples: {@code minimumCount(1000, 0.001) == 1}, {@code minimumCount(100, 0.07) == 7},
     * {@code minimumCount(1000, 0.0015) == 2}, {@code minimumCount(9835, 0.001) == 10}.
     *
     * @param baskets the number of baskets, {@code >= 0}
     * @param minSupport the minimum support, in (0, 1]
     * @return the minimum count, {@code >= 1}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static int minimumCount(int baskets, double minSupport) {
        if (baskets < 0) {
            throw new IllegalArgumentException("baskets must be >= 0: " + baskets);
        }
        checkSupport(minSupport);
        double product = baskets * minSupport;
        double nearest = Math.rint(product);
        double count = Math.abs(product - nearest) <= 4 * Math.ulp(product) ? nearest : Math.ceil(product);
        return (int) Math.max(1, count);
    }

    static void checkSupport(double minSupport) {
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw new IllegalArgumentException("minimum support must be in (0, 1]: " + minSupport);
        }
    }

    /**
     * Mines the frequent itemsets.
     *
     * @param baskets the baskets, not null
     * @return the frequent itemsets with 1 to {@code maxLen} items, never null; none when
     *     there are no baskets
     */
    public FrequentItemsets mine(Baskets baskets) {
        Objects.requireNonNull(baskets, "baskets");
        return Eclat.mine(baskets, minimumCount(baskets.size(), minSupport), maxLen, minSupport);
    }

    /**
     * Returns the minimum support.
     *
     * @return the minimum support, in (0, 1]
     */
    public double minSupport() {
        return minSupport;
    }

    /**
     * Returns the maximum itemset length.
     *
     * @return the maximum length, {@code >= 1}
     */
    public int maxLen() {
        return maxLen;
    }

    /**
     * Configures an {@link ItemsetMiner}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private double minSupport = Double.NaN;
        private int maxLen;

        private Builder() {
        }

        /**
         * Sets the minimum support (required).
         *
         * @param minSupport the fraction of baskets, in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minSupport(double minSupport) {
            if (!Double.isNaN(this.minSupport)) {
                throw new IllegalStateException("minimum support is already set");
            }
            checkSupport(minSupport);
            this.minSupport = minSupport;
            return this;
        }

        /**
         * Sets the maximum number of items of an itemset (default 10).
         *
         * @param maxLen the maximum, 1 to 30
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder maxLen(int maxLen) {
            if (this.maxLen != 0) {
                throw new IllegalStateException("maximum length is already set");
            }
            if (maxLen < 1 || maxLen > 30) {
                throw new IllegalArgumentException("maximum length must be 1 to 30: " + maxLen);
            }
            this.maxLen = maxLen;
            return this;
        }

        /**
         * Builds the miner.
         *
         * @return the miner, never null
         * @throws IllegalStateException if the minimum support is not set
         */
        public ItemsetMiner build() {
            if (Double.isNaN(minSupport)) {
                throw new IllegalStateException("the minimum support is required");
            }
            return new ItemsetMiner(this);
        }
    }
}
