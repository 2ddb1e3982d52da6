package org.crmkit.scoring.churn;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of {@link WarningPolicy#assess}: a warning level and the reasons for it.
 *
 * <pre>{@code
 * ChurnAssessment a = WarningPolicy.defaults().assess(0.97, 0.1, 39, 1, 2, 38, ChurnEvidence.none());
 * a.level();        // CRITICAL
 * a.reasonCodes();  // "model_risk;hiatus"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param level the level, not null
 * @param reasons the reasons, model risk first, not null
 */
public record ChurnAssessment(WarningLevel level, List<ChurnReason> reasons) {
    /** @throws NullPointerException if a component is null */
    public ChurnAssessment {
        Objects.requireNonNull(level, "level");
        reasons = List.copyOf(reasons);
    }

    /**
     * Returns the reason codes joined with {@code ;}, as in the {@code reasons} column of
     * {@code crm churn score}.
     *
     * @return the codes, empty when there is no reason, never null
     */
    public String reasonCodes() {
        return reasons.stream().map(ChurnReason::code).collect(Collectors.joining(";"));
    }
}
