package org.crmkit.core.lifecycle;

/**
 * How a numeric signal is compared with a rule's threshold.
 *
 * <pre>{@code
 * Comparison.BELOW.test(0.12, 0.3); // true: 0.12 < 0.3
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum Comparison {
    /** value &lt; threshold. */
    BELOW("<", "below"),
    /** value &lt;= threshold. */
    AT_MOST("<=", "atMost"),
    /** value &gt; threshold. */
    ABOVE(">", "above"),
    /** value &gt;= threshold. */
    AT_LEAST(">=", "atLeast");

    private final String symbol;
    private final String jsonName;

    Comparison(String symbol, String jsonName) {
        this.symbol = symbol;
        this.jsonName = jsonName;
    }

    /**
     * Compares a value with a threshold.
     *
     * @param value     the observed value
     * @param threshold the threshold
     * @return true when the comparison holds
     */
    public boolean test(double value, double threshold) {
        switch (this) {
            case BELOW:
                return value < threshold;
            case AT_MOST:
                return value <= threshold;
            case ABOVE:
                return value > threshold;
            default:
                return value >= threshold;
        }
    }

    /**
     * Returns the operator, such as {@code <=}.
     *
     * @return the symbol, never null
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Returns the key used in policy JSON, such as {@code atMost}.
     *
     * @return the JSON key, never null
     */
    public String jsonName() {
        return jsonName;
    }
}
