package org.crmkit.core.segment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named segment and the rule a subject must satisfy (TRUE) to belong to it.
 *
 * <pre>{@code
 * Segment gold = new Segment("gold", "top value tier", Rules.attribute("abc_class").isEqualTo("A"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the segment name ({@code [A-Za-z0-9][A-Za-z0-9_.-]*}, at most 64 characters), not null
 * @param description a description for people, not null, may be empty
 * @param rule the membership rule, not null
 */
public record Segment(String name, String description, Rule rule) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /**
     * Validates the segment.
     *
     * @param name the name, see the record
     * @param description the description, see the record
     * @param rule the rule, see the record
     * @throws IllegalArgumentException if the name is malformed
     */
    public Segment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rule, "rule");
        checkName(name);
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("segment name must match [A-Za-z0-9][A-Za-z0-9_.-]{0,63}, was '"
                    + name + "'");
        }
    }
}
