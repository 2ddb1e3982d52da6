package org.crmkit.core.segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The left-hand side of a comparison being written with the fluent API; each method returns the
 * finished {@link Rule}. Obtain one from {@link Rules#attribute(String)} or an
 * {@link AggregateBuilder}.
 *
 * <pre>{@code
 * Rule r = Rules.attribute("age").isBetween(18, 30);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Term {

    private final Operand operand;

    Term(Operand operand) {
        this.operand = Objects.requireNonNull(operand, "operand");
    }

    /**
     * Returns the operand this term compares.
     *
     * @return the operand, never null
     */
    public Operand operand() {
        return operand;
    }

    private Rule compare(Operator op, Literal... values) {
        return new Rule.Compare(operand, op, List.of(values));
    }

    /**
     * Returns the rule {@code operand = v}.
     *
     * @param v the number
     * @return the rule, never null
     */
    public Rule isEqualTo(double v) {
        return compare(Operator.EQ, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand = v}.
     *
     * @param v the text or enum value, not null
     * @return the rule, never null
     */
    public Rule isEqualTo(String v) {
        return compare(Operator.EQ, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand = v}.
     *
     * @param v the boolean
     * @return the rule, never null
     */
    public Rule isEqualTo(boolean v) {
        return compare(Operator.EQ, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand = v}.
     *
     * @param v the date, not null
     * @return the rule, never null
     */
    public Rule isEqualTo(LocalDate v) {
        return compare(Operator.EQ, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand != v}.
     *
     * @param v the number
     * @return the rule, never null
     */
    public Rule isNotEqualTo(double v) {
        return compare(Operator.NE, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand != v}.
     *
     * @param v the text or enum value, not null
     * @return the rule, never null
     */
    public Rule isNotEqualTo(String v) {
        return compare(Operator.NE, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand != v}.
     *
     * @param v the boolean
     * @return the rule, never null
     */
    public Rule isNotEqualTo(boolean v) {
        return compare(Operator.NE, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand != v}.
     *
     * @param v the date, not null
     * @return the rule, never null
     */
    public Rule isNotEqualTo(LocalDate v) {
        return compare(Operator.NE, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand < v}.
     *
     * @param v the bound
     * @return the rule, never null
     */
    public Rule isLessThan(double v) {
        return compare(Operator.LT, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand < v} (before).
     *
     * @param v the bound, not null
     * @return the rule, never null
     */
    public Rule isLessThan(LocalDate v) {
        return compare(Operator.LT, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand <= v}.
     *
     * @param v the bound
     * @return the rule, never null
     */
    public Rule isAtMost(double v) {
        return compare(Operator.LE, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand <= v}.
     *
     * @param v the bound, not null
     * @return the rule, never null
     */
    public Rule isAtMost(LocalDate v) {
        return compare(Operator.LE, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand > v}.
     *
     * @param v the bound
     * @return the rule, never null
     */
    public Rule isGreaterThan(double v) {
        return compare(Operator.GT, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand > v} (after).
     *
     * @param v the bound, not null
     * @return the rule, never null
     */
    public Rule isGreaterThan(LocalDate v) {
        return compare(Operator.GT, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand >= v}.
     *
     * @param v the bound
     * @return the rule, never null
     */
    public Rule isAtLeast(double v) {
        return compare(Operator.GE, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand >= v}.
     *
     * @param v the bound, not null
     * @return the rule, never null
     */
    public Rule isAtLeast(LocalDate v) {
        return compare(Operator.GE, Literal.of(v));
    }

    /**
     * Inclusive range.
     *
     * @param low the lower bound
     * @param high the upper bound
     * @return {@code low <= operand <= high}
     */
    public Rule isBetween(double low, double high) {
        return compare(Operator.BETWEEN, Literal.of(low), Literal.of(high));
    }

    /**
     * Inclusive date range.
     *
     * @param low the first day, not null
     * @param high the last day, not null
     * @return {@code low <= operand <= high}
     */
    public Rule isBetween(LocalDate low, LocalDate high) {
        return compare(Operator.BETWEEN, Literal.of(low), Literal.of(high));
    }

    /**
     * Returns the rule {@code operand in values}.
     *
     * @param values the texts or enum values, at least one
     * @return the rule, never null
     */
    public Rule isIn(String... values) {
        return compare(Operator.IN, texts(values));
    }

    /**
     * Returns the rule {@code operand in values}.
     *
     * @param values the numbers, at least one
     * @return the rule, never null
     */
    public Rule isIn(double... values) {
        return compare(Operator.IN, numbers(values));
    }

    /**
     * Returns the rule {@code operand not in values}.
     *
     * @param values the texts or enum values, at least one
     * @return the rule, never null
     */
    public Rule isNotIn(String... values) {
        return compare(Operator.NOT_IN, texts(values));
    }

    /**
     * Returns the rule {@code operand not in values}.
     *
     * @param values the numbers, at least one
     * @return the rule, never null
     */
    public Rule isNotIn(double... values) {
        return compare(Operator.NOT_IN, numbers(values));
    }

    /**
     * Substring test on a STRING, element test on a STRING_SET.
     *
     * @param v the substring or element, not null
     * @return the rule
     */
    public Rule contains(String v) {
        return compare(Operator.CONTAINS, Literal.of(v));
    }

    /**
     * Returns the rule {@code operand starts with v}.
     *
     * @param v the prefix, not null
     * @return the rule, never null
     */
    public Rule startsWith(String v) {
        return compare(Operator.STARTS_WITH, Literal.of(v));
    }

    /**
     * Whole-text regular-expression match; the pattern is checked when compiled
     * (see {@link Rules#MAX_PATTERN_LENGTH}).
     *
     * @param regex the pattern, not null
     * @return the rule
     */
    public Rule matches(String regex) {
        return compare(Operator.MATCHES, Literal.of(regex));
    }

    /**
     * Returns the rule {@code operand is present}; never UNKNOWN.
     *
     * @return the rule, never null
     */
    public Rule isPresent() {
        return compare(Operator.PRESENT);
    }

    /**
     * Returns the rule {@code operand is absent}; never UNKNOWN.
     *
     * @return the rule, never null
     */
    public Rule isAbsent() {
        return compare(Operator.ABSENT);
    }

    private static Literal[] texts(String[] values) {
        List<Literal> l = new ArrayList<>();
        for (String v : values) {
            l.add(Literal.of(v));
        }
        return l.toArray(new Literal[0]);
    }

    private static Literal[] numbers(double[] values) {
        Literal[] l = new Literal[values.length];
        for (int i = 0; i < values.length; i++) {
            l[i] = Literal.of(values[i]);
        }
        return l;
    }

    @Override
    public String toString() {
        return operand.toString();
    }
}
