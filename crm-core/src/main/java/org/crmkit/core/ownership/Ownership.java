package org.crmkit.core.ownership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.internal.Check;

/**
 * The account managers responsible for one customer, now and in the past. Nothing is ever
 * deleted: a hand-over closes the current assignment and opens a new one, and the history
 * keeps both.
 *
 * <pre>{@code
 * Ownership o = Ownership.none()
 *         .assign(ann, AssignmentRole.PRIMARY, t0, "new account")
 *         .handOver(bob, t1, "Ann left the company");
 * o.primary();         // Optional[bob]
 * o.history().size();  // 2, Ann's period closed at t1
 * }</pre>
 *
 * <p>Changes must be dated no earlier than the latest recorded event (no rewriting of
 * history). Immutable and thread-safe.
 *
 * @param history every assignment ever made, in the order made, not null
 */
public record Ownership(List<AccountAssignment> history) {
    private static final Ownership NONE = new Ownership(List.of());

    /**
     * Copies the history and checks that there is at most one open primary assignment.
     *
     * @throws NullPointerException if the list or an element is null
     * @throws IllegalArgumentException if two primary assignments are open
     */
    public Ownership {
        history = Check.list(history, "history");
        long openPrimaries = history.stream().filter(a -> a.open() && a.role() == AssignmentRole.PRIMARY).count();
        if (openPrimaries > 1) {
            throw new IllegalArgumentException("at most one open PRIMARY assignment allowed, found " + openPrimaries);
        }
    }

    /**
     * Returns an ownership without any assignment.
     *
     * @return the empty ownership, never null
     */
    public static Ownership none() {
        return NONE;
    }

    /**
     * Returns the manager currently primarily responsible.
     *
     * @return the open primary manager, or empty
     */
    public Optional<AccountManager> primary() {
        return history.stream().filter(a -> a.open() && a.role() == AssignmentRole.PRIMARY)
                .map(AccountAssignment::manager).findFirst();
    }

    /**
     * Returns the assignments active at an instant.
     *
     * @param at the instant, not null
     * @return the active assignments, never null
     */
    public List<AccountAssignment> activeAt(Instant at) {
        return history.stream().filter(a -> a.activeAt(at)).toList();
    }

    /**
     * Adds an assignment.
     *
     * @param manager the manager, not null
     * @param role the role, not null
     * @param at when the assignment starts, not null, not before the latest event
     * @param reason why, not blank
     * @return the new ownership, never null
     * @throws IllegalStateException if a primary is assigned while another primary is open
     *     (use {@link #handOver}) or the manager already holds an open assignment
     * @throws IllegalArgumentException if {@code at} is before the latest event
     */
    public Ownership assign(AccountManager manager, AssignmentRole role, Instant at, String reason) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(role, "role");
        requireNotBeforeLatest(at);
        if (role == AssignmentRole.PRIMARY && primary().isPresent()) {
            throw new IllegalStateException("customer already has primary manager " + primary().get().id()
                    + "; use handOver");
        }
        if (history.stream().anyMatch(a -> a.open() && a.manager().equals(manager))) {
            throw new IllegalStateException("manager " + manager.id() + " already has an open assignment");
        }
        List<AccountAssignment> copy = new ArrayList<>(history);
        copy.add(new AccountAssignment(manager, role, at, null, reason));
        return new Ownership(copy);
    }

    /**
     * Hands the customer over: closes the open primary assignment (if any) at {@code at}
     * and opens a primary assignment for {@code to}. The closed assignment stays in the
     * history.
     *
     * @param to the new primary manager, not null
     * @param at the moment of hand-over, not null, not before the latest event
     * @param reason why, not blank
     * @return the new ownership, never null
     * @throws IllegalStateException if {@code to} already is the primary manager
     * @throws IllegalArgumentException if {@code at} is before the latest event
     */
    public Ownership handOver(AccountManager to, Instant at, String reason) {
        Objects.requireNonNull(to, "to");
        requireNotBeforeLatest(at);
        if (primary().filter(to::equals).isPresent()) {
            throw new IllegalStateException("manager " + to.id() + " already is the primary manager");
        }
        List<AccountAssignment> copy = new ArrayList<>();
        for (AccountAssignment a : history) {
            boolean closes = a.open() && (a.role() == AssignmentRole.PRIMARY || a.manager().equals(to));
            copy.add(closes ? new AccountAssignment(a.manager(), a.role(), a.from(), at, a.reason()) : a);
        }
        copy.add(new AccountAssignment(to, AssignmentRole.PRIMARY, at, null, reason));
        return new Ownership(copy);
    }

    /**
     * Ends an open assignment of a manager, keeping it in the history.
     *
     * @param manager the manager, not null
     * @param at when it ends, not null, not before the latest event
     * @return the new ownership, never null
     * @throws IllegalStateException if the manager has no open assignment
     */
    public Ownership end(AccountManager manager, Instant at) {
        Objects.requireNonNull(manager, "manager");
        requireNotBeforeLatest(at);
        boolean found = false;
        List<AccountAssignment> copy = new ArrayList<>();
        for (AccountAssignment a : history) {
            if (a.open() && a.manager().equals(manager)) {
                found = true;
                copy.add(new AccountAssignment(a.manager(), a.role(), a.from(), at, a.reason()));
            } else {
                copy.add(a);
            }
        }
        if (!found) {
            throw new IllegalStateException("manager " + manager.id() + " has no open assignment");
        }
        return new Ownership(copy);
    }

    /**
     * Returns the union of two histories for a merge: every assignment of both, ordered by
     * start; if both have an open primary, the other one's is closed at {@code at}.
     *
     * @param other the merged-away customer's ownership, not null
     * @param at the moment of the merge, not null
     * @return the combined ownership, never null
     */
    public Ownership union(Ownership other, Instant at) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(at, "at");
        boolean keepOtherPrimary = primary().isEmpty();
        List<AccountAssignment> combined = new ArrayList<>(history);
        for (AccountAssignment a : other.history) {
            if (combined.contains(a)) {
                continue;
            }
            boolean close = a.open() && a.role() == AssignmentRole.PRIMARY && !keepOtherPrimary;
            Instant end = a.from().isAfter(at) ? a.from() : at;
            combined.add(close ? new AccountAssignment(a.manager(), a.role(), a.from(), end, a.reason()) : a);
        }
        combined.sort(Comparator.comparing(AccountAssignment::from));
        return new Ownership(combined);
    }

    private void requireNotBeforeLatest(Instant at) {
        Objects.requireNonNull(at, "at");
        for (AccountAssignment a : history) {
            Instant latest = a.until() != null && a.until().isAfter(a.from()) ? a.until() : a.from();
            if (at.isBefore(latest)) {
                throw new IllegalArgumentException("ownership change at " + at + " is before the latest recorded event "
                        + latest);
            }
        }
    }
}
