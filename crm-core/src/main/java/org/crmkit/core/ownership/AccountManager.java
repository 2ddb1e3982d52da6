package org.crmkit.core.ownership;

import org.crmkit.core.internal.Check;

/**
 * An employee who can be responsible for customers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the employee id (letters, digits, '.', '_', ':' or '-'), not null
 * @param name the display name, not blank
 */
public record AccountManager(String id, String name) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the id is malformed or the name blank
     */
    public AccountManager {
        Check.identifier(id, "accountManager.id");
        name = Check.text(name, "accountManager.name");
    }
}
