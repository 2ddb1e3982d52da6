package org.crmkit.scoring.churn;

import java.util.Objects;
import org.crmkit.core.lifecycle.Signals;
import org.crmkit.core.lifecycle.StandardLifecycles;
import org.crmkit.scoring.loyalty.LoyaltyLevel;

/**
 * The adapter from scores to lifecycles: turns a churn warning (risk, P(alive), level) and a
 * loyalty level into lifecycle {@link Signals}, so that a {@code LifecyclePolicy} moves
 * customers on them.
 *
 * <p>Signals written (numbers):
 * <ul>
 *   <li>{@value #CHURN_RISK}: the probability of no purchase in the window, in [0, 1];</li>
 *   <li>{@value #CHURN_LEVEL} ({@link StandardLifecycles#CHURN_LEVEL}): the warning level,
 *       0 none, 1 watch, 2 warning, 3 critical;</li>
 *   <li>{@value #P_ALIVE} ({@link StandardLifecycles#P_ALIVE}): the model's P(alive);</li>
 *   <li>{@value #LOYALTY_LEVEL}: the loyalty level, 3 absolute, 2 strong, 1 medium, 0 none
 *       (only when a level is given).</li>
 * </ul>
 * The built-in relationship policy ({@link StandardLifecycles#relationshipPolicy()}) moves a
 * developing or mature customer to {@code decline} when {@code churn_level >= 2} and back to
 * {@code development} when {@code churn_level < 1}. Because the level includes the hiatus
 * reason (a pause of twice the customer's usual gap raises it), a customer kept in decline by
 * a long pause does not bounce back while the pause lasts.
 *
 * <pre>{@code
 * Signals s = ChurnSignals.of(scores.warning(i));
 * Signals both = ChurnSignals.with(timeline.signalsAt(asOf), scores.warning(i), LoyaltyLevel.STRONG);
 * tracker.applySignals(customerId, subject, context, both, asOf);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ChurnSignals {

    /** Signal name of the churn risk. */
    public static final String CHURN_RISK = "churn_risk";
    /** Signal name of the warning level (0..3). */
    public static final String CHURN_LEVEL = StandardLifecycles.CHURN_LEVEL;
    /** Signal name of P(alive). */
    public static final String P_ALIVE = StandardLifecycles.P_ALIVE;
    /** Signal name of the loyalty level (0..3). */
    public static final String LOYALTY_LEVEL = "loyalty_level";

    private ChurnSignals() {
    }

    /**
     * Returns the signals of a warning.
     *
     * @param warning the warning, not null
     * @return churn_risk, churn_level and p_alive, never null
     */
    public static Signals of(ChurnWarning warning) {
        return with(Signals.empty(), warning);
    }

    /**
     * Returns base signals with those of a warning added (replacing equal names).
     *
     * @param base the signals to extend, e.g. purchase recency, not null
     * @param warning the warning, not null
     * @return the extended signals, never null
     */
    public static Signals with(Signals base, ChurnWarning warning) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(warning, "warning");
        return base.withNumber(CHURN_RISK, warning.risk())
                .withNumber(CHURN_LEVEL, levelValue(warning.level()))
                .withNumber(P_ALIVE, warning.probabilityAlive());
    }

    /**
     * Returns base signals with a warning and a loyalty level added.
     *
     * @param base the signals to extend, not null
     * @param warning the warning, not null
     * @param loyalty the loyalty level, not null
     * @return the extended signals, never null
     */
    public static Signals with(Signals base, ChurnWarning warning, LoyaltyLevel loyalty) {
        return with(base, warning).withNumber(LOYALTY_LEVEL, loyaltyValue(loyalty));
    }

    /**
     * Returns the number published for a warning level: its position, 0 for none .. 3 for critical.
     *
     * @param level the level, not null
     * @return 0..3
     */
    public static int levelValue(WarningLevel level) {
        return Objects.requireNonNull(level, "level").ordinal();
    }

    /**
     * Returns the number published for a loyalty level: 3 absolute, 2 strong, 1 medium, 0 none.
     *
     * @param level the level, not null
     * @return 0..3
     */
    public static int loyaltyValue(LoyaltyLevel level) {
        return LoyaltyLevel.NONE.ordinal() - Objects.requireNonNull(level, "level").ordinal();
    }
}
