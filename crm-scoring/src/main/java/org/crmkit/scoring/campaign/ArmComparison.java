package org.crmkit.scoring.campaign;

import java.util.Objects;
import java.util.OptionalDouble;
import org.crmkit.scoring.inference.Difference;

/**
 * One arm of a campaign against its control group: the lift in response rate and in value
 * per customer with confidence intervals, and the incremental value and return.
 *
 * <p>Definitions (written down because tools differ):
 * <ul>
 *   <li>rate lift = {@code p_arm - p_control}, the absolute difference of the response
 *       rates, with the Wald (normal-approximation) standard error
 *       {@code sqrt(p1 (1 - p1) / n1 + p0 (1 - p0) / n0)} of two independent proportions
 *       (Agresti, <i>Categorical Data Analysis</i>, 3rd ed., section 3.1.2);</li>
 *   <li>value lift = {@code mean_arm - mean_control}, the difference of the mean values
 *       per customer, with the unequal-variance (Welch) standard error
 *       {@code sqrt(s1^2 / n1 + s0^2 / n0)} and a normal critical value (large samples);</li>
 *   <li>incremental value = value lift x n_arm: the value the contacts added over what the
 *       same customers would have brought without the campaign;</li>
 *   <li>incremental ROI = {@code (margin x incremental value - cost) / cost} with
 *       {@code cost = costPerContact x n_arm} (plus a fixed cost if given).</li>
 * </ul>
 * Both arms need at least one customer. With fewer than two customers in an arm its value
 * variance is taken as 0; intervals are then only as good as the sample.
 *
 * <pre>{@code
 * ArmComparison c = ArmComparison.of(target, control, 0.95);
 * c.rateLift().estimate();            // 0.04: four points more responded
 * c.rateLift().interval();            // [0.021, 0.059]
 * c.incrementalRoi(0.5, 0.0, 0.3);    // (0.3 x incremental value - 0.5 x n) / (0.5 x n)
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param arm the arm's outcome, not null, not empty
 * @param control the control group's outcome, not null, not empty
 * @param rateLift the difference of the response rates, not null
 * @param valueLift the difference of the mean values per customer, not null
 */
public record ArmComparison(ArmOutcome arm, ArmOutcome control, Difference rateLift, Difference valueLift) {
    /**
     * Validates the components.
     *
     * @param arm see the record component
     * @param control see the record component
     * @param rateLift see the record component
     * @param valueLift see the record component
     * @throws NullPointerException if a component is null
     */
    public ArmComparison {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(rateLift, "rateLift");
        Objects.requireNonNull(valueLift, "valueLift");
    }

    /**
     * Compares an arm with the control group.
     *
     * @param arm the arm's outcome, not null, n at least 1
     * @param control the control group's outcome, not null, n at least 1
     * @param confidence the confidence level of the intervals, in (0, 1)
     * @return the comparison, never null
     * @throws IllegalArgumentException if an arm is empty or the confidence is out of range
     */
    public static ArmComparison of(ArmOutcome arm, ArmOutcome control, double confidence) {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(control, "control");
        if (arm.n() == 0 || control.n() == 0) {
            throw new IllegalArgumentException("both arms need customers: arm " + arm.n() + ", control "
                    + control.n());
        }
        double p1 = arm.responseRate();
        double p0 = control.responseRate();
        Difference rate = Difference.of(p1, Math.sqrt(p1 * (1 - p1) / arm.n()), p0,
                Math.sqrt(p0 * (1 - p0) / control.n()), confidence);
        Difference value = Difference.of(arm.valuePerCustomer(), Math.sqrt(arm.valueVariance() / arm.n()),
                control.valuePerCustomer(), Math.sqrt(control.valueVariance() / control.n()), confidence);
        return new ArmComparison(arm, control, rate, value);
    }

    /**
     * Returns the incremental value: value lift times the arm's customers.
     *
     * @return the incremental value, finite
     */
    public double incrementalValue() {
        return valueLift.estimate() * arm.n();
    }

    /**
     * Returns the incremental number of responders: rate lift times the arm's customers.
     *
     * @return the incremental responders, finite
     */
    public double incrementalResponders() {
        return rateLift.estimate() * arm.n();
    }

    /**
     * Returns the incremental return on the arm's cost:
     * {@code (margin x incrementalValue - cost) / cost} with
     * {@code cost = fixedCost + costPerContact x n_arm}.
     *
     * @param costPerContact the cost of one contact, finite, not negative
     * @param fixedCost the fixed cost of the arm, finite, not negative
     * @param margin the share of value that is margin, in [0, 1] (1 when the value already
     *     is margin)
     * @return the ROI, empty when the cost is 0
     * @throws IllegalArgumentException if an argument is out of range
     */
    public OptionalDouble incrementalRoi(double costPerContact, double fixedCost, double margin) {
        if (!Double.isFinite(costPerContact) || costPerContact < 0 || !Double.isFinite(fixedCost) || fixedCost < 0) {
            throw new IllegalArgumentException("costs must be finite and not negative: " + costPerContact + ", "
                    + fixedCost);
        }
        if (!(margin >= 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1]: " + margin);
        }
        double cost = fixedCost + costPerContact * arm.n();
        if (cost == 0) {
            return OptionalDouble.empty();
        }
        double roi = (margin * incrementalValue() - cost) / cost;
        return Double.isFinite(roi) ? OptionalDouble.of(roi) : OptionalDouble.empty();
    }
}
