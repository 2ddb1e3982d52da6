/**
 * Marketing campaigns: who was targeted through which channel, at what cost, and who was
 * held out on purpose as a control group, so that responses and purchases can be
 * attributed and the campaign's return measured (crm-scoring's {@code campaign} package).
 *
 * <p>Entry point: {@link org.crmkit.core.campaign.Campaign#builder}.
 */
package org.crmkit.core.campaign;
