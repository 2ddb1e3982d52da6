package org.crmkit.core.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes that rules may read, each bound to an integer slot (its registration index).
 *
 * <p>Rules name attributes; compiling a rule resolves every name to its slot once, and evaluation
 * then reads values from a {@link Subject} by slot, without look-ups or boxing. An application
 * starts from {@link StandardAttributes#registry()} or an empty builder and adds its own
 * attributes (custom fields, computed metrics, scores); registering a name twice is refused.
 *
 * <pre>{@code
 * AttributeRegistry registry = AttributeRegistry.builder()
 *     .addAll(StandardAttributes.registry())
 *     .number("shop.loyalty_points", "points in the shop's loyalty scheme")
 *     .build();
 * int slot = registry.slot("shop.loyalty_points");
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Builder} is single-threaded.
 */
public final class AttributeRegistry {

    private final List<Attribute> attributes;
    private final Map<String, Integer> slots;

    private AttributeRegistry(List<Attribute> attributes) {
        this.attributes = Collections.unmodifiableList(new ArrayList<>(attributes));
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            m.put(attributes.get(i).name(), i);
        }
        this.slots = Collections.unmodifiableMap(m);
    }

    /**
     * Returns a new, empty builder.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the attributes in slot order.
     *
     * @return an unmodifiable list, never null
     */
    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * Returns the number of attributes, which is one more than the largest slot.
     *
     * @return the size, at least 0
     */
    public int size() {
        return attributes.size();
    }

    /**
     * Looks up an attribute by name.
     *
     * @param name the name, not null
     * @return the attribute, or empty if none has that name
     */
    public Optional<Attribute> find(String name) {
        Integer slot = slots.get(Objects.requireNonNull(name, "name"));
        return slot == null ? Optional.empty() : Optional.of(attributes.get(slot));
    }

    /**
     * Returns the slot of an attribute.
     *
     * @param name the name, not null
     * @return the slot, 0 .. size()-1
     * @throws IllegalArgumentException if no attribute has that name
     */
    public int slot(String name) {
        Integer slot = slots.get(Objects.requireNonNull(name, "name"));
        if (slot == null) {
            throw new IllegalArgumentException("unknown attribute '" + name + "'");
        }
        return slot;
    }

    /**
     * Returns the attribute in a slot.
     *
     * @param slot the slot, 0 .. size()-1
     * @return the attribute, never null
     * @throws IndexOutOfBoundsException if the slot is out of range
     */
    public Attribute attribute(int slot) {
        return attributes.get(slot);
    }

    @Override
    public String toString() {
        return "AttributeRegistry" + slots.keySet();
    }

    /**
     * Collects attributes for an {@link AttributeRegistry}. Single-threaded; the product is
     * immutable.
     */
    public static final class Builder {
        private final List<Attribute> attributes = new ArrayList<>();
        private final Map<String, Attribute> byName = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds an attribute in the next slot.
         *
         * @param attribute the attribute, not null
         * @return this builder
         * @throws IllegalArgumentException if an attribute with that name is already registered
         */
        public Builder add(Attribute attribute) {
            Objects.requireNonNull(attribute, "attribute");
            Attribute old = byName.putIfAbsent(attribute.name(), attribute);
            if (old != null) {
                throw new IllegalArgumentException("attribute '" + attribute.name()
                        + "' is already registered as " + old.type().jsonName());
            }
            attributes.add(attribute);
            return this;
        }

        /**
         * Adds every attribute of another registry, in its slot order.
         *
         * @param registry the registry, not null
         * @return this builder
         * @throws IllegalArgumentException if a name is already registered
         */
        public Builder addAll(AttributeRegistry registry) {
            Objects.requireNonNull(registry, "registry").attributes.forEach(this::add);
            return this;
        }

        /**
         * Adds a NUMBER attribute.
         *
         * @param name the name, not null
         * @param description a description, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or already registered
         */
        public Builder number(String name, String description) {
            return add(Attribute.of(name, AttributeType.NUMBER, description));
        }

        /**
         * Adds a STRING attribute.
         *
         * @param name the name, not null
         * @param description a description, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or already registered
         */
        public Builder string(String name, String description) {
            return add(Attribute.of(name, AttributeType.STRING, description));
        }

        /**
         * Adds a BOOLEAN attribute.
         *
         * @param name the name, not null
         * @param description a description, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or already registered
         */
        public Builder bool(String name, String description) {
            return add(Attribute.of(name, AttributeType.BOOLEAN, description));
        }

        /**
         * Adds a DATE attribute.
         *
         * @param name the name, not null
         * @param description a description, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or already registered
         */
        public Builder date(String name, String description) {
            return add(Attribute.of(name, AttributeType.DATE, description));
        }

        /**
         * Adds a STRING_SET attribute.
         *
         * @param name the name, not null
         * @param description a description, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or already registered
         */
        public Builder stringSet(String name, String description) {
            return add(Attribute.of(name, AttributeType.STRING_SET, description));
        }

        /**
         * Adds an ENUM attribute.
         *
         * @param name the name, not null
         * @param values the allowed values, not empty
         * @param description a description, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or already registered, or the
         *     values are empty or repeat
         */
        public Builder enumeration(String name, List<String> values, String description) {
            return add(Attribute.ofEnum(name, values, description));
        }

        /**
         * Builds the registry.
         *
         * @return an immutable registry, never null
         */
        public AttributeRegistry build() {
            return new AttributeRegistry(attributes);
        }
    }
}
