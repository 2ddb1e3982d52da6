package org.crmkit.scoring.basket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates next-best-product recommendations on a holdout period: the items each customer
 * owned up to the calibration end are the history, the items they first bought afterwards
 * are what a good recommender should have offered (see {@link TopKMetrics}). A popularity
 * baseline, the most widely owned items the customer does not own, is the yardstick.
 *
 * <pre>{@code
 * TopKMetrics rules = TopKEvaluation.evaluate(calibration, holdout, TopKEvaluation.of(nbp), 3);
 * TopKMetrics popular = TopKEvaluation.evaluate(calibration, holdout,
 *         TopKEvaluation.popularity(calibration), 3);
 * }</pre>
 *
 * <p>Customers evaluated: those in the calibration map who bought at least one item in the
 * holdout that they did not own before. Stateless and thread-safe.
 */
public final class TopKEvaluation {
    private TopKEvaluation() {
    }

    /**
     * Something that recommends up to k items for a set of owned items.
     */
    @FunctionalInterface
    public interface Recommender {
        /**
         * Recommends items.
         *
         * @param owned the items owned, not null
         * @param k the number wanted, {@code >= 1}
         * @return at most k items not in {@code owned}, best first, never null
         */
        List<String> recommend(Set<String> owned, int k);
    }

    /**
     * Wraps a {@link NextBestProduct} (P(alive) = 1).
     *
     * @param nbp the recommender, not null
     * @return the recommender, never null
     */
    public static Recommender of(NextBestProduct nbp) {
        Objects.requireNonNull(nbp, "nbp");
        return (owned, k) -> nbp.recommend(owned, k).stream().map(Recommendation::item).toList();
    }

    /**
     * Returns the popularity baseline: items ranked by the number of customers who own them
     * in the calibration data (ties by item name), the first {@code k} not owned.
     *
     * @param calibration items owned by customer, not null
     * @return the baseline, never null
     */
    public static Recommender popularity(Map<?, ? extends Collection<String>> calibration) {
        Objects.requireNonNull(calibration, "calibration");
        Map<String, Integer> owners = new HashMap<>();
        calibration.values().forEach(items -> items.forEach(i -> owners.merge(i, 1, Integer::sum)));
        List<String> ranked = new ArrayList<>(owners.keySet());
        ranked.sort(Comparator.comparing((String i) -> -owners.get(i)).thenComparing(i -> i));
        List<String> order = List.copyOf(ranked);
        return (owned, k) -> {
            List<String> out = new ArrayList<>(k);
            for (String item : order) {
                if (out.size() == k) {
                    break;
                }
                if (!owned.contains(item)) {
                    out.add(item);
                }
            }
            return out;
        };
    }

    /**
     * Evaluates a recommender.
     *
     * @param <K> the customer key type
     * @param calibration items owned up to the calibration end, by customer, not null
     * @param holdout items bought after it, by customer, not null
     * @param recommender the recommender, not null
     * @param k the number of offers per customer, {@code >= 1}
     * @return the metrics, never null
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static <K> TopKMetrics evaluate(Map<K, ? extends Collection<String>> calibration,
            Map<K, ? extends Collection<String>> holdout, Recommender recommender, int k) {
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(holdout, "holdout");
        Objects.requireNonNull(recommender, "recommender");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        int customers = 0;
        double hits = 0;
        double precision = 0;
        double recall = 0;
        for (Map.Entry<K, ? extends Collection<String>> e : calibration.entrySet()) {
            Collection<String> later = holdout.get(e.getKey());
            if (later == null) {
                continue;
            }
            Set<String> owned = Set.copyOf(e.getValue());
            Set<String> relevant = new java.util.HashSet<>(later);
            relevant.removeAll(owned);
            if (relevant.isEmpty()) {
                continue;
            }
            List<String> offered = recommender.recommend(owned, k);
            int h = 0;
            for (int i = 0; i < Math.min(k, offered.size()); i++) {
                if (relevant.contains(offered.get(i))) {
                    h++;
                }
            }
            customers++;
            hits += h > 0 ? 1 : 0;
            precision += (double) h / k;
            recall += (double) h / relevant.size();
        }
        if (customers == 0) {
            return new TopKMetrics(k, 0, 0, 0, 0);
        }
        return new TopKMetrics(k, customers, hits / customers, precision / customers, recall / customers);
    }
}
