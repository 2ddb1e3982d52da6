package org.crmkit.scoring.btyd;

/**
 * What the input of a spend model ({@link GammaGamma}) does with a repeat customer whose
 * mean repeat spend is zero or negative (for example returns that cancel the purchases, as
 * for customer 10244 of the full CDNOW data). The Gamma-Gamma likelihood is defined only
 * for a positive mean spend, so such a customer can be neither fitted nor ignored silently.
 *
 * <pre>{@code
 * BtydData spend = BtydData.forSpendModel(summaries, NonPositiveSpendPolicy.EXCLUDE);
 * FitResult<GammaGamma> fit = BtydFitter.standard().fit(GammaGamma.model(), spend);
 * fit.excludedCustomers(); // how many were left out
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum NonPositiveSpendPolicy {
    /**
     * Refuse the data with an {@link InvalidSummaryException} naming the row and customer of
     * the first such customer (the default of the {@code crm fit} command).
     */
    REJECT,
    /**
     * Leave such customers out of the spend model's input and count them:
     * {@link BtydData#excludedCustomers()} and {@link FitResult#excludedCustomers()} report
     * the number, and {@link FitResult#convergence()} mentions it.
     */
    EXCLUDE
}
