/**
 * What customers do and what is done with them: purchases (with returns), interactions,
 * campaign responses, complaints, service requests and satisfaction surveys.
 *
 * <p>Entry point: the sealed interface {@link org.crmkit.core.activity.Activity} and its
 * records {@link org.crmkit.core.activity.Purchase}, {@link org.crmkit.core.activity.Interaction},
 * {@link org.crmkit.core.activity.CampaignResponse}, {@link org.crmkit.core.activity.Complaint},
 * {@link org.crmkit.core.activity.ServiceRequest} and
 * {@link org.crmkit.core.activity.SatisfactionSurvey}. All are immutable and thread-safe.
 */
package org.crmkit.core.activity;
