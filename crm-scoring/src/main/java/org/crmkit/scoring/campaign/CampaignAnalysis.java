package org.crmkit.scoring.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.campaign.Arm;
import org.crmkit.core.campaign.Campaign;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.CurrencyMismatchException;
import org.crmkit.core.money.Money;

/**
 * Measures a crm-core {@link Campaign} from the activities of its customers: response
 * rate, cost per response, attributed revenue and margin, ROI, and against the control
 * group the lift in conversion and revenue per customer with confidence intervals,
 * incremental revenue and incremental ROI.
 *
 * <p>Attribution follows an {@link Attribution} rule. Formulas:
 * {@code ROI = (margin - cost) / cost} with {@code margin = marginRate x revenue}
 * (Kotler and Keller, <i>Marketing Management</i>, "return on marketing investment");
 * incremental figures as in {@link ArmComparison}, with the campaign's total cost.
 *
 * <pre>{@code
 * CampaignReport r = CampaignAnalysis.analyse(campaign, activities,
 *         Attribution.within(Duration.ofDays(30), ZoneOffset.UTC), 0.35, 0.95);
 * r.responseRate();
 * r.versusControl().map(c -> c.valueLift().interval());
 * r.incrementalRoi();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CampaignAnalysis {
    private CampaignAnalysis() {
    }

    /**
     * Analyses one campaign.
     *
     * @param campaign the campaign, not null
     * @param activities activities of (at least) the campaign's customers, not null; other
     *     customers' activities and other kinds of activity are ignored
     * @param rule the attribution rule, not null
     * @param marginRate the share of revenue that is margin, in [0, 1]
     * @param confidence the confidence level of the intervals, in (0, 1)
     * @return the report, never null
     * @throws IllegalArgumentException if the margin rate or confidence is out of range
     * @throws CurrencyMismatchException if an attributed purchase is not in the
     *     campaign's currency
     */
    public static CampaignReport analyse(Campaign campaign, Collection<? extends Activity> activities,
            Attribution rule, double marginRate, double confidence) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(rule, "rule");
        if (!(marginRate >= 0 && marginRate <= 1)) {
            throw new IllegalArgumentException("marginRate must be in [0, 1]: " + marginRate);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        Instant from = campaign.contactedAt(rule.zone());
        Instant to = from.plus(rule.window());
        var currency = campaign.fixedCost().currency();
        Set<CustomerId> responded = new HashSet<>();
        Map<CustomerId, BigDecimal> spend = new HashMap<>();
        for (Activity a : activities) {
            Objects.requireNonNull(a, "activity");
            Optional<Arm> arm = campaign.armOf(a.customerId());
            if (arm.isEmpty() || a.timestamp().isBefore(from) || !a.timestamp().isBefore(to)) {
                continue;
            }
            if (a instanceof CampaignResponse r && r.campaign().equals(campaign.id()) && arm.get() == Arm.TARGET) {
                responded.add(r.customerId());
            } else if (a instanceof Purchase p) {
                if (!p.amount().currency().equals(currency)) {
                    throw new CurrencyMismatchException(currency, p.amount().currency());
                }
                spend.merge(p.customerId(), p.amount().amount(), BigDecimal::add);
            }
        }
        BigDecimal revenue = BigDecimal.ZERO;
        for (CustomerId id : campaign.targets()) {
            revenue = revenue.add(spend.getOrDefault(id, BigDecimal.ZERO));
        }
        int digits = campaign.fixedCost().amount().scale();
        Money revenueMoney = Money.of(currency, revenue.setScale(digits, RoundingMode.HALF_EVEN));
        Money margin = Money.of(currency, revenue.multiply(BigDecimal.valueOf(marginRate))
                .setScale(digits, RoundingMode.HALF_EVEN));
        Money cost = campaign.totalCost();
        double costValue = cost.amount().doubleValue();
        OptionalDouble roi = costValue > 0
                ? OptionalDouble.of((margin.amount().doubleValue() - costValue) / costValue) : OptionalDouble.empty();
        Optional<ArmComparison> versus = Optional.empty();
        OptionalDouble incrementalRoi = OptionalDouble.empty();
        if (campaign.hasControl()) {
            ArmOutcome target = outcome(campaign.targets(), spend);
            ArmOutcome control = outcome(campaign.control(), spend);
            ArmComparison c = ArmComparison.of(target, control, confidence);
            versus = Optional.of(c);
            if (costValue > 0) {
                incrementalRoi = OptionalDouble.of((marginRate * c.incrementalValue() - costValue) / costValue);
            }
        }
        return new CampaignReport(campaign.id(), campaign.targets().size(), responded.size(), cost, revenueMoney,
                margin, roi, versus, incrementalRoi);
    }

    /** Conversion (a net purchase above zero in the window) and revenue per customer. */
    private static ArmOutcome outcome(Set<CustomerId> ids, Map<CustomerId, BigDecimal> spend) {
        ArmOutcome.Accumulator acc = ArmOutcome.accumulator();
        for (CustomerId id : ids) {
            BigDecimal s = spend.get(id);
            double v = s == null ? 0 : s.doubleValue();
            acc.add(s != null && s.signum() > 0, v);
        }
        return acc.snapshot();
    }
}
