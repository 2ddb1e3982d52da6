package org.crmkit.core.segment;

/**
 * The outcome of a rule or clause under three-valued (Kleene) logic.
 *
 * <p>A comparison whose attribute is absent is {@link #UNKNOWN}; {@code and} is the minimum and
 * {@code or} the maximum of the order {@code FALSE < UNKNOWN < TRUE}; {@code not} swaps
 * {@code TRUE} and {@code FALSE} and keeps {@code UNKNOWN}. A segment matches a subject only
 * when its rule is {@link #TRUE}.
 *
 * <pre>{@code
 * Truth t = compiled.evaluate(subject);
 * if (t == Truth.UNKNOWN) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum Truth {
    /** The rule does not hold. */
    FALSE,
    /** The rule cannot be decided because a value it reads is absent. */
    UNKNOWN,
    /** The rule holds. */
    TRUE;

    private static final Truth[] BY_CODE = values();

    /**
     * Returns the truth value for an internal code (0 false, 1 unknown, 2 true).
     *
     * @param code the code, 0..2
     * @return the truth value, never null
     * @throws IllegalArgumentException if the code is outside 0..2
     */
    static Truth ofCode(int code) {
        if (code < 0 || code > 2) {
            throw new IllegalArgumentException("truth code must be 0..2, was " + code);
        }
        return BY_CODE[code];
    }

    /** Returns the internal code of this value: 0 false, 1 unknown, 2 true. */
    int code() {
        return ordinal();
    }
}
