package org.crmkit.core.segment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a rule, segmentation or rule document is invalid; lists every problem found, each
 * with the JSON path of the offending element. The message starts with the first problem.
 *
 * <pre>{@code
 * try {
 *     Segmentation s = SegmentationJson.read(json, registry);
 * } catch (InvalidRuleException e) {
 *     e.problems().forEach(p -> log(p.path(), p.message()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problems; a List.copyOf list, hence serializable. */
    private final List<RuleProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems, not empty
     * @throws IllegalArgumentException if empty
     */
    public InvalidRuleException(List<RuleProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception for one problem.
     *
     * @param path the JSON path, not null
     * @param message the problem, not null
     */
    public InvalidRuleException(String path, String message) {
        this(List.of(new RuleProblem(path, message)));
    }

    private static String message(List<RuleProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid rule needs at least one problem");
        }
        String shown = problems.stream().limit(5).map(RuleProblem::toString).collect(Collectors.joining("; "));
        return problems.size() > 5 ? shown + "; and " + (problems.size() - 5) + " more" : shown;
    }

    /**
     * Returns every problem found, in document order.
     *
     * @return an unmodifiable list, not empty
     */
    public List<RuleProblem> problems() {
        return problems;
    }
}
