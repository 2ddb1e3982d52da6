package org.crmkit.core.activity;

import org.crmkit.core.internal.Check;

/**
 * Who carried out or recorded an activity: an employee id, {@code "system"} for automatic
 * records, or {@code "customer"} for self-service.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the actor id (letters, digits, '.', '_', ':' or '-'), not null
 */
public record Actor(String id) {
    /** Automatic processes. */
    public static final Actor SYSTEM = new Actor("system");
    /** The customer acting on their own, for example in a web shop. */
    public static final Actor CUSTOMER = new Actor("customer");

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException if malformed
     */
    public Actor {
        Check.identifier(id, "actor");
    }

    /**
     * Returns the actor.
     *
     * @param id the actor id, not null
     * @return the actor, never null
     * @throws IllegalArgumentException if malformed
     */
    public static Actor of(String id) {
        return new Actor(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
