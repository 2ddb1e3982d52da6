package org.crmkit.core.money;

import java.util.Currency;
import java.util.Objects;

/**
 * Thrown when two {@link Money} values of different currencies are combined.
 *
 * <p>The exception exposes both currencies so that a caller can report or convert.
 * Instances are immutable and thread-safe.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The first currency, not null. */
    private final transient Currency first;
    /** The second currency, not null. */
    private final transient Currency second;

    /**
     * Creates an exception for an operation combining {@code first} and {@code second}.
     *
     * @param first the currency of the left operand, not null
     * @param second the currency of the right operand, not null
     */
    public CurrencyMismatchException(Currency first, Currency second) {
        super("currencies differ: " + Objects.requireNonNull(first, "first").getCurrencyCode()
                + " and " + Objects.requireNonNull(second, "second").getCurrencyCode());
        this.first = first;
        this.second = second;
    }

    /**
     * Returns the currency of the left operand.
     *
     * @return the first currency, never null
     */
    public Currency first() {
        return first;
    }

    /**
     * Returns the currency of the right operand.
     *
     * @return the second currency, never null
     */
    public Currency second() {
        return second;
    }
}
