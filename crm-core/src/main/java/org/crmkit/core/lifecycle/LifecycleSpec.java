package org.crmkit.core.lifecycle;

import java.util.List;

/**
 * The declarative content of a lifecycle definition, as written by a builder or read from JSON,
 * before validation. Element i of {@code states} is at JSON path {@code $.states[i]}, element j
 * of {@code transitions} at {@code $.transitions[j]}.
 *
 * @param name        the lifecycle's name
 * @param initial     the initial state's name, null when none was given
 * @param states      the declared states in order
 * @param transitions the declared transitions in order
 */
record LifecycleSpec(String name, String initial, List<StateSpec> states, List<Transition> transitions) {

    LifecycleSpec {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
    }

    /**
     * One declared state.
     *
     * @param name     the state's name
     * @param terminal whether no transition may leave it
     * @param entry    names of the actions run on entry
     * @param exit     names of the actions run on exit
     */
    record StateSpec(String name, boolean terminal, List<String> entry, List<String> exit) {
        StateSpec {
            entry = List.copyOf(entry);
            exit = List.copyOf(exit);
        }
    }
}
