/**
 * Satisfaction and net promoter analytics over crm-core's
 * {@link org.crmkit.core.activity.SatisfactionSurvey}s: the satisfaction index
 * {@code C = b / a} (perceived experience over expectation) per survey, per customer and
 * per group, and the net promoter score with its variance and confidence intervals.
 *
 * <p>Entry points: {@link org.crmkit.scoring.satisfaction.NetPromoterScore},
 * {@link org.crmkit.scoring.satisfaction.SatisfactionIndex},
 * {@link org.crmkit.scoring.satisfaction.ReportingPeriod}.
 */
package org.crmkit.scoring.satisfaction;
