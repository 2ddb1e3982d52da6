package org.crmkit.core.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crmkit.core.segment.RuleProblem;

/**
 * Thrown when a lifecycle definition or policy is invalid; lists every problem found.
 *
 * <p>Each problem names where it is: a JSON path such as {@code $.transitions[2].to} for a
 * definition read from JSON, the same notation over declaration order for a definition built in
 * Java (the third {@code transition(...)} call is {@code $.transitions[2]}).
 *
 * <pre>{@code
 * try {
 *     LifecycleJson.readLifecycle(json, bindings);
 * } catch (LifecycleDefinitionException e) {
 *     e.problems().forEach(p -> System.err.println(p.path() + ": " + p.message()));
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public final class LifecycleDefinitionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The problems, never empty. */
    private final transient List<RuleProblem> problems;

    /**
     * Creates the exception.
     *
     * @param source   what was validated, for example {@code lifecycle 'relationship'}, not null
     * @param problems the problems, not empty
     * @throws IllegalArgumentException if problems is empty
     */
    public LifecycleDefinitionException(String source, List<RuleProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<RuleProblem> problems) {
        Objects.requireNonNull(source, "source");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        return "invalid " + source + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "): "
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; "));
    }

    /**
     * Returns the problems, in the order found.
     *
     * @return the problems, never empty
     */
    public List<RuleProblem> problems() {
        return problems;
    }
}
