package org.crmkit.core.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The typed, namespaced key of a custom attribute that an embedding application adds to
 * customers. Two keys are equal when namespace, name and type are equal; a customer cannot
 * hold two attributes with the same namespace and name.
 *
 * <pre>{@code
 * AttributeKey<Long> visits = AttributeKey.ofLong("shop", "store-visits");
 * Customer updated = customer.withAttribute(visits, 12L);
 * long n = updated.attributes().get(visits).orElse(0L);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the value type
 */
public final class AttributeKey<T> {
    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private final String namespace;
    private final String name;
    private final AttributeType type;

    private AttributeKey(String namespace, String name, AttributeType type) {
        this.namespace = part(namespace, "namespace");
        this.name = part(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    private static String part(String value, String field) {
        Objects.requireNonNull(value, field);
        if (!PART.matcher(value).matches()) {
            throw new IllegalArgumentException("attribute " + field
                    + " must be 1 to 64 lower-case letters, digits, '_', '.' or '-' starting with a letter: '"
                    + value + "'");
        }
        return value;
    }

    /**
     * Returns a text key. @param namespace the owner's namespace @param name the name
     * @return the key, never null
     * @throws IllegalArgumentException if namespace or name is malformed
     */
    public static AttributeKey<String> ofString(String namespace, String name) {
        return new AttributeKey<>(namespace, name, AttributeType.STRING);
    }

    /**
     * Returns a whole-number key. @param namespace the owner's namespace @param name the name
     * @return the key, never null
     * @throws IllegalArgumentException if namespace or name is malformed
     */
    public static AttributeKey<Long> ofLong(String namespace, String name) {
        return new AttributeKey<>(namespace, name, AttributeType.LONG);
    }

    /**
     * Returns a decimal key. @param namespace the owner's namespace @param name the name
     * @return the key, never null
     * @throws IllegalArgumentException if namespace or name is malformed
     */
    public static AttributeKey<BigDecimal> ofDecimal(String namespace, String name) {
        return new AttributeKey<>(namespace, name, AttributeType.DECIMAL);
    }

    /**
     * Returns a truth-value key. @param namespace the owner's namespace @param name the name
     * @return the key, never null
     * @throws IllegalArgumentException if namespace or name is malformed
     */
    public static AttributeKey<Boolean> ofBoolean(String namespace, String name) {
        return new AttributeKey<>(namespace, name, AttributeType.BOOLEAN);
    }

    /**
     * Returns a date key. @param namespace the owner's namespace @param name the name
     * @return the key, never null
     * @throws IllegalArgumentException if namespace or name is malformed
     */
    public static AttributeKey<LocalDate> ofDate(String namespace, String name) {
        return new AttributeKey<>(namespace, name, AttributeType.DATE);
    }

    /**
     * Returns a key of a type known only at run time (used when reading JSON).
     *
     * @param namespace the owner's namespace, not null
     * @param name the name, not null
     * @param type the value type, not null
     * @return the key, never null
     * @throws IllegalArgumentException if namespace or name is malformed
     */
    public static AttributeKey<?> of(String namespace, String name, AttributeType type) {
        return new AttributeKey<>(namespace, name, type);
    }

    /**
     * Parses {@code namespace:name} as written by {@link #qualifiedName()}.
     *
     * @param qualifiedName the qualified name, not null
     * @param type the value type, not null
     * @return the key, never null
     * @throws IllegalArgumentException if the text is malformed
     */
    public static AttributeKey<?> parse(String qualifiedName, AttributeType type) {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        int colon = qualifiedName.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("attribute name must be 'namespace:name': '" + qualifiedName + "'");
        }
        return of(qualifiedName.substring(0, colon), qualifiedName.substring(colon + 1), type);
    }

    /** @return the namespace, never null */
    public String namespace() {
        return namespace;
    }

    /** @return the name within the namespace, never null */
    public String name() {
        return name;
    }

    /** @return the value type, never null */
    public AttributeType type() {
        return type;
    }

    /** @return {@code namespace:name}, never null */
    public String qualifiedName() {
        return namespace + ':' + name;
    }

    /**
     * Checks and casts a value for this key.
     *
     * @param value the value, not null
     * @return the value as {@code T}, never null
     * @throws IllegalArgumentException if the value is not of this key's type
     */
    @SuppressWarnings("unchecked")
    public T cast(Object value) {
        Objects.requireNonNull(value, qualifiedName());
        if (!type.javaType().isInstance(value)) {
            throw new IllegalArgumentException("attribute " + qualifiedName() + " expects " + type + " but got "
                    + value.getClass().getSimpleName() + ": " + value);
        }
        return (T) value;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof AttributeKey<?> other && namespace.equals(other.namespace) && name.equals(other.name)
                && type == other.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, name, type);
    }

    /** @return {@code namespace:name (TYPE)}, never null */
    @Override
    public String toString() {
        return qualifiedName() + " (" + type + ")";
    }
}
