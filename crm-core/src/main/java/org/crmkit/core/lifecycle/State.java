package org.crmkit.core.lifecycle;

import java.util.Objects;

/**
 * One state of a {@link Lifecycle}, identified by its name and its position in the definition.
 *
 * <p>States are handed out by a lifecycle ({@link Lifecycle#state(String)},
 * {@link Lifecycle#states()}); the ordinal is the declaration order and lets the engine use
 * array tables instead of maps. Two states are equal when name and ordinal are equal, so a
 * state of a definition read back from JSON equals the state of the original.
 *
 * <pre>{@code
 * State maturity = lifecycle.state("maturity");
 * boolean over = lifecycle.isTerminal(maturity);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name    the state's name, not blank
 * @param ordinal the state's position in the definition, zero or more
 */
public record State(String name, int ordinal) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if name is null
     * @throws IllegalArgumentException if name is blank or ordinal negative
     */
    public State {
        Names.require(name, "state name");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must be >= 0 but was " + ordinal);
        }
    }

    /**
     * Returns the state's name.
     *
     * @return the name, never null
     */
    @Override
    public String toString() {
        return name;
    }

    static State of(String name, int ordinal) {
        return new State(Objects.requireNonNull(name, "name"), ordinal);
    }
}
