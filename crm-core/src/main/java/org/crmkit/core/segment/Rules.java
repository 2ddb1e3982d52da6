package org.crmkit.core.segment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The fluent Java way to write rules, and the limits of the rule language.
 *
 * <pre>{@code
 * Rule loyalBookBuyer = Rules.all(
 *     Rules.attribute("consent_email").isEqualTo(true),
 *     Rules.purchases().lastDays(365).inCategories("books").count().isAtLeast(3),
 *     Rules.not(Rules.attribute("email").matches(".*@example\\.com")));
 * }</pre>
 *
 * <p>Limits (enforced when building, loading or compiling a rule):
 * <ul>
 *   <li>{@link #MAX_DEPTH}: rules nest at most 32 levels ({@code all}/{@code any}/{@code not}
 *       each add one level; a comparison is one level);</li>
 *   <li>{@link #MAX_CHILDREN}: an {@code all}/{@code any} has at most 1,000 rules, an
 *       {@code in} at most 1,000 values;</li>
 *   <li>{@link #MAX_PATTERN_LENGTH}: a regular expression has at most 200 characters and may
 *       contain neither back-references nor a quantified group that itself contains a quantifier
 *       (the shapes behind catastrophic backtracking in {@link java.util.regex});</li>
 *   <li>{@link #MAX_MATCH_INPUT_LENGTH}: a {@code matches} against a text longer than 1,000
 *       characters is UNKNOWN rather than run;</li>
 *   <li>{@link #MAX_WINDOW_DAYS}: an aggregate window is 1 .. 36,600 days.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Rules {

    /** Greatest nesting depth of a rule. */
    public static final int MAX_DEPTH = 32;
    /** Greatest number of rules in an all/any, and of values in an in/not_in. */
    public static final int MAX_CHILDREN = 1_000;
    /** Greatest length of a regular expression in characters. */
    public static final int MAX_PATTERN_LENGTH = 200;
    /** Longest text a regular expression is run against; longer texts give UNKNOWN. */
    public static final int MAX_MATCH_INPUT_LENGTH = 1_000;
    /** Longest aggregate window in days (about 100 years). */
    public static final int MAX_WINDOW_DAYS = 36_600;

    private Rules() {
    }

    /**
     * Starts a comparison on an attribute.
     *
     * @param name the attribute name, not null
     * @return a term to compare, never null
     */
    public static Term attribute(String name) {
        return new Term(new Operand.AttributeRef(name));
    }

    /**
     * Starts a windowed aggregate over purchases.
     *
     * @return an aggregate builder, never null
     */
    public static AggregateBuilder purchases() {
        return new AggregateBuilder(Operand.Source.PURCHASES);
    }

    /**
     * Starts a windowed aggregate over interactions.
     *
     * @return an aggregate builder, never null
     */
    public static AggregateBuilder interactions() {
        return new AggregateBuilder(Operand.Source.INTERACTIONS);
    }

    /**
     * Returns the conjunction of rules.
     *
     * @param rules the rules, 1 .. MAX_CHILDREN
     * @return the rule, never null
     * @throws IllegalArgumentException if empty, too wide or too deep
     */
    public static Rule all(Rule... rules) {
        return new Rule.All(Arrays.asList(rules));
    }

    /**
     * Returns the disjunction of rules.
     *
     * @param rules the rules, 1 .. MAX_CHILDREN
     * @return the rule, never null
     * @throws IllegalArgumentException if empty, too wide or too deep
     */
    public static Rule any(Rule... rules) {
        return new Rule.Any(Arrays.asList(rules));
    }

    /**
     * Returns the negation of a rule.
     *
     * @param rule the rule, not null
     * @return the rule, never null
     * @throws IllegalArgumentException if too deep
     */
    public static Rule not(Rule rule) {
        return new Rule.Not(rule);
    }

    static List<Rule> checkChildren(String kind, List<Rule> rules) {
        Objects.requireNonNull(rules, "rules");
        for (int i = 0; i < rules.size(); i++) {
            Objects.requireNonNull(rules.get(i), "rules[" + i + "]");
        }
        List<Rule> copy = List.copyOf(rules);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("'" + kind + "' needs at least one rule");
        }
        if (copy.size() > MAX_CHILDREN) {
            throw new IllegalArgumentException("'" + kind + "' has " + copy.size() + " rules, at most "
                    + MAX_CHILDREN + " allowed");
        }
        checkDepth(childDepth(copy) + 1);
        return copy;
    }

    static int childDepth(List<Rule> rules) {
        int d = 0;
        for (Rule r : rules) {
            d = Math.max(d, r.depth());
        }
        return d;
    }

    static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("rule nesting depth " + depth + " exceeds the limit of "
                    + MAX_DEPTH);
        }
    }

    /** Formats a number without exponent or trailing zeros, locale-independent. */
    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String describe(Rule.Compare c) {
        String left = c.operand().toString();
        List<Literal> v = c.values();
        switch (c.operator()) {
            case PRESENT:
                return left + " is present";
            case ABSENT:
                return left + " is absent";
            case BETWEEN:
                return left + " between " + v.get(0) + " and " + v.get(1);
            case IN:
            case NOT_IN:
                return left + " " + c.operator().symbol().replace('_', ' ') + " "
                        + v.stream().map(Literal::toString).collect(Collectors.joining(", ", "(", ")"));
            default:
                return left + " " + c.operator().symbol().replace('_', ' ') + " " + v.get(0);
        }
    }
}
