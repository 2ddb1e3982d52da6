/**
 * Prediction intervals for buy-till-you-die models: how uncertain the estimates are
 * ({@link org.crmkit.scoring.uncertainty.ParameterDraws} from the fitted covariance,
 * {@link org.crmkit.scoring.uncertainty.ParametricBootstrap}) and what that means for
 * per-customer expectations and for totals over a customer base
 * ({@link org.crmkit.scoring.uncertainty.PredictionIntervals}, results as
 * {@link org.crmkit.scoring.uncertainty.Interval}).
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
 * PredictionIntervals intervals = PredictionIntervals.of(ParameterDraws.fromFit(BgNbd.model(), fit, 200, 7L), 0.9);
 * Interval holdout = intervals.totalPurchases(durations, x, tx, age, true, 7L);
 * }</pre>
 */
package org.crmkit.scoring.uncertainty;
