package org.crmkit.scoring.basket;

/**
 * Top-k accuracy of recommendations on a holdout period, averaged over customers.
 *
 * <p>For a customer with the set {@code R} of items first bought in the holdout (relevant
 * items) and the list {@code L} of at most {@code k} recommended items, with {@code h =
 * |L ∩ R|}: hit = 1 if {@code h > 0}; precision@k = {@code h / k}; recall@k = {@code h / |R|}
 * (Cremonesi, Koren and Turrin 2010, "Performance of recommender algorithms on top-N
 * recommendation tasks", RecSys; Herlocker et al. 2004). Precision divides by k even when
 * fewer items were offered.
 *
 * <pre>{@code
 * TopKMetrics m = TopKEvaluation.evaluate(calibration, holdout, TopKEvaluation.of(nbp), 3);
 * m.hitRate();   // share of customers with at least one hit in the top 3
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param k the number of offers per customer, {@code >= 1}
 * @param customers the customers evaluated (known before the holdout, with at least one
 *     new item in it), {@code >= 0}; with none, all rates are 0
 * @param hitRate the share of customers with at least one hit, in [0, 1]
 * @param precision the mean precision@k, in [0, 1]
 * @param recall the mean recall@k, in [0, 1]
 */
public record TopKMetrics(int k, int customers, double hitRate, double precision, double recall) {
    /**
     * Validates the metrics.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public TopKMetrics {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0: " + customers);
        }
        check(hitRate, "hit rate");
        check(precision, "precision");
        check(recall, "recall");
    }

    private static void check(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1]: " + v);
        }
    }
}
