package org.crmkit.core.lifecycle;

import java.util.Objects;
import java.util.Set;
import org.crmkit.core.customer.PersonalData;

/**
 * A signal reading that drove a move: which rule, which signal, the observed value and the
 * condition it met. Kept in the history with each move.
 *
 * <pre>{@code
 * Evidence e = new Evidence.Numeric("low-p-alive", "p_alive", 0.12, Comparison.BELOW, 0.3);
 * e.explain(); // "p_alive = 0.12 < 0.3"
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code equals} of {@link Numeric} compares doubles as
 * {@link Double#compare} does (record semantics).
 */
public sealed interface Evidence permits Evidence.Numeric, Evidence.Categorical {

    /**
     * Returns the name of the rule that matched, or a caller's label for manual evidence.
     *
     * @return the rule's name, never null
     */
    String rule();

    /**
     * Returns the name of the signal.
     *
     * @return the signal's name, never null
     */
    String signal();

    /**
     * Explains the evidence in one line.
     *
     * @return the explanation, for example {@code days_since_last_purchase = 200 >= 180}
     */
    String explain();

    /**
     * A numeric signal compared with a threshold.
     *
     * @param rule       the rule's name, not blank
     * @param signal     the signal's name, not blank
     * @param value      the observed value, finite
     * @param comparison the comparison, not null
     * @param threshold  the threshold, finite
     */
    record Numeric(String rule, String signal, double value, Comparison comparison, double threshold)
            implements Evidence {
        /**
         * Validates the components.
         *
         * @throws NullPointerException     if an argument is null
         * @throws IllegalArgumentException if a name is blank or a number not finite
         */
        public Numeric {
            Names.require(rule, "rule");
            Names.require(signal, "signal");
            Objects.requireNonNull(comparison, "comparison");
            Signals.requireFinite(signal, value);
            Signals.requireFinite("threshold", threshold);
        }

        @Override
        public String explain() {
            return signal + " = " + Names.plain(value) + " " + comparison.symbol() + " " + Names.plain(threshold);
        }
    }

    /**
     * A categorical signal, such as an RFM segment, found in a set of values.
     *
     * @param rule     the rule's name, not blank
     * @param signal   the signal's name, not blank
     * @param value    the observed category, not null
     * @param expected the categories that the rule matches, not empty
     */
    record Categorical(String rule, String signal, String value, Set<String> expected) implements Evidence {
        /**
         * Validates the components and copies the set.
         *
         * @throws NullPointerException     if an argument is null
         * @throws IllegalArgumentException if a name is blank or the set empty
         */
        public Categorical {
            Names.require(rule, "rule");
            Names.require(signal, "signal");
            Objects.requireNonNull(value, "value");
            expected = Set.copyOf(expected);
            if (expected.isEmpty()) {
                throw new IllegalArgumentException("expected categories must not be empty");
            }
        }

        @Override
        public String explain() {
            java.util.TreeSet<String> shown = new java.util.TreeSet<>();
            expected.forEach(e -> shown.add(PersonalData.mask(e)));
            return signal + " = '" + PersonalData.mask(value) + "' in " + shown;
        }
    }
}
