package org.crmkit.core.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.segment.RuleProblem;

/** Finds every problem of a lifecycle spec, each with the JSON path where it is. */
final class DefinitionValidator {
    private DefinitionValidator() {
    }

    static List<RuleProblem> validate(LifecycleSpec spec, Bindings<?, ?> bindings) {
        List<RuleProblem> problems = new ArrayList<>();
        if (spec.name() == null || spec.name().isBlank()) {
            problems.add(problem("$.name", "the lifecycle name must not be blank"));
        }
        Map<String, Integer> stateIndex = new HashMap<>();
        List<LifecycleSpec.StateSpec> states = spec.states();
        if (states.isEmpty()) {
            problems.add(problem("$.states", "a lifecycle needs at least one state"));
        }
        for (int i = 0; i < states.size(); i++) {
            LifecycleSpec.StateSpec s = states.get(i);
            Integer first = stateIndex.putIfAbsent(s.name(), i);
            if (first != null) {
                problems.add(problem("$.states[" + i + "].name",
                        "duplicate state '" + s.name() + "', first defined at $.states[" + first + "]"));
            }
            checkActions(problems, bindings, s.entry(), "$.states[" + i + "].entry");
            checkActions(problems, bindings, s.exit(), "$.states[" + i + "].exit");
        }
        String initial = spec.initial();
        if (initial == null) {
            problems.add(problem("$.initial", "no initial state is given"));
        } else if (!stateIndex.containsKey(initial)) {
            problems.add(problem("$.initial", "initial state '" + initial + "' is not defined; states are " + names(states)));
        }
        List<Transition> transitions = spec.transitions();
        Map<String, Integer> seenArc = new HashMap<>();
        Map<String, Integer> seenUnguarded = new HashMap<>();
        Map<String, Integer> seenGuard = new HashMap<>();
        for (int j = 0; j < transitions.size(); j++) {
            Transition t = transitions.get(j);
            String path = "$.transitions[" + j + "]";
            Integer from = stateIndex.get(t.from());
            if (from == null) {
                problems.add(problem(path + ".from", "transition from undefined state '" + t.from() + "'; states are " + names(states)));
            } else if (states.get(from).terminal()) {
                problems.add(problem(path + ".from", "terminal state '" + t.from() + "' must not have an outgoing transition ("
                        + t + ")"));
            }
            if (!stateIndex.containsKey(t.to())) {
                problems.add(problem(path + ".to", "transition to undefined state '" + t.to() + "'; states are " + names(states)));
            }
            Integer dup = seenArc.putIfAbsent(t.from() + '\u0000' + t.event() + '\u0000' + t.to(), j);
            if (dup != null) {
                problems.add(problem(path, "duplicate transition " + t.from() + " --" + t.event() + "--> " + t.to()
                        + ", first defined at $.transitions[" + dup + "]; combine the guards into one"));
            }
            String cell = t.from() + '\u0000' + t.event();
            if (t.guard().isEmpty()) {
                Integer other = seenUnguarded.putIfAbsent(cell, j);
                if (other != null && dup == null) {
                    problems.add(problem(path, "always ambiguous: transitions " + t.from() + " --" + t.event()
                            + "--> are both unguarded here and at $.transitions[" + other + "]"));
                }
            } else {
                String g = t.guard().get();
                Integer other = seenGuard.putIfAbsent(cell + '\u0000' + g, j);
                if (other != null && dup == null) {
                    problems.add(problem(path + ".guard", "always ambiguous: transitions " + t.from() + " --" + t.event()
                            + "--> use the same guard '" + g + "' here and at $.transitions[" + other + "]"));
                }
                if (bindings.guard(g).isEmpty()) {
                    problems.add(problem(path + ".guard", "no guard named '" + g + "' is bound; bound guards are "
                            + bindings.guardNames()));
                }
            }
            checkActions(problems, bindings, t.actions(), path + ".actions");
        }
        if (initial != null && stateIndex.containsKey(initial)) {
            reachability(problems, spec, stateIndex, initial);
        }
        return problems;
    }

    private static void reachability(List<RuleProblem> problems, LifecycleSpec spec,
                                     Map<String, Integer> stateIndex, String initial) {
        Map<String, List<String>> next = new HashMap<>();
        for (Transition t : spec.transitions()) {
            next.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t.to());
        }
        Deque<String> todo = new ArrayDeque<>();
        java.util.Set<String> reached = new java.util.HashSet<>();
        todo.add(initial);
        reached.add(initial);
        while (!todo.isEmpty()) {
            for (String n : next.getOrDefault(todo.poll(), List.of())) {
                if (stateIndex.containsKey(n) && reached.add(n)) {
                    todo.add(n);
                }
            }
        }
        List<LifecycleSpec.StateSpec> states = spec.states();
        for (int i = 0; i < states.size(); i++) {
            String n = states.get(i).name();
            if (!reached.contains(n) && stateIndex.get(n) == i) {
                problems.add(problem("$.states[" + i + "]", "state '" + n + "' is unreachable from initial state '" + initial + "'"));
            }
        }
    }

    private static void checkActions(List<RuleProblem> problems, Bindings<?, ?> bindings,
                                     List<String> actions, String path) {
        for (int k = 0; k < actions.size(); k++) {
            Optional<?> a = bindings.action(actions.get(k));
            if (a.isEmpty()) {
                problems.add(problem(path + "[" + k + "]", "no action named '" + actions.get(k) + "' is bound; bound actions are "
                        + bindings.actionNames()));
            }
        }
    }

    private static List<String> names(List<LifecycleSpec.StateSpec> states) {
        return states.stream().map(LifecycleSpec.StateSpec::name).toList();
    }

    static RuleProblem problem(String path, String message) {
        return new RuleProblem(path, message);
    }
}
