package org.crmkit.core.customer;

import org.crmkit.core.internal.Check;

/**
 * The name of a person: given name(s) and family name, both required and non-blank.
 *
 * <p>Immutable and thread-safe.
 *
 * @param given the given name(s), not blank
 * @param family the family name, not blank
 */
public record PersonName(String given, String family) {
    /**
     * Validates and strips both parts.
     *
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if a part is blank
     */
    public PersonName {
        given = Check.text(given, "given name");
        family = Check.text(family, "family name");
        if (given.length() > 200 || family.length() > 200) {
            throw new IllegalArgumentException("name parts must be at most 200 characters");
        }
    }

    /**
     * Returns the name.
     *
     * @param given the given name(s), not blank
     * @param family the family name, not blank
     * @return the name, never null
     */
    public static PersonName of(String given, String family) {
        return new PersonName(given, family);
    }

    /**
     * Returns given and family name separated by a space.
     *
     * @return the full name, never null
     */
    public String fullName() {
        return given + ' ' + family;
    }
}
