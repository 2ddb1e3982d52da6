package org.crmkit.core.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The named guards and actions that a lifecycle definition refers to.
 *
 * <p>Code cannot be written in JSON, so a JSON definition names its guards and actions and the
 * application supplies the code under those names when it reads the definition.
 *
 * <pre>{@code
 * Bindings<Customer, Void> bindings = Bindings.<Customer, Void>builder()
 *         .guard("repeatBuyer", (customer, context) -> customer.orders() >= 2)
 *         .action("notifyOwner", (customer, context, move) -> notifier.send(customer, move))
 *         .build();
 * Lifecycle<Customer, Void> lifecycle = LifecycleJson.readLifecycle(json, bindings);
 * }</pre>
 *
 * <p>Immutable and thread-safe when the registered guards and actions are.
 *
 * @param <S> the subject type
 * @param <C> the context type
 */
public final class Bindings<S, C> {
    private static final Bindings<?, ?> EMPTY = new Bindings<>(Map.of(), Map.of());

    private final Map<String, Guard<S, C>> guards;
    private final Map<String, Action<S, C>> actions;

    private Bindings(Map<String, Guard<S, C>> guards, Map<String, Action<S, C>> actions) {
        this.guards = guards;
        this.actions = actions;
    }

    /**
     * Returns bindings without guards or actions.
     *
     * @param <S> the subject type
     * @param <C> the context type
     * @return the empty bindings, never null
     */
    @SuppressWarnings("unchecked") // holds no guard or action, so it serves any S and C
    public static <S, C> Bindings<S, C> empty() {
        return (Bindings<S, C>) EMPTY;
    }

    /**
     * Returns a new builder.
     *
     * @param <S> the subject type
     * @param <C> the context type
     * @return a builder, never null
     */
    public static <S, C> Builder<S, C> builder() {
        return new Builder<>();
    }

    /**
     * Returns the guard registered under a name.
     *
     * @param name the guard's name, not null
     * @return the guard, empty when none is registered under that name
     */
    public Optional<Guard<S, C>> guard(String name) {
        return Optional.ofNullable(guards.get(Objects.requireNonNull(name, "name")));
    }

    /**
     * Returns the action registered under a name.
     *
     * @param name the action's name, not null
     * @return the action, empty when none is registered under that name
     */
    public Optional<Action<S, C>> action(String name) {
        return Optional.ofNullable(actions.get(Objects.requireNonNull(name, "name")));
    }

    /**
     * Returns the names of the registered guards, in registration order.
     *
     * @return the names, never null
     */
    public Set<String> guardNames() {
        return guards.keySet();
    }

    /**
     * Returns the names of the registered actions, in registration order.
     *
     * @return the names, never null
     */
    public Set<String> actionNames() {
        return actions.keySet();
    }

    Bindings<S, C> merge(Bindings<S, C> other) {
        Builder<S, C> b = new Builder<>();
        guards.forEach(b::guard);
        actions.forEach(b::action);
        other.guards.forEach(b::guard);
        other.actions.forEach(b::action);
        return b.build();
    }

    /**
     * Collects named guards and actions. Single-threaded; the product is immutable.
     *
     * @param <S> the subject type
     * @param <C> the context type
     */
    public static final class Builder<S, C> {
        private final Map<String, Guard<S, C>> guards = new LinkedHashMap<>();
        private final Map<String, Action<S, C>> actions = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers a guard.
         *
         * @param name  the guard's name, not blank
         * @param guard the guard, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already registered
         */
        public Builder<S, C> guard(String name, Guard<S, C> guard) {
            Names.require(name, "guard name");
            Objects.requireNonNull(guard, "guard");
            if (guards.putIfAbsent(name, guard) != null) {
                throw new IllegalArgumentException("guard '" + name + "' is registered twice");
            }
            return this;
        }

        /**
         * Registers an action.
         *
         * @param name   the action's name, not blank
         * @param action the action, not null
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already registered
         */
        public Builder<S, C> action(String name, Action<S, C> action) {
            Names.require(name, "action name");
            Objects.requireNonNull(action, "action");
            if (actions.putIfAbsent(name, action) != null) {
                throw new IllegalArgumentException("action '" + name + "' is registered twice");
            }
            return this;
        }

        /**
         * Returns the bindings.
         *
         * @return immutable bindings, never null
         */
        public Bindings<S, C> build() {
            return new Bindings<>(
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(guards)),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(actions)));
        }
    }
}
