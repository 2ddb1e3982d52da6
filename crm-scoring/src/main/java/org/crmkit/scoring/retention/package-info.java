/**
 * Contractual retention: how many customers of a cohort renew, period after period, and what
 * an active customer is still worth at a renewal.
 *
 * <p>Two models of discrete renewal periods, fitted by maximum likelihood from a survival curve
 * or from per-cohort counts of customers still active ({@link SurvivalData}):
 * <ul>
 *   <li>{@link ShiftedBetaGeometric} (sBG; Fader and Hardie 2007, "How to project customer
 *       retention", Journal of Interactive Marketing 21(1), 76-90): each customer churns at a
 *       renewal with a constant probability, beta distributed across customers;</li>
 *   <li>{@link BetaDiscreteWeibull} (BdW; Fader, Hardie, Liu, Davin and Steenburgh 2018,
 *       "'How to project customer retention' revisited: the role of duration dependence",
 *       Journal of Interactive Marketing 43, 1-16): the same heterogeneity with an individual
 *       churn probability that rises ({@code c > 1}) or falls ({@code c < 1}) with tenure.</li>
 * </ul>
 * Entry points: {@link RetentionFitter#fit} gives a {@link RetentionFit} (estimates, standard
 * errors, log-likelihood); a {@link RetentionModel} projects survival, retention rates, expected
 * renewals and the discounted expected residual lifetime (DERL; Fader and Hardie 2010,
 * "Customer-base valuation in a contractual setting: the perils of ignoring heterogeneity",
 * Marketing Science 29(1), 85-93); {@link RetentionModelJson} stores a fit as JSON.
 *
 * <pre>{@code
 * SurvivalData regular = SurvivalData.ofCurve(1000, 631, 468, 382, 326, 289, 262, 241);
 * RetentionFit fit = RetentionFitter.fit(RetentionModelKind.SBG, regular);
 * double derl = fit.model().derl(0.10, 3);          // after 3 renewals, 10% per period
 * }</pre>
 */
package org.crmkit.scoring.retention;
