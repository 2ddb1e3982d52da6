package org.crmkit.scoring.campaign;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.money.Money;

/**
 * The measured result of one campaign (see {@link CampaignAnalysis} for how each number is
 * attributed).
 *
 * <p>Response rate and cost per response count the targets'
 * {@link org.crmkit.core.activity.CampaignResponse}s of the campaign; revenue, margin and
 * ROI come from the targets' purchases in the attribution window; the comparison with the
 * control group uses the outcome both groups can have: at least one purchase in the
 * window (conversion) and revenue per customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param campaignId the campaign, not null
 * @param targets the number of targeted customers, at least 1
 * @param responders targets with at least one response to the campaign in the window
 * @param cost the total cost, not null
 * @param revenue the targets' net purchases in the window, not null
 * @param margin revenue times the margin rate, not null
 * @param roi {@code (margin - cost) / cost}, empty when the cost is 0
 * @param versusControl the targets against the control group, empty without a control group
 * @param incrementalRoi {@code (margin rate x incremental revenue - cost) / cost}, empty
 *     without a control group or cost
 */
public record CampaignReport(String campaignId, long targets, long responders, Money cost, Money revenue,
        Money margin, OptionalDouble roi, Optional<ArmComparison> versusControl, OptionalDouble incrementalRoi) {
    /**
     * Validates the components.
     *
     * @param campaignId see the record component
     * @param targets see the record component
     * @param responders see the record component
     * @param cost see the record component
     * @param revenue see the record component
     * @param margin see the record component
     * @param roi see the record component
     * @param versusControl see the record component
     * @param incrementalRoi see the record component
     * @throws IllegalArgumentException if the counts are out of range
     */
    public CampaignReport {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(roi, "roi");
        Objects.requireNonNull(versusControl, "versusControl");
        Objects.requireNonNull(incrementalRoi, "incrementalRoi");
        if (targets < 1 || responders < 0 || responders > targets) {
            throw new IllegalArgumentException("invalid counts: targets " + targets + ", responders " + responders);
        }
    }

    /**
     * Returns the share of targets who responded.
     *
     * @return the response rate in [0, 1]
     */
    public double responseRate() {
        return (double) responders / targets;
    }

    /**
     * Returns the cost per responder.
     *
     * @return the cost per response, empty when nobody responded
     */
    public Optional<Money> costPerResponse() {
        if (responders == 0) {
            return Optional.empty();
        }
        return Optional.of(Money.of(cost.currency(), cost.amount().divide(java.math.BigDecimal.valueOf(responders),
                cost.amount().scale(), java.math.RoundingMode.HALF_EVEN)));
    }
}
