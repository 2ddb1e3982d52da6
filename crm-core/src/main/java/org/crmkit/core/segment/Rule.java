package org.crmkit.core.segment;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A segmentation rule: a tree of {@code all} / {@code any} / {@code not} over comparisons.
 *
 * <p>Rules are plain values: build them with {@link Rules}, read and write them as JSON with
 * {@link RuleJson}, and compile them against an {@link AttributeRegistry} with
 * {@link CompiledRule#compile(Rule, AttributeRegistry)}, which checks names, types and patterns.
 * Construction enforces only the structure: nesting at most {@link Rules#MAX_DEPTH} levels (so
 * no later recursion over a rule can overflow the stack), non-empty {@code all}/{@code any}, and
 * the number of values each operator takes.
 *
 * <pre>{@code
 * Rule adultsInNorth = Rules.all(
 *     Rules.attribute("age").isAtLeast(18),
 *     Rules.attribute("region").isIn("north", "north-east"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Rule permits Rule.All, Rule.Any, Rule.Not, Rule.Compare {

    /**
     * Returns the nesting depth: 1 for a comparison, one more than the deepest child otherwise.
     *
     * @return the depth, 1 .. {@link Rules#MAX_DEPTH}
     */
    int depth();

    /**
     * Conjunction: TRUE when every rule is TRUE, FALSE when any is FALSE, otherwise UNKNOWN.
     *
     * @param rules the rules, 1 .. {@link Rules#MAX_CHILDREN}
     */
    record All(List<Rule> rules) implements Rule {
        /**
         * Validates the structure.
         *
         * @param rules the rules, see the record
         * @throws IllegalArgumentException if empty, too wide or too deep
         */
        public All {
            rules = Rules.checkChildren("all", rules);
        }

        @Override
        public int depth() {
            return Rules.childDepth(rules) + 1;
        }

        @Override
        public String toString() {
            return rules.stream().map(Rule::toString).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    /**
     * Disjunction: TRUE when any rule is TRUE, FALSE when every one is FALSE, otherwise UNKNOWN.
     *
     * @param rules the rules, 1 .. {@link Rules#MAX_CHILDREN}
     */
    record Any(List<Rule> rules) implements Rule {
        /**
         * Validates the structure.
         *
         * @param rules the rules, see the record
         * @throws IllegalArgumentException if empty, too wide or too deep
         */
        public Any {
            rules = Rules.checkChildren("any", rules);
        }

        @Override
        public int depth() {
            return Rules.childDepth(rules) + 1;
        }

        @Override
        public String toString() {
            return rules.stream().map(Rule::toString).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    /**
     * Negation: swaps TRUE and FALSE, keeps UNKNOWN.
     *
     * @param rule the negated rule, not null
     */
    record Not(Rule rule) implements Rule {
        /**
         * Validates the structure.
         *
         * @param rule the rule, see the record
         * @throws IllegalArgumentException if too deep
         */
        public Not {
            Objects.requireNonNull(rule, "rule");
            Rules.checkDepth(rule.depth() + 1);
        }

        @Override
        public int depth() {
            return rule.depth() + 1;
        }

        @Override
        public String toString() {
            return "not " + rule;
        }
    }

    /**
     * A comparison of an operand with literal values, e.g. {@code age >= 18}.
     *
     * <p>UNKNOWN when the operand is absent, except for {@code present} and {@code absent}.
     *
     * @param operand the attribute or aggregate compared, not null
     * @param operator the operator, not null
     * @param values the literal values, as many as the operator takes
     */
    record Compare(Operand operand, Operator operator, List<Literal> values) implements Rule {
        /**
         * Validates the structure.
         *
         * @param operand the operand, see the record
         * @param operator the operator, see the record
         * @param values the values, see the record
         * @throws IllegalArgumentException if the number of values does not suit the operator
         */
        public Compare {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
            if (values.size() < operator.minValues() || values.size() > operator.maxValues()) {
                throw new IllegalArgumentException("operator '" + operator.symbol() + "' takes "
                        + (operator.minValues() == operator.maxValues() ? String.valueOf(operator.minValues())
                                : "at least " + operator.minValues())
                        + " value(s), got " + values.size());
            }
            if (values.size() > Rules.MAX_CHILDREN) {
                throw new IllegalArgumentException("at most " + Rules.MAX_CHILDREN + " values, got "
                        + values.size());
            }
        }

        @Override
        public int depth() {
            return 1;
        }

        @Override
        public String toString() {
            return Rules.describe(this);
        }
    }
}
