package org.crmkit.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.ml.fpm.FPGrowth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.crmkit.scoring.basket.AssociationRule;
import org.crmkit.scoring.basket.ItemsetMiner;
import org.crmkit.scoring.basket.RuleMiner;

/**
 * Association rules from baskets in a Spark dataset: Spark MLlib's {@link FPGrowth} finds
 * the frequent itemsets with their counts, and the rules are generated on the driver with
 * the semantics and measures of crm-scoring's {@link ItemsetMiner} and {@link RuleMiner}
 * (R arules' {@code apriori}), so the rule set equals the single-machine one.
 *
 * <p>Semantics carried over: the minimum count is {@link ItemsetMiner#minimumCount} of the
 * number of baskets (empty baskets count; FPGrowth is given a support just below it so its
 * own ceiling cannot ask for one basket more); items repeated in a basket count once; itemsets
 * and rules have at most {@code maxLen} items and rules at least {@code minLen}
 * (with {@code minLen = 1} the rules {@code {} => {y}} appear); the rhs is one item; a rule
 * is kept when {@code confidence >= minConfidence}; {@link Builder#removeRedundant()} drops
 * a rule when a more general one of allowed length is at least as confident (compared on
 * counts); measures by {@link AssociationRule#fromCounts}. The rules are sorted as
 * {@code RuleSet} sorts them: by lift, count and confidence, descending, then by rhs item.
 * Not carried over: rhs of several items and item filters.
 *
 * <p>Cost: FPGrowth has no length limit, so it enumerates frequent itemsets longer than
 * {@code maxLen} before they are dropped; the frequent itemsets are collected on the driver,
 * where the rules are built (at most {@code maxLen} count lookups per itemset, and up to
 * {@code 2^(maxLen-1)} more for the redundancy test).
 *
 * <pre>{@code
 * List<AssociationRule> rules = SparkRules.builder().minSupport(0.01).minConfidence(0.5).minLen(2)
 *         .build().mine(baskets, "items");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SparkRules {
    private final double minSupport;
    private final double minConfidence;
    private final int minLen;
    private final int maxLen;
    private final boolean removeRedundant;

    private SparkRules(Builder b) {
        if (b.minSupport == null || b.minConfidence == null) {
            throw new IllegalStateException("minimum support and minimum confidence are required");
        }
        this.minSupport = b.minSupport;
        this.minConfidence = b.minConfidence;
        this.minLen = b.minLen == null ? 1 : b.minLen;
        this.maxLen = b.maxLen == null ? ItemsetMiner.DEFAULT_MAX_LEN : b.maxLen;
        this.removeRedundant = b.removeRedundant;
        if (minLen > maxLen) {
            throw new IllegalArgumentException("minimum length " + minLen + " is above the maximum length " + maxLen);
        }
    }

    /**
     * Returns a builder; minimum support and confidence are required.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Mines the rules.
     *
     * @param baskets one row per basket, not null
     * @param itemsColumn the column of item names, an array of strings without null or blank
     *     items, not null
     * @return the rules, sorted, never null
     * @throws IllegalArgumentException if the column is missing, not an array of strings or
     *     holds a null basket or item
     */
    public List<AssociationRule> mine(Dataset<Row> baskets, String itemsColumn) {
        Objects.requireNonNull(baskets, "baskets");
        Objects.requireNonNull(itemsColumn, "itemsColumn");
        SparkColumns.require(baskets, itemsColumn, "items");
        if (!(baskets.schema().apply(itemsColumn).dataType() instanceof ArrayType a)
                || !a.elementType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("items column '" + itemsColumn + "' must be an array of strings");
        }
        Dataset<Row> items = baskets.select(functions.array_distinct(col(itemsColumn)).as("items"));
        Row check = items.agg(functions.count(functions.lit(1)),
                functions.sum(functions.when(col("items").isNull(), 1).otherwise(0)),
                functions.sum(functions.when(functions.exists(col("items"),
                        x -> x.isNull().or(functions.trim(x).equalTo(""))), 1).otherwise(0))).first();
        long n = check.getLong(0);
        if (n > 0 && (check.getLong(1) > 0 || check.getLong(2) > 0)) {
            throw new IllegalArgumentException("items column '" + itemsColumn + "': " + check.getLong(1)
                    + " null basket(s), " + check.getLong(2) + " basket(s) with a null or blank item");
        }
        if (n == 0) {
            return List.of();
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(n + " baskets: at most " + Integer.MAX_VALUE + " are supported");
        }
        int minCount = ItemsetMiner.minimumCount((int) n, minSupport);
        Dataset<Row> frequent = new FPGrowth().setItemsCol("items").setMinSupport((minCount - 0.5) / n)
                .fit(items).freqItemsets().where(functions.size(col("items")).leq(maxLen));
        Map<List<String>, Long> counts = new HashMap<>();
        for (Row r : SparkFailures.unwrap(frequent::collectAsList)) {
            List<String> set = new ArrayList<>(r.getList(0));
            set.sort(null);
            counts.put(List.copyOf(set), r.getLong(1));
        }
        List<AssociationRule> rules = new ArrayList<>();
        for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
            List<String> z = e.getKey();
            int k = z.size();
            if (k < minLen || k > maxLen) {
                continue;
            }
            long cz = e.getValue();
            for (int p = 0; p < k; p++) {
                List<String> lhs = new ArrayList<>(z);
                String y = lhs.remove(p);
                long nx = count(counts, lhs, n);
                if ((double) cz / nx < minConfidence) {
                    continue;
                }
                if (removeRedundant && redundant(counts, lhs, y, cz, nx, n)) {
                    continue;
                }
                rules.add(AssociationRule.fromCounts(lhs, List.of(y), cz, nx, counts.get(List.of(y)), n));
            }
        }
        rules.sort(Comparator.comparingDouble((AssociationRule r) -> -r.lift()).thenComparingLong(r -> -r.count())
                .thenComparingDouble(r -> -r.confidence()).thenComparing(r -> r.rhs().get(0))
                .thenComparing(r -> String.join("\u0000", r.lhs())));
        return rules;
    }

    private static long count(Map<List<String>, Long> counts, List<String> items, long n) {
        if (items.isEmpty()) {
            return n;
        }
        Long c = counts.get(items);
        if (c == null) {
            throw new IllegalStateException("a subset of a frequent itemset is missing: " + items.size() + " items");
        }
        return c;
    }

    /** Is some proper subset X' of the lhs, with |X'| + 1 >= minLen, at least as confident? */
    private boolean redundant(Map<List<String>, Long> counts, List<String> lhs, String y, long cz, long nx, long n) {
        int m = lhs.size();
        if (m == 0) {
            return false;
        }
        int full = (1 << m) - 1;
        for (int sub = 0; sub < full; sub++) {
            if (Integer.bitCount(sub) + 1 < minLen) {
                continue;
            }
            List<String> general = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if ((sub & (1 << i)) != 0) {
                    general.add(lhs.get(i));
                }
            }
            long generalLhs = count(counts, general, n);
            List<String> both = new ArrayList<>(general);
            both.add(y);
            both.sort(null);
            long generalBoth = count(counts, both, n);
            if (generalBoth * nx >= cz * generalLhs) {
                return true;
            }
        }
        return false;
    }

    /**
     * Configures {@link SparkRules}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private Double minSupport;
        private Double minConfidence;
        private Integer minLen;
        private Integer maxLen;
        private boolean removeRedundant;

        private Builder() {
        }

        /**
         * Sets the minimum support of the itemsets (required).
         *
         * @param support in (0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minSupport(double support) {
            if (!(support > 0 && support <= 1)) {
                throw new IllegalArgumentException("minimum support must be in (0, 1]: " + support);
            }
            SparkColumns.requireUnset(minSupport, "minimum support");
            minSupport = support;
            return this;
        }

        /**
         * Sets the minimum confidence of a rule (required).
         *
         * @param confidence in [0, 1]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder minConfidence(double confidence) {
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("minimum confidence must be in [0, 1]: " + confidence);
            }
            SparkColumns.requireUnset(minConfidence, "minimum confidence");
            minConfidence = confidence;
            return this;
        }

        /**
         * Sets the fewest items of a rule, lhs and rhs together (default 1).
         *
         * @param len {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if below 1
         * @throws IllegalStateException if already set
         */
        public Builder minLen(int len) {
            if (len < 1) {
                throw new IllegalArgumentException("minimum length must be >= 1: " + len);
            }
            SparkColumns.requireUnset(minLen, "minimum length");
            minLen = len;
            return this;
        }

        /**
         * Sets the most items of an itemset and of a rule (default 10).
         *
         * @param len in 1..20
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder maxLen(int len) {
            if (len < 1 || len > 20) {
                throw new IllegalArgumentException("maximum length must be in 1..20: " + len);
            }
            SparkColumns.requireUnset(maxLen, "maximum length");
            maxLen = len;
            return this;
        }

        /**
         * Drops redundant rules (arules {@code is.redundant}).
         *
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder removeRedundant() {
            if (removeRedundant) {
                throw new IllegalStateException("removeRedundant was already set");
            }
            removeRedundant = true;
            return this;
        }

        /**
         * Builds the miner.
         *
         * @return the miner, never null
         * @throws IllegalStateException if support or confidence is missing
         * @throws IllegalArgumentException if minLen is above maxLen
         */
        public SparkRules build() {
            return new SparkRules(this);
        }
    }
}
