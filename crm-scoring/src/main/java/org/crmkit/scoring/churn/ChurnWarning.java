package org.crmkit.scoring.churn;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One customer's churn warning: the model risk, P(alive), the level, the reasons and,
 * when a spend model was given, the expected value at risk.
 *
 * <pre>{@code
 * for (ChurnWarning w : scores.watchList(10)) {
 *     System.out.println(w.customerId() + " " + w.level() + " " + w.assessment().reasonCodes());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param risk the probability of no purchase in the window, in [0, 1]
 * @param probabilityAlive the model's P(alive), in [0, 1]
 * @param assessment the level and reasons, not null
 * @param valueAtRisk risk times the expected residual lifetime value, when known
 */
public record ChurnWarning(String customerId, double risk, double probabilityAlive, ChurnAssessment assessment,
        OptionalDouble valueAtRisk) {
    /** @throws IllegalArgumentException if a probability is out of range or the value negative */
    public ChurnWarning {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(valueAtRisk, "valueAtRisk");
        if (!(risk >= 0 && risk <= 1) || !(probabilityAlive >= 0 && probabilityAlive <= 1)) {
            throw new IllegalArgumentException("risk " + risk + " or P(alive) " + probabilityAlive
                    + " is not in [0, 1]");
        }
        if (valueAtRisk.isPresent() && (!(valueAtRisk.getAsDouble() >= 0)
                || Double.isInfinite(valueAtRisk.getAsDouble()))) {
            throw new IllegalArgumentException("value at risk " + valueAtRisk.getAsDouble() + " is not finite and >= 0");
        }
    }

    /**
     * Returns the warning level.
     *
     * @return the assessment's level, never null
     */
    public WarningLevel level() {
        return assessment.level();
    }

    /**
     * Returns the reasons.
     *
     * @return the assessment's reasons, never null
     */
    public List<ChurnReason> reasons() {
        return assessment.reasons();
    }
}
