package org.crmkit.core.segment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A constant operand of a comparison: a number, a text, a boolean or a date.
 *
 * <p>In JSON a number is a JSON number, a text a JSON string, a boolean a JSON boolean and a date
 * a JSON string {@code yyyy-MM-dd} (read as a date where the attribute is a DATE).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Literal permits Literal.Number, Literal.Text, Literal.Flag, Literal.Day {

    /**
     * Returns a number literal.
     *
     * @param value the value, finite
     * @return the literal, never null
     * @throws IllegalArgumentException if the value is not finite
     */
    static Literal of(double value) {
        return new Number(value);
    }

    /**
     * Returns a text literal.
     *
     * @param value the value, not null
     * @return the literal, never null
     */
    static Literal of(String value) {
        return new Text(value);
    }

    /**
     * Returns a boolean literal.
     *
     * @param value the value
     * @return the literal, never null
     */
    static Literal of(boolean value) {
        return new Flag(value);
    }

    /**
     * Returns a date literal.
     *
     * @param value the date, not null
     * @return the literal, never null
     */
    static Literal of(LocalDate value) {
        return new Day(value);
    }

    /**
     * A finite number; {@code equals} compares with {@link Double#compare}.
     *
     * @param value the value, finite
     */
    record Number(double value) implements Literal {
        /**
         * Validates the value.
         *
         * @param value the value, see the record
         * @throws IllegalArgumentException if the value is NaN or infinite
         */
        public Number {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("number literal must be finite, was " + value);
            }
            value += 0.0; // -0.0 becomes 0.0: they compare equal in rules, so they are one literal
        }

        @Override
        public String toString() {
            return Rules.formatNumber(value);
        }
    }

    /**
     * A text.
     *
     * @param value the text, not null
     */
    record Text(String value) implements Literal {
        /**
         * Validates the value.
         *
         * @param value the value, see the record
         */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "'" + value + "'";
        }
    }

    /**
     * A boolean.
     *
     * @param value the value
     */
    record Flag(boolean value) implements Literal {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A calendar date.
     *
     * @param value the date, not null
     */
    record Day(LocalDate value) implements Literal {
        /**
         * Validates the value.
         *
         * @param value the value, see the record
         */
        public Day {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }
}
