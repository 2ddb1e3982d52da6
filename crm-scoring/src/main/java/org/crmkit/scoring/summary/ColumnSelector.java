package org.crmkit.scoring.summary;

import java.util.Objects;

/**
 * Selects a CSV column by header name or by 1-based position.
 *
 * <pre>{@code
 * ColumnSelector.parse("3");          // position 3
 * ColumnSelector.parse("order_date"); // header name
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the header name, or null for a position selector
 * @param position the 1-based position, or 0 for a name selector
 */
public record ColumnSelector(String name, int position) {
    /**
     * Validates that exactly one of name and position is given.
     *
     * @param name see the record component
     * @param position see the record component
     * @throws IllegalArgumentException if both or neither are given, the name is blank or
     *     the position is negative
     */
    public ColumnSelector {
        if (name == null) {
            if (position < 1) {
                throw new IllegalArgumentException("column position must be >= 1: " + position);
            }
        } else {
            if (position != 0) {
                throw new IllegalArgumentException(
                        "give a column name or a position, not both: " + name + ", " + position);
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException("column name is blank: '" + name + "'");
            }
        }
    }

    /**
     * Selects a column by header name.
     *
     * @param name the exact header name, not null, not blank
     * @return the selector, never null
     */
    public static ColumnSelector byName(String name) {
        return new ColumnSelector(Objects.requireNonNull(name, "name"), 0);
    }

    /**
     * Selects a column by 1-based position.
     *
     * @param position the position, {@code >= 1}
     * @return the selector, never null
     */
    public static ColumnSelector byPosition(int position) {
        return new ColumnSelector(null, position);
    }

    /**
     * Parses a selector: all digits means a 1-based position, anything else a name.
     *
     * @param text the selector text, not null
     * @return the selector, never null
     * @throws IllegalArgumentException if the text is blank or the position is 0
     */
    public static ColumnSelector parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim();
        if (!s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            try {
                return byPosition(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column position too large: " + text, e);
            }
        }
        return byName(s);
    }

    /**
     * Returns the name, or the position as text.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return name != null ? name : Integer.toString(position);
    }
}
