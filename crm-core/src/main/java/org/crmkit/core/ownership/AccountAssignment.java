package org.crmkit.core.ownership;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.internal.Check;

/**
 * One period during which an account manager was responsible for a customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param manager the manager, not null
 * @param role the role, not null
 * @param from start of the responsibility, not null
 * @param until end of the responsibility (exclusive), or null while still active
 * @param reason why the assignment was made, not blank
 */
public record AccountAssignment(AccountManager manager, AssignmentRole role, Instant from, Instant until,
        String reason) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if {@code until} is before {@code from} or the reason is blank
     */
    public AccountAssignment {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("assignment ends at " + until + " before it starts at " + from);
        }
        reason = Check.text(reason, "reason");
    }

    /**
     * Tells whether the assignment covers an instant.
     *
     * @param at the instant, not null
     * @return true if {@code from <= at < until} (or no end)
     */
    public boolean activeAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return !at.isBefore(from) && (until == null || at.isBefore(until));
    }

    /**
     * Tells whether the assignment has not ended.
     *
     * @return true if there is no end
     */
    public boolean open() {
        return until == null;
    }
}
