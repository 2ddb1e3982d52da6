package org.crmkit.core.segment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The type of a segmentation attribute, which decides the operators a rule may apply to it.
 *
 * <table>
 * <caption>operators per type</caption>
 * <tr><th>type</th><th>operators</th><th>literal in JSON</th></tr>
 * <tr><td>NUMBER</td><td>= != &lt; &lt;= &gt; &gt;= between in not_in</td><td>number</td></tr>
 * <tr><td>DATE</td><td>= != &lt; &lt;= &gt; &gt;= between in not_in</td><td>string yyyy-MM-dd</td></tr>
 * <tr><td>STRING</td><td>= != in not_in contains starts_with matches</td><td>string</td></tr>
 * <tr><td>ENUM</td><td>= != in not_in</td><td>one of the declared values</td></tr>
 * <tr><td>BOOLEAN</td><td>= !=</td><td>true or false</td></tr>
 * <tr><td>STRING_SET</td><td>contains (element membership)</td><td>string</td></tr>
 * </table>
 * Every type also accepts {@code present} and {@code absent}.
 *
 * <p>Immutable and thread-safe.
 */
public enum AttributeType {
    /** A real number (read with {@link Subject#number(int)}). */
    NUMBER(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE,
            Operator.BETWEEN, Operator.IN, Operator.NOT_IN)),
    /** A calendar date (read with {@link Subject#epochDay(int)}). */
    DATE(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE,
            Operator.BETWEEN, Operator.IN, Operator.NOT_IN)),
    /** Free text (read with {@link Subject#text(int)}). */
    STRING(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN, Operator.CONTAINS,
            Operator.STARTS_WITH, Operator.MATCHES)),
    /** One of a declared, closed set of values (read with {@link Subject#text(int)}). */
    ENUM(EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN)),
    /** A yes/no fact (read with {@link Subject#bool(int)}). */
    BOOLEAN(EnumSet.of(Operator.EQ, Operator.NE)),
    /** A set of strings such as tags (read with {@link Subject#hasElement(int, String)}). */
    STRING_SET(EnumSet.of(Operator.CONTAINS));

    private final Set<Operator> operators;

    AttributeType(EnumSet<Operator> operators) {
        operators.add(Operator.PRESENT);
        operators.add(Operator.ABSENT);
        this.operators = java.util.Collections.unmodifiableSet(operators);
    }

    /**
     * Tells whether rules may apply an operator to values of this type.
     *
     * @param operator the operator, not null
     * @return true if allowed
     */
    public boolean supports(Operator operator) {
        return operators.contains(operator);
    }

    /**
     * Returns the name used in JSON documents, e.g. {@code "string_set"}.
     *
     * @return the lower-case name, never null
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the JSON name of a type.
     *
     * @param name the name, e.g. {@code "number"}, not null
     * @return the type, never null
     * @throws IllegalArgumentException if no type has that name
     */
    public static AttributeType ofJsonName(String name) {
        for (AttributeType t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown attribute type '" + name
                + "', expected one of number, date, string, enum, boolean, string_set");
    }
}
