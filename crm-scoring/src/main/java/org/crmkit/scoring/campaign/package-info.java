/**
 * Campaign response and return on marketing: response rates, attributed revenue, ROI,
 * and, against a control group held out on purpose, incremental effects with confidence
 * intervals; evaluation of targeting (uplift) models by decile, uplift at k and the Qini
 * curve; and the lead funnel from trade-show or web lead to first purchase.
 *
 * <p>Entry points: {@link org.crmkit.scoring.campaign.CampaignAnalysis} (crm-core
 * {@link org.crmkit.core.campaign.Campaign}s and activities),
 * {@link org.crmkit.scoring.campaign.ArmOutcome} and
 * {@link org.crmkit.scoring.campaign.ArmComparison} (any arm-versus-control table, as
 * {@code crm campaign} reads it), {@link org.crmkit.scoring.campaign.UpliftEvaluation},
 * {@link org.crmkit.scoring.campaign.LeadFunnel}.
 */
package org.crmkit.scoring.campaign;
