package org.crmkit.core.segment;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named, typed value of a subject that rules may read, e.g. {@code age} (number) or
 * {@code gender} (enum).
 *
 * <p>Names are lower-case identifiers ({@code [a-z][a-z0-9_.]*}, at most 64 characters) so that
 * an application can namespace its own attributes, e.g. {@code shop.loyalty_points}.
 *
 * <pre>{@code
 * Attribute tier = Attribute.ofEnum("tier", List.of("gold", "silver"), "loyalty tier");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the attribute name, not null
 * @param type the value type, not null
 * @param values the allowed values of an ENUM attribute in declaration order; empty otherwise
 * @param description a short description for people, not null, may be empty
 */
public record Attribute(String name, AttributeType type, List<String> values, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

    /**
     * Validates the attribute.
     *
     * @param name the name, see the record
     * @param type the type, see the record
     * @param values the values, see the record
     * @param description the description, see the record
     * @throws IllegalArgumentException if the name is malformed, an ENUM has no values or
     *     duplicate values, or a non-ENUM has values
     */
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        values = List.copyOf(values);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("attribute name must match [a-z][a-z0-9_.]{0,63}, was '"
                    + name + "'");
        }
        if (type == AttributeType.ENUM) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("enum attribute '" + name + "' needs at least one value");
            }
            if (values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException("enum attribute '" + name + "' has duplicate values " + values);
            }
        } else if (!values.isEmpty()) {
            throw new IllegalArgumentException("only enum attributes have values, '" + name + "' is "
                    + type.jsonName());
        }
    }

    /**
     * Creates a non-enum attribute.
     *
     * @param name the name, not null
     * @param type the type, not null and not ENUM
     * @param description a description, not null
     * @return the attribute, never null
     * @throws IllegalArgumentException if the name is malformed or the type is ENUM
     */
    public static Attribute of(String name, AttributeType type, String description) {
        return new Attribute(name, type, List.of(), description);
    }

    /**
     * Creates an enum attribute.
     *
     * @param name the name, not null
     * @param values the allowed values, not empty, no duplicates
     * @param description a description, not null
     * @return the attribute, never null
     * @throws IllegalArgumentException if the name is malformed or the values are empty or repeat
     */
    public static Attribute ofEnum(String name, List<String> values, String description) {
        return new Attribute(name, AttributeType.ENUM, values, description);
    }
}
