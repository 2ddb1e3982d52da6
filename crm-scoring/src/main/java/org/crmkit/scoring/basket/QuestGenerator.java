package org.crmkit.scoring.basket;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Synthetic market baskets in the style of the IBM Quest generator (Agrawal and Srikant
 * 1994, "Fast algorithms for mining association rules", VLDB, section 2.4.3), the data behind
 * the classic T10I4D100K benchmarks.
 *
 * <p>The procedure: {@code patterns} potentially frequent itemsets are drawn first; a
 * pattern's size is Poisson with mean {@code meanPatternSize} (at least 1); its items are in
 * part taken from the previous pattern (the fraction is exponential with mean 0.5, the
 * correlation level, capped at 1) and otherwise drawn uniformly; it gets a weight drawn from
 * the unit exponential (normalised to sum 1) and a corruption level drawn from a normal with
 * mean 0.5 and variance 0.1, clipped to [0, 1]. A basket's size is Poisson with mean
 * {@code meanBasketSize} (at least 1); it is filled with patterns chosen by weight, each
 * corrupted by dropping random items while a uniform draw stays below its corruption level; a
 * pattern that does not fit is added anyway in half of the cases and otherwise kept for the
 * next basket. Items are named {@code i0 .. i(N-1)}.
 *
 * <pre>{@code
 * Baskets t10i4 = QuestGenerator.builder()
 *         .baskets(100_000).meanBasketSize(10).meanPatternSize(4).items(1_000)
 *         .seed(1).build().generate();
 * }</pre>
 *
 * <p>The same settings and seed give the same baskets. Immutable and thread-safe; each call
 * of {@link #generate()} uses its own generator.
 */
public final class QuestGenerator {
    private final int baskets;
    private final double meanBasketSize;
    private final double meanPatternSize;
    private final int items;
    private final int patterns;
    private final long seed;

    private QuestGenerator(Builder b) {
        this.baskets = b.baskets;
        this.meanBasketSize = b.meanBasketSize;
        this.meanPatternSize = b.meanPatternSize;
        this.items = b.items;
        this.patterns = b.patterns;
        this.seed = b.seed;
    }

    /**
     * Returns a builder with the defaults of the paper where it gives them: 2,000 patterns,
     * mean pattern size 4, mean basket size 10, 1,000 items, 10,000 baskets, seed 1.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Generates the baskets.
     *
     * @return the baskets, never null
     */
    public Baskets generate() {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] pattern = new int[patterns][];
        double[] cumulative = new double[patterns];
        double[] corruption = new double[patterns];
        int[] previous = new int[0];
        double total = 0;
        for (int p = 0; p < patterns; p++) {
            int size = Math.min(items, Math.max(1, poisson(rnd, meanPatternSize)));
            double fraction = Math.min(1, -0.5 * Math.log(1 - rnd.nextDouble()));
            int fromPrevious = Math.min(previous.length, (int) Math.round(fraction * size));
            int[] chosen = new int[size];
            boolean[] used = new boolean[items];
            int c = 0;
            int[] shuffled = previous.clone();
            shuffle(rnd, shuffled);
            for (int i = 0; i < fromPrevious; i++) {
                chosen[c++] = shuffled[i];
                used[shuffled[i]] = true;
            }
            while (c < size) {
                int item = rnd.nextInt(items);
                if (!used[item]) {
                    used[item] = true;
                    chosen[c++] = item;
                }
            }
            pattern[p] = chosen;
            previous = chosen;
            total += -Math.log(1 - rnd.nextDouble());
            cumulative[p] = total;
            corruption[p] = Math.min(1, Math.max(0, 0.5 + Math.sqrt(0.1) * gaussian(rnd)));
        }
        for (int p = 0; p < patterns; p++) {
            cumulative[p] /= total;
        }
        String[] names = new String[items];
        for (int i = 0; i < items; i++) {
            names[i] = "i" + i;
        }
        Baskets.Builder out = Baskets.builder();
        int[] basket = new int[64];
        int[] carried = null;
        java.util.List<String> list = new java.util.ArrayList<>();
        for (int t = 0; t < baskets; t++) {
            int target = Math.max(1, poisson(rnd, meanBasketSize));
            int len = 0;
            int guard = 0;
            while (len < target && guard++ < 1000) {
                int[] items;
                if (carried != null) {
                    items = carried;
                    carried = null;
                } else {
                    int p = pick(cumulative, rnd.nextDouble());
                    items = corrupt(rnd, pattern[p], corruption[p]);
                }
                if (items.length == 0) {
                    continue;
                }
                if (len + items.length > target && len > 0 && rnd.nextBoolean()) {
                    carried = items;
                    break;
                }
                if (len + items.length > basket.length) {
                    basket = Arrays.copyOf(basket, Math.max(basket.length * 2, len + items.length));
                }
                System.arraycopy(items, 0, basket, len, items.length);
                len += items.length;
            }
            list.clear();
            for (int i = 0; i < len; i++) {
                list.add(names[basket[i]]);
            }
            out.add(list);
        }
        return out.build();
    }

    private static int[] corrupt(SplittableRandom rnd, int[] pattern, double level) {
        int[] copy = pattern.clone();
        int len = copy.length;
        while (len > 0 && rnd.nextDouble() < level) {
            int drop = rnd.nextInt(len);
            copy[drop] = copy[len - 1];
            len--;
        }
        return Arrays.copyOf(copy, len);
    }

    private static int pick(double[] cumulative, double u) {
        int i = Arrays.binarySearch(cumulative, u);
        i = i >= 0 ? i : -i - 1;
        return Math.min(i, cumulative.length - 1);
    }

    private static void shuffle(SplittableRandom rnd, int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** Knuth's multiplication method; exact for the small means used here. */
    static int poisson(SplittableRandom rnd, double mean) {
        if (mean > 200) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rnd)));
        }
        double limit = Math.exp(-mean);
        double prod = rnd.nextDouble();
        int k = 0;
        while (prod > limit) {
            prod *= rnd.nextDouble();
            k++;
        }
        return k;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Configures a {@link QuestGenerator}. Not thread-safe; the product is immutable.
     */
    public static final class Builder {
        private int baskets = 10_000;
        private double meanBasketSize = 10;
        private double meanPatternSize = 4;
        private int items = 1_000;
        private int patterns = 2_000;
        private long seed = 1;

        private Builder() {
        }

        /**
         * Sets the number of baskets (|D|, default 10,000).
         *
         * @param baskets the number, 0 to 100,000,000
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder baskets(int baskets) {
            if (baskets < 0 || baskets > 100_000_000) {
                throw new IllegalArgumentException("baskets must be 0 to 100000000: " + baskets);
            }
            this.baskets = baskets;
            return this;
        }

        /**
         * Sets the mean basket size (|T|, default 10).
         *
         * @param mean the mean, in [1, 100]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder meanBasketSize(double mean) {
            if (!(mean >= 1 && mean <= 100)) {
                throw new IllegalArgumentException("mean basket size must be in [1, 100]: " + mean);
            }
            this.meanBasketSize = mean;
            return this;
        }

        /**
         * Sets the mean size of the potentially frequent patterns (|I|, default 4).
         *
         * @param mean the mean, in [1, 50]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder meanPatternSize(double mean) {
            if (!(mean >= 1 && mean <= 50)) {
                throw new IllegalArgumentException("mean pattern size must be in [1, 50]: " + mean);
            }
            this.meanPatternSize = mean;
            return this;
        }

        /**
         * Sets the number of distinct items (N, default 1,000).
         *
         * @param items the number, 1 to 10,000,000
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder items(int items) {
            if (items < 1 || items > 10_000_000) {
                throw new IllegalArgumentException("items must be 1 to 10000000: " + items);
            }
            this.items = items;
            return this;
        }

        /**
         * Sets the number of potentially frequent patterns (|L|, default 2,000).
         *
         * @param patterns the number, 1 to 1,000,000
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder patterns(int patterns) {
            if (patterns < 1 || patterns > 1_000_000) {
                throw new IllegalArgumentException("patterns must be 1 to 1000000: " + patterns);
            }
            this.patterns = patterns;
            return this;
        }

        /**
         * Sets the random seed (default 1).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the generator.
         *
         * @return the generator, never null
         */
        public QuestGenerator build() {
            return new QuestGenerator(this);
        }
    }
}
