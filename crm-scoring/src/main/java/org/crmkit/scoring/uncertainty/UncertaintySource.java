package org.crmkit.scoring.uncertainty;

/**
 * What an {@link Interval} lets vary: the model's parameters, the purchases themselves, the
 * value of each purchase.
 *
 * <pre>{@code
 * Interval total = intervals.totalPurchases(durations, x, tx, age, true, 7L);
 * total.includes(); // [PARAMETERS, PURCHASE_PROCESS]
 * }</pre>
 */
public enum UncertaintySource {
    /**
     * The estimates could have been different: the interval spreads over parameter draws
     * ({@link ParameterDraws}), from the fitted covariance or a parametric bootstrap.
     */
    PARAMETERS,
    /**
     * Given the parameters, how many purchases each customer makes is random: the interval
     * spreads over simulated purchase counts, not only over their expectations.
     */
    PURCHASE_PROCESS,
    /** Given the parameters and the counts, what each purchase is worth is random (Gamma-Gamma). */
    SPEND_PROCESS
}
