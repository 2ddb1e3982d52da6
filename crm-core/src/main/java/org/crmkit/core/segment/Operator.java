package org.crmkit.core.segment;

/**
 * A comparison operator of the rule language, with its JSON symbol and the number of literal
 * operands it takes.
 *
 * <p>Immutable and thread-safe.
 */
public enum Operator {
    /** Equal ({@code "="}). */
    EQ("=", 1, 1),
    /** Not equal ({@code "!="}). */
    NE("!=", 1, 1),
    /** Less than ({@code "<"}). */
    LT("<", 1, 1),
    /** Less than or equal ({@code "<="}). */
    LE("<=", 1, 1),
    /** Greater than ({@code ">"}). */
    GT(">", 1, 1),
    /** Greater than or equal ({@code ">="}). */
    GE(">=", 1, 1),
    /** Inclusive range: {@code low <= x <= high} ({@code "between"}, two values). */
    BETWEEN("between", 2, 2),
    /** Equal to one of the values ({@code "in"}). */
    IN("in", 1, Integer.MAX_VALUE),
    /** Equal to none of the values ({@code "not_in"}). */
    NOT_IN("not_in", 1, Integer.MAX_VALUE),
    /** Substring of a string, or element of a string set ({@code "contains"}). */
    CONTAINS("contains", 1, 1),
    /** String prefix ({@code "starts_with"}). */
    STARTS_WITH("starts_with", 1, 1),
    /** Whole-string regular-expression match ({@code "matches"}); see {@link Rules#MAX_PATTERN_LENGTH}. */
    MATCHES("matches", 1, 1),
    /** The value is present ({@code "present"}, no values); never UNKNOWN. */
    PRESENT("present", 0, 0),
    /** The value is absent ({@code "absent"}, no values); never UNKNOWN. */
    ABSENT("absent", 0, 0);

    private final String symbol;
    private final int minValues;
    private final int maxValues;

    Operator(String symbol, int minValues, int maxValues) {
        this.symbol = symbol;
        this.minValues = minValues;
        this.maxValues = maxValues;
    }

    /**
     * Returns the symbol used in JSON documents and explanations.
     *
     * @return the symbol, e.g. {@code ">="}, never null
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Returns the least number of literal values this operator takes.
     *
     * @return the minimum, 0..2
     */
    public int minValues() {
        return minValues;
    }

    /**
     * Returns the greatest number of literal values this operator takes.
     *
     * @return the maximum
     */
    public int maxValues() {
        return maxValues;
    }

    /**
     * Parses an operator symbol.
     *
     * @param symbol the symbol, e.g. {@code "<="} or {@code "not_in"}, not null
     * @return the operator, never null
     * @throws IllegalArgumentException if no operator has that symbol
     */
    public static Operator ofSymbol(String symbol) {
        for (Operator o : values()) {
            if (o.symbol.equals(symbol)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown operator '" + symbol + "'");
    }
}
