package org.crmkit.core.customer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The custom attributes of a customer: typed values under namespaced keys.
 *
 * <p>At most one value per qualified name ({@code namespace:name}); reading with a key of
 * another type throws rather than returning a wrongly typed value.
 *
 * <pre>{@code
 * AttributeKey<String> tier = AttributeKey.ofString("loyalty", "tier");
 * Attributes attrs = Attributes.none().with(tier, "gold");
 * attrs.get(tier);   // Optional[gold]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Attributes {
    private static final Attributes NONE = new Attributes(Map.of());

    private final Map<AttributeKey<?>, Object> values;

    private Attributes(Map<AttributeKey<?>, Object> values) {
        this.values = values;
    }

    /**
     * Returns attributes without any entry.
     *
     * @return the empty attributes, never null
     */
    public static Attributes none() {
        return NONE;
    }

    /**
     * Returns attributes holding the given entries.
     *
     * @param entries the entries, not null
     * @return the attributes, never null
     * @throws IllegalArgumentException if a value does not match its key's type or two keys
     *     share a qualified name
     */
    public static Attributes of(Map<AttributeKey<?>, ?> entries) {
        Objects.requireNonNull(entries, "entries");
        Attributes result = NONE;
        for (Map.Entry<AttributeKey<?>, ?> e : entries.entrySet()) {
            result = result.withChecked(e.getKey(), e.getValue());
        }
        return result;
    }

    /**
     * Returns the value under the key.
     *
     * @param key the key, not null
     * @param <T> the value type
     * @return the value, or empty if absent
     * @throws IllegalArgumentException if the qualified name holds a value of another type
     */
    public <T> Optional<T> get(AttributeKey<T> key) {
        Objects.requireNonNull(key, "key");
        Object value = values.get(key);
        if (value == null) {
            AttributeKey<?> other = keyNamed(key.qualifiedName());
            if (other != null) {
                throw new IllegalArgumentException("attribute " + key.qualifiedName() + " has type " + other.type()
                        + ", not " + key.type());
            }
            return Optional.empty();
        }
        return Optional.of(key.cast(value));
    }

    /**
     * Returns a copy with the value set under the key (replacing any value of the same type).
     *
     * @param key the key, not null
     * @param value the value, not null
     * @param <T> the value type
     * @return the new attributes, never null
     * @throws IllegalArgumentException if the qualified name holds a value of another type
     */
    public <T> Attributes with(AttributeKey<T> key, T value) {
        return withChecked(key, value);
    }

    private Attributes withChecked(AttributeKey<?> key, Object value) {
        Objects.requireNonNull(key, "key");
        key.cast(value);
        AttributeKey<?> other = keyNamed(key.qualifiedName());
        if (other != null && !other.equals(key)) {
            throw new IllegalArgumentException("attribute " + key.qualifiedName() + " has type " + other.type()
                    + ", not " + key.type());
        }
        Map<AttributeKey<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Attributes(Collections.unmodifiableMap(copy));
    }

    /**
     * Returns a copy without the key.
     *
     * @param key the key, not null
     * @return the new attributes, never null
     */
    public Attributes without(AttributeKey<?> key) {
        Objects.requireNonNull(key, "key");
        if (!values.containsKey(key)) {
            return this;
        }
        Map<AttributeKey<?>, Object> copy = new LinkedHashMap<>(values);
        copy.remove(key);
        return new Attributes(Collections.unmodifiableMap(copy));
    }

    /**
     * Returns all entries in insertion order.
     *
     * @return an unmodifiable map, never null
     */
    public Map<AttributeKey<?>, Object> asMap() {
        return values;
    }

    /**
     * Returns the number of attributes.
     *
     * @return the count
     */
    public int size() {
        return values.size();
    }

    private AttributeKey<?> keyNamed(String qualifiedName) {
        for (AttributeKey<?> k : values.keySet()) {
            if (k.qualifiedName().equals(qualifiedName)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Attributes other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Attributes" + values;
    }
}
