/**
 * What the diagnostic charts of customer-value models show, as immutable plot data without
 * any charting dependency: a Java user can take the numbers to any charting tool, and the
 * {@code crm plot} command line draws them.
 *
 * <p>Entry points, one per chart:
 * <ul>
 *   <li>{@link org.crmkit.scoring.diagnostics.TrackingCurve}: actual versus expected repeat
 *       transactions per period of a cohort, incremental and cumulative;</li>
 *   <li>{@link org.crmkit.scoring.diagnostics.PeriodTransactions}: customers by number of
 *       repeat purchases, actual, expected and simulated;</li>
 *   <li>{@link org.crmkit.scoring.diagnostics.CalibrationHoldout}: mean holdout purchases by
 *       calibration frequency, actual versus predicted;</li>
 *   <li>{@link org.crmkit.scoring.diagnostics.FrequencyRecencyMatrix}: expected purchases or
 *       P(alive) over frequency and recency;</li>
 *   <li>{@link org.crmkit.scoring.diagnostics.AlivePath}: P(alive) of one customer over time;</li>
 *   <li>{@link org.crmkit.scoring.diagnostics.RfmHeatmap}: mean monetary value by R and F score;</li>
 *   <li>{@link org.crmkit.scoring.diagnostics.LorenzChart}: Lorenz curve, Gini and ABC shares;</li>
 *   <li>{@link org.crmkit.scoring.diagnostics.GainChart}: churn gain and lift curves;</li>
 *   <li>{@link org.crmkit.scoring.diagnostics.RuleScatter}: association rules by support,
 *       confidence and lift.</li>
 * </ul>
 * Each returns its numbers as a {@link org.crmkit.scoring.diagnostics.PlotTable} too.
 *
 * <pre>{@code
 * TrackingCurve t = TrackingCurve.of(model, log, TimeUnit.WEEKS, calibrationEnd, observationEnd);
 * PlotTable weekly = t.table(false);
 * }</pre>
 */
package org.crmkit.scoring.diagnostics;
