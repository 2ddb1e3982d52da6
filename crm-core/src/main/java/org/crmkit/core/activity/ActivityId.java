package org.crmkit.core.activity;

import org.crmkit.core.internal.Check;

/**
 * The identifier of an activity: 1 to 64 letters, digits, '.', '_', ':' or '-'.
 *
 * <p>Immutable and thread-safe; {@link #toString()} returns the plain value.
 *
 * @param value the identifier text, not null
 */
public record ActivityId(String value) implements Comparable<ActivityId> {
    /**
     * Validates the identifier.
     *
     * @throws IllegalArgumentException if malformed
     */
    public ActivityId {
        Check.identifier(value, "activityId");
    }

    /**
     * Returns the identifier.
     *
     * @param value the text, not null
     * @return the id, never null
     * @throws IllegalArgumentException if malformed
     */
    public static ActivityId of(String value) {
        return new ActivityId(value);
    }

    @Override
    public int compareTo(ActivityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
