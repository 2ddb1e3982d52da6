package org.crmkit.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rule checked against an {@link AttributeRegistry} and compiled into an evaluator that reads
 * a {@link Subject} by slot and allocates nothing per evaluation (except a {@code matches} run on
 * a thread for the first time).
 *
 * <pre>{@code
 * CompiledRule adult = CompiledRule.compile(Rules.attribute("age").isAtLeast(18), registry);
 * boolean inSegment = adult.test(subject);      // TRUE only
 * Truth t = adult.evaluate(subject);            // TRUE, FALSE or UNKNOWN
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledRule {

    private final Rule rule;
    private final Node root;

    private CompiledRule(Rule rule, Node root) {
        this.rule = rule;
        this.root = root;
    }

    /**
     * Checks and compiles a rule.
     *
     * @param rule the rule, not null
     * @param registry the attributes the rule may read, not null
     * @return the compiled rule, never null
     * @throws InvalidRuleException listing every problem (unknown attribute, operator not applicable
     *     to the type, wrong literal type, enum value not declared, empty range, refused or malformed
     *     regular expression), each with its JSON path from {@code $}
     */
    public static CompiledRule compile(Rule rule, AttributeRegistry registry) {
        return compile(rule, registry, "$");
    }

    static CompiledRule compile(Rule rule, AttributeRegistry registry, String path) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(registry, "registry");
        List<RuleProblem> problems = new ArrayList<>();
        Node root = new RuleCompiler(registry, problems).compile(rule, path);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return new CompiledRule(rule, root);
    }

    /** Compiles into the caller's problem list; returns null when there are problems. */
    static CompiledRule compileInto(Rule rule, AttributeRegistry registry, String path, List<RuleProblem> problems) {
        int before = problems.size();
        Node root = new RuleCompiler(registry, problems).compile(rule, path);
        return problems.size() > before ? null : new CompiledRule(rule, root);
    }

    /**
     * Returns the rule this was compiled from.
     *
     * @return the rule, never null
     */
    public Rule rule() {
        return rule;
    }

    /**
     * Evaluates the rule under three-valued logic.
     *
     * @param subject the subject, using the registry's slots, not null
     * @return the outcome, never null
     */
    public Truth evaluate(Subject subject) {
        return Truth.ofCode(root.eval(subject));
    }

    /**
     * Tells whether the rule is TRUE for a subject (FALSE and UNKNOWN give false).
     *
     * @param subject the subject, not null
     * @return true if the rule holds
     */
    public boolean test(Subject subject) {
        return root.eval(subject) == Node.TRUE;
    }

    Node root() {
        return root;
    }

    /**
     * Evaluates the rule clause by clause, recording what held and which values were seen.
     *
     * @param subject the subject, not null
     * @return the evaluated rule, never null
     */
    public Clause explain(Subject subject) {
        return root.explain(Objects.requireNonNull(subject, "subject"));
    }

    @Override
    public String toString() {
        return "CompiledRule[" + rule + "]";
    }
}
