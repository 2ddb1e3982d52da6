package org.crmkit.core.lifecycle;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An automatic rule: when a subject is in one of the given states and a signal meets a
 * condition, fire an event. Rules are how the lifecycle follows the data: "probability alive
 * below 0.3 in maturity fires {@code weaken}", "no purchase for 180 days fires {@code lapse}".
 *
 * <pre>{@code
 * Rule lapse = Rule.of("lapse-180", Rule.Condition.atLeast("days_since_last_purchase", 180),
 *         "lapse", "development", "maturity");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name      the rule's name, used in explanations, not blank
 * @param from      the states in which the rule applies; empty means every state in which the
 *                  event is allowed
 * @param event     the event fired when the condition holds, not blank
 * @param condition the condition, not null
 */
public record Rule(String name, Set<String> from, String event, Condition condition) {

    /**
     * Validates the components and copies the set (keeping its order).
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a name is blank
     */
    public Rule {
        Names.require(name, "rule name");
        from = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(from, "from")));
        from.forEach(s -> Names.require(s, "state"));
        Names.require(event, "event");
        Objects.requireNonNull(condition, "condition");
    }

    /**
     * Returns a rule.
     *
     * @param name      the rule's name, not blank
     * @param condition the condition, not null
     * @param event     the event to fire, not blank
     * @param from      the states in which it applies; none means wherever the event is allowed
     * @return the rule, never null
     * @throws IllegalArgumentException if a name is blank
     */
    public static Rule of(String name, Condition condition, String event, String... from) {
        return new Rule(name, new LinkedHashSet<>(Arrays.asList(from)), event, condition);
    }

    /**
     * Evaluates the condition.
     *
     * @param signals the subject's signals, not null
     * @return the evidence when the condition holds, empty when it does not or the signal is absent
     */
    public Optional<Evidence> evaluate(Signals signals) {
        return condition.test(name, Objects.requireNonNull(signals, "signals"));
    }

    /**
     * The evidence list of a move when the condition holds, else null (allocation-free then); for
     * a threshold the list builds its {@link Evidence.Numeric} on demand ({@link ThresholdEvidence}).
     * {@code daysInState} stands for the signal {@link Signals#DAYS_IN_STATE} unless NaN, so that
     * {@code advance} need not build an overlay of the signals per subject.
     */
    java.util.List<Evidence> matchEvidence(Signals signals, double daysInState) {
        if (condition instanceof Threshold t) {
            double v = t.reading(signals, daysInState);
            return t.comparison().test(v, t.threshold()) ? new ThresholdEvidence(name, t, v) : null;
        }
        Evidence e = ((OneOf) condition).match(name, signals);
        return e == null ? null : java.util.List.of(e);
    }

    /**
     * What a rule checks about one signal.
     *
     * <p>A condition whose signal is absent does not hold.
     */
    public sealed interface Condition permits Threshold, OneOf {

        /**
         * Returns the signal's name.
         *
         * @return the name, never null
         */
        String signal();

        /**
         * Returns {@code value < threshold}.
         *
         * @param signal    the signal's name, not blank
         * @param threshold the threshold, finite
         * @return the condition, never null
         */
        static Condition below(String signal, double threshold) {
            return new Threshold(signal, Comparison.BELOW, threshold);
        }

        /**
         * Returns {@code value <= threshold}.
         *
         * @param signal    the signal's name, not blank
         * @param threshold the threshold, finite
         * @return the condition, never null
         */
        static Condition atMost(String signal, double threshold) {
            return new Threshold(signal, Comparison.AT_MOST, threshold);
        }

        /**
         * Returns {@code value > threshold}.
         *
         * @param signal    the signal's name, not blank
         * @param threshold the threshold, finite
         * @return the condition, never null
         */
        static Condition above(String signal, double threshold) {
            return new Threshold(signal, Comparison.ABOVE, threshold);
        }

        /**
         * Returns {@code value >= threshold}.
         *
         * @param signal    the signal's name, not blank
         * @param threshold the threshold, finite
         * @return the condition, never null
         */
        static Condition atLeast(String signal, double threshold) {
            return new Threshold(signal, Comparison.AT_LEAST, threshold);
        }

        /**
         * Returns "the categorical signal is one of the values".
         *
         * @param signal the signal's name, not blank
         * @param values the matching categories, not empty
         * @return the condition, never null
         */
        static Condition oneOf(String signal, String... values) {
            return new OneOf(signal, new LinkedHashSet<>(Arrays.asList(values)));
        }

        /**
         * Tests the condition against a subject's signals.
         *
         * @param rule    the name of the rule, put into the evidence, not blank
         * @param signals the signals, not null
         * @return the evidence when the condition holds, empty when it does not or the signal is absent
         */
        Optional<Evidence> test(String rule, Signals signals);

        /**
         * Describes the condition, for example {@code p_alive < 0.3}.
         *
         * @return the description, never null
         */
        String describe();
    }

    /**
     * A numeric signal compared with a threshold.
     *
     * @param signal     the signal's name, not blank
     * @param comparison the comparison, not null
     * @param threshold  the threshold, finite
     */
    public record Threshold(String signal, Comparison comparison, double threshold) implements Condition {
        /**
         * Validates the components.
         *
         * @throws NullPointerException     if an argument is null
         * @throws IllegalArgumentException if the name is blank or the threshold not finite
         */
        public Threshold {
            Names.require(signal, "signal");
            Objects.requireNonNull(comparison, "comparison");
            Signals.requireFinite("threshold", threshold);
        }

        @Override
        public Optional<Evidence> test(String rule, Signals signals) {
            double v = reading(signals, Double.NaN);
            return comparison.test(v, threshold) ? Optional.of(new Evidence.Numeric(rule, signal, v, comparison, threshold))
                    : Optional.empty();
        }

        /**
         * The signal's value, {@code daysInState} for that signal unless NaN; NaN when absent, and
         * NaN fails every comparison, so an absent signal never matches.
         */
        double reading(Signals signals, double daysInState) {
            return !Double.isNaN(daysInState) && signal.equals(Signals.DAYS_IN_STATE) ? daysInState
                    : signals.numberOrNaN(signal);
        }

        @Override
        public String describe() {
            return signal + " " + comparison.symbol() + " " + Names.plain(threshold);
        }
    }

    /**
     * A categorical signal that must be one of the given values.
     *
     * @param signal the signal's name, not blank
     * @param values the matching categories, not empty
     */
    public record OneOf(String signal, Set<String> values) implements Condition {
        /**
         * Validates the components and copies the set (keeping its order).
         *
         * @throws NullPointerException     if an argument is null
         * @throws IllegalArgumentException if the name is blank or the set empty
         */
        public OneOf {
            Names.require(signal, "signal");
            values = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(values, "values")));
            if (values.isEmpty()) {
                throw new IllegalArgumentException("values of signal '" + signal + "' must not be empty");
            }
        }

        @Override
        public Optional<Evidence> test(String rule, Signals signals) {
            return Optional.ofNullable(match(rule, signals));
        }

        Evidence match(String rule, Signals signals) {
            String v = signals.categoryOrNull(signal);
            return v != null && values.contains(v) ? new Evidence.Categorical(rule, signal, v, values) : null;
        }

        @Override
        public String describe() {
            return signal + " in " + values;
        }
    }
}
