package org.crmkit.core.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared move from one state to another on an event, optionally guarded and with actions.
 *
 * <p>States, events, the guard and the actions are referred to by name; a {@link Lifecycle}
 * checks every name when it is built. A transition without a guard is always enabled.
 *
 * <pre>{@code
 * Transition deepen = Transition.of("exploration", "deepen", "development")
 *         .guardedBy("repeatBuyer")
 *         .withActions("assignAccountManager");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param from    the source state's name, not blank
 * @param event   the event's name, not blank
 * @param to      the target state's name, not blank
 * @param guard   the name of the guard, empty when the transition is always enabled
 * @param actions the names of the actions run when the transition is taken, in order
 */
public record Transition(String from, String event, String to, Optional<String> guard, List<String> actions) {

    /**
     * Validates the components and copies the action list.
     *
     * @throws NullPointerException     if any argument or list element is null
     * @throws IllegalArgumentException if a name is blank
     */
    public Transition {
        Names.require(from, "from");
        Names.require(event, "event");
        Names.require(to, "to");
        Objects.requireNonNull(guard, "guard");
        guard.ifPresent(g -> Names.require(g, "guard"));
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
        actions.forEach(a -> Names.require(a, "action"));
    }

    /**
     * Returns an unguarded transition without actions.
     *
     * @param from  the source state's name, not blank
     * @param event the event's name, not blank
     * @param to    the target state's name, not blank
     * @return the transition, never null
     * @throws IllegalArgumentException if a name is blank
     */
    public static Transition of(String from, String event, String to) {
        return new Transition(from, event, to, Optional.empty(), List.of());
    }

    /**
     * Returns a copy guarded by the named guard.
     *
     * @param guardName the guard's name, not blank
     * @return the guarded copy, never null
     * @throws IllegalStateException    if this transition already has a guard
     * @throws IllegalArgumentException if the name is blank
     */
    public Transition guardedBy(String guardName) {
        if (guard.isPresent()) {
            throw new IllegalStateException("transition " + this + " already has guard '" + guard.get() + "'");
        }
        return new Transition(from, event, to, Optional.of(guardName), actions);
    }

    /**
     * Returns a copy that runs the named actions when taken.
     *
     * @param actionNames the actions' names, in order, not blank
     * @return the copy, never null
     * @throws IllegalStateException    if this transition already has actions
     * @throws IllegalArgumentException if a name is blank
     */
    public Transition withActions(String... actionNames) {
        if (!actions.isEmpty()) {
            throw new IllegalStateException("transition " + this + " already has actions " + actions);
        }
        return new Transition(from, event, to, guard, List.of(actionNames));
    }

    /**
     * Returns {@code from --event[guard]--> to}.
     *
     * @return the text form, never null
     */
    @Override
    public String toString() {
        return from + " --" + event + guard.map(g -> "[" + g + "]").orElse("") + "--> " + to;
    }
}
