package org.crmkit.core.lifecycle;

import java.util.Objects;

/** Checks and formatting for the names of states, events, guards, actions, rules and signals. */
final class Names {
    private Names() {
    }

    /** Rejects null and blank names and names with surrounding white space. */
    static String require(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank but was '" + name + "'");
        }
        if (!name.strip().equals(name)) {
            throw new IllegalArgumentException(what + " must not start or end with white space but was '" + name + "'");
        }
        return name;
    }

    /** Formats a finite double without exponent or locale, e.g. 180 or 0.12. */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
