package org.crmkit.scoring.churn;

/**
 * One tenth of the customers ranked by score, highest first: the calibration, lift and
 * capture row of a {@link ChurnEvaluation}.
 *
 * <p>Customers with equal scores that straddle a decile boundary are shared between the two
 * deciles in proportion (the expected value under random tie-breaking), so
 * {@code churners} may be fractional.
 *
 * <pre>{@code
 * DecileRow top = evaluation.deciles().get(0);
 * top.lift();      // observed churn rate of the top decile over the overall rate
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param decile 1 for the highest scores .. 10
 * @param customers customers in the decile
 * @param churners churners in the decile (expected under random tie-breaking)
 * @param meanScore mean score of the decile (the mean predicted churn probability for a
 *     probability score)
 * @param observedRate churners / customers, 0 for an empty decile
 * @param lift observed rate over the overall churn rate
 * @param capture share of all churners in deciles 1..decile (cumulative)
 */
public record DecileRow(int decile, int customers, double churners, double meanScore, double observedRate,
        double lift, double capture) {
    /** @throws IllegalArgumentException if a value is out of range */
    public DecileRow {
        if (decile < 1 || decile > 10 || customers < 0 || !(churners >= 0) || churners > customers + 1e-9) {
            throw new IllegalArgumentException("decile " + decile + " with " + customers + " customers and "
                    + churners + " churners is invalid");
        }
        if (!Double.isFinite(meanScore) || !Double.isFinite(observedRate) || !Double.isFinite(lift)
                || !(capture >= 0 && capture <= 1 + 1e-9)) {
            throw new IllegalArgumentException("decile " + decile + ": non-finite or out-of-range statistics");
        }
    }
}
