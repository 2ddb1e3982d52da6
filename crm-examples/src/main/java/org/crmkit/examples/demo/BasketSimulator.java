package org.crmkit.examples.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;

/**
 * Simulates shopping baskets of a home-and-garden retailer with real cross-category
 * affinities, for the cross-selling part of the demo: customers who buy garden products
 * often buy tools in the same basket, paint goes with tools, baby goods with toys, kitchen
 * ware with food, books with stationery, electronics with batteries.
 *
 * <p>Model: each customer has one or two favourite categories (drawn by category
 * popularity). A basket starts from one category: a favourite with probability 0.7, any
 * category by popularity otherwise; each affinity of a category in the basket adds its partner
 * with the affinity's probability (once, not transitively); any other category joins with
 * probability 0.03. A category contributes one of its products. Each customer has
 * 1 + Poisson(3) baskets in the calibration half-year and Poisson(2) in the holdout
 * half-year, on uniformly drawn days. The draws come from a {@link SplittableRandom} seeded
 * from the demo seed, separate from {@link PopulationSimulator}'s.
 *
 * <pre>{@code
 * BasketSimulator.Simulated s = BasketSimulator.simulate(customerIds, seed, start, split, end);
 * s.calibration();   // purchase lines up to the split
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class BasketSimulator {
    /** Categories with their relative popularity and products. */
    static final String[] CATEGORIES = {"garden", "tools", "paint", "kitchen", "food", "baby", "toys",
        "books", "stationery", "electronics", "batteries", "lighting"};
    private static final double[] POPULARITY = {10, 8, 5, 9, 12, 4, 5, 7, 4, 6, 3, 4};
    private static final String[][] PRODUCTS = {
        {"rake", "spade", "seeds", "hose"}, {"hammer", "drill", "saw", "screwdriver"},
        {"wall paint", "brush", "roller"}, {"pan", "kettle", "knife set"}, {"coffee", "tea", "olive oil"},
        {"nappies", "baby bottle"}, {"puzzle", "building blocks"}, {"novel", "cookbook"},
        {"notebook", "pens"}, {"headphones", "radio"}, {"AA batteries", "AAA batteries"},
        {"desk lamp", "LED bulbs"}};
    /** Affinities: from, to, probability that "to" joins a basket holding "from". */
    private static final Object[][] AFFINITIES = {
        {"garden", "tools", 0.45}, {"paint", "tools", 0.35}, {"baby", "toys", 0.5},
        {"kitchen", "food", 0.4}, {"books", "stationery", 0.3}, {"electronics", "batteries", 0.5},
        {"lighting", "batteries", 0.2}};

    private BasketSimulator() {
    }

    /**
     * Simulated purchase lines, split at the calibration end.
     *
     * @param calibration lines before the split
     * @param holdout lines from the split to the end
     */
    public record Simulated(List<Purchase> calibration, List<Purchase> holdout) {
        /**
         * Copies the lists.
         *
         * @throws NullPointerException if a list is null
         */
        public Simulated {
            calibration = List.copyOf(calibration);
            holdout = List.copyOf(holdout);
        }
    }

    /**
     * Simulates baskets for the given customers.
     *
     * @param customers the customers, not null
     * @param seed the random seed
     * @param start the first instant of the calibration period, not null
     * @param split the calibration end (exclusive) and holdout start, not null
     * @param end the holdout end (exclusive), not null
     * @return the purchase lines, never null
     */
    public static Simulated simulate(List<CustomerId> customers, long seed, Instant start, Instant split,
            Instant end) {
        Objects.requireNonNull(customers, "customers");
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double total = 0;
        for (double p : POPULARITY) {
            total += p;
        }
        List<Purchase> calibration = new ArrayList<>();
        List<Purchase> holdout = new ArrayList<>();
        long[] line = {0};
        long calibrationDays = ChronoUnit.DAYS.between(start, split);
        long holdoutDays = ChronoUnit.DAYS.between(split, end);
        for (CustomerId id : customers) {
            int[] favourites = {popular(rnd, total), popular(rnd, total)};
            int favouriteCount = rnd.nextDouble() < 0.5 ? 1 : 2;
            int before = 1 + poisson(rnd, 3);
            int after = poisson(rnd, 2);
            for (int b = 0; b < before + after; b++) {
                boolean late = b >= before;
                Instant day = (late ? split : start).plus(rnd.nextLong(late ? holdoutDays : calibrationDays),
                        ChronoUnit.DAYS).plus(10 + rnd.nextInt(9), ChronoUnit.HOURS);
                for (int c : basket(rnd, total, favourites, favouriteCount)) {
                    String[] products = PRODUCTS[c];
                    String product = products[rnd.nextInt(products.length)];
                    Purchase p = Purchase.of(ActivityId.of("B-" + (++line[0])), id, day, Channel.STORE,
                            Actor.CUSTOMER, product, CATEGORIES[c], 1,
                            Money.ofMinor(java.util.Currency.getInstance("EUR"), 299 + 100L * rnd.nextInt(40)));
                    (late ? holdout : calibration).add(p);
                }
            }
        }
        return new Simulated(calibration, holdout);
    }

    private static Set<Integer> basket(SplittableRandom rnd, double total, int[] favourites, int favouriteCount) {
        Set<Integer> chosen = new LinkedHashSet<>();
        chosen.add(rnd.nextDouble() < 0.7 ? favourites[rnd.nextInt(favouriteCount)] : popular(rnd, total));
        List<Integer> seeds = new ArrayList<>(chosen);
        for (int c : seeds) {
            for (Object[] a : AFFINITIES) {
                if (a[0].equals(CATEGORIES[c]) && rnd.nextDouble() < (Double) a[2]) {
                    chosen.add(index((String) a[1]));
                }
            }
        }
        for (int c = 0; c < CATEGORIES.length; c++) {
            if (rnd.nextDouble() < 0.03) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    private static int index(String category) {
        for (int i = 0; i < CATEGORIES.length; i++) {
            if (CATEGORIES[i].equals(category)) {
                return i;
            }
        }
        throw new IllegalArgumentException(category);
    }

    private static int popular(SplittableRandom rnd, double total) {
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < POPULARITY.length; i++) {
            u -= POPULARITY[i];
            if (u < 0) {
                return i;
            }
        }
        return POPULARITY.length - 1;
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        double limit = Math.exp(-mean);
        double prod = rnd.nextDouble();
        int k = 0;
        while (prod > limit) {
            prod *= rnd.nextDouble();
            k++;
        }
        return k;
    }
}
