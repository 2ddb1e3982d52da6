package org.crmkit.core.customer;

import org.crmkit.core.internal.Check;

/**
 * The stable identifier of a customer: 1 to 64 letters, digits, '.', '_', ':' or '-',
 * starting with a letter or digit.
 *
 * <pre>{@code
 * CustomerId id = CustomerId.of("C-000042");
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} returns the plain value.
 *
 * @param value the identifier text, not null
 */
public record CustomerId(String value) implements Comparable<CustomerId> {
    /**
     * Validates the identifier.
     *
     * @throws IllegalArgumentException if the value is not a valid identifier
     */
    public CustomerId {
        Check.identifier(value, "customerId");
    }

    /**
     * Returns the identifier with the given text.
     *
     * @param value the identifier text, not null
     * @return the identifier, never null
     * @throws IllegalArgumentException if the text is not a valid identifier
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    /**
     * Returns the plain identifier text.
     *
     * @return the value, never null
     */
    @Override
    public String toString() {
        return value;
    }
}
