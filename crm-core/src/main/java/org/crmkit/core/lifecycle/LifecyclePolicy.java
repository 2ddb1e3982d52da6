package org.crmkit.core.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.segment.RuleProblem;

/**
 * An ordered list of automatic {@link Rule}s that move subjects when their signals change or
 * time passes. Earlier rules take precedence; a rule applies only in the states it names.
 *
 * <p>Policies are data (see {@link LifecycleJson#readPolicy}) and are checked against a
 * lifecycle with {@link #validate(Lifecycle)}: every named state must exist and every rule's
 * event must be allowed in each of its states.
 *
 * <pre>{@code
 * LifecyclePolicy policy = LifecyclePolicy.of("relationship-signals",
 *         Rule.of("low-p-alive", Rule.Condition.below("p_alive", 0.3), "weaken", "development", "maturity"),
 *         Rule.of("lapse", Rule.Condition.atLeast("days_since_last_purchase", 365), "terminate", "decline"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LifecyclePolicy {
    private final String name;
    private final List<Rule> rules;

    private LifecyclePolicy(String name, List<Rule> rules) {
        this.name = name;
        this.rules = rules;
    }

    /**
     * Returns a policy.
     *
     * @param name  the policy's name, not blank
     * @param rules the rules, in order of precedence
     * @return the policy, never null
     * @throws IllegalArgumentException if the name is blank or two rules share a name
     */
    public static LifecyclePolicy of(String name, Rule... rules) {
        return of(name, List.of(rules));
    }

    /**
     * Returns a policy.
     *
     * @param name  the policy's name, not blank
     * @param rules the rules, in order of precedence, not null
     * @return the policy, never null
     * @throws IllegalArgumentException if the name is blank or two rules share a name
     */
    public static LifecyclePolicy of(String name, List<Rule> rules) {
        Names.require(name, "policy name");
        List<Rule> copy = List.copyOf(rules);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < copy.size(); i++) {
            Integer first = seen.putIfAbsent(copy.get(i).name(), i);
            if (first != null) {
                throw new IllegalArgumentException("policy '" + name + "': rule name '" + copy.get(i).name()
                        + "' used by rules " + first + " and " + i);
            }
        }
        return new LifecyclePolicy(name, copy);
    }

    /**
     * Returns a policy without rules.
     *
     * @return the empty policy, never null
     */
    public static LifecyclePolicy none() {
        return new LifecyclePolicy("none", List.of());
    }

    /**
     * Returns the policy's name.
     *
     * @return the name, never null
     */
    public String name() {
        return name;
    }

    /**
     * Returns the rules in order of precedence.
     *
     * @return the rules, never null
     */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Checks the policy against a lifecycle.
     *
     * @param lifecycle the lifecycle, not null
     * @throws LifecycleDefinitionException listing each rule that names an unknown state or event, or
     *                                      an event not allowed in one of its states
     */
    public void validate(Lifecycle<?, ?> lifecycle) {
        List<RuleProblem> problems = problems(lifecycle);
        if (!problems.isEmpty()) {
            throw new LifecycleDefinitionException("policy '" + name + "' for lifecycle '" + lifecycle.name() + "'", problems);
        }
    }

    private List<RuleProblem> problems(Lifecycle<?, ?> lifecycle) {
        List<RuleProblem> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String path = "$.rules[" + i + "]";
            if (!lifecycle.events().contains(r.event())) {
                problems.add(DefinitionValidator.problem(path + ".event", "rule '" + r.name() + "' fires unknown event '"
                        + r.event() + "'; events are " + lifecycle.events()));
                continue;
            }
            int k = 0;
            for (String s : r.from()) {
                String at = path + ".from[" + k++ + "]";
                if (lifecycle.states().stream().noneMatch(st -> st.name().equals(s))) {
                    problems.add(DefinitionValidator.problem(at, "rule '" + r.name() + "' names undefined state '" + s + "'"));
                } else if (!lifecycle.allowedEvents(lifecycle.state(s)).contains(r.event())) {
                    problems.add(DefinitionValidator.problem(at, "rule '" + r.name() + "' fires '" + r.event()
                            + "' in state '" + s + "' where it is not allowed; allowed are "
                            + lifecycle.allowedEvents(lifecycle.state(s))));
                }
            }
        }
        return problems;
    }

    /** Rules per state ordinal, in precedence order, for a validated lifecycle. */
    Rule[][] byState(Lifecycle<?, ?> lifecycle) {
        validate(lifecycle);
        Rule[][] out = new Rule[lifecycle.stateCount()][];
        for (State s : lifecycle.states()) {
            List<Rule> applicable = new ArrayList<>();
            for (Rule r : rules) {
                boolean named = r.from().isEmpty() ? lifecycle.allowedEvents(s).contains(r.event()) : r.from().contains(s.name());
                if (named) {
                    applicable.add(r);
                }
            }
            out[s.ordinal()] = applicable.toArray(new Rule[0]);
        }
        return out;
    }

    /**
     * Compares name and rules.
     *
     * @param o the other object
     * @return true when o is a policy with equal name and rules
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LifecyclePolicy p && p.name.equals(name) && p.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rules);
    }

    /**
     * Returns {@code LifecyclePolicy[name=..., rules=[...]]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "LifecyclePolicy[name=" + name + ", rules=" + rules + "]";
    }
}
