package org.crmkit.core.segment;

import java.util.Objects;

/**
 * One reason a definition is invalid, located by a JSON path: a rule or segmentation
 * ({@code $.segments[2].rule.all[0].value}, in {@link InvalidRuleException}) or a lifecycle
 * definition or policy ({@code $.transitions[2].to}, in
 * {@link org.crmkit.core.lifecycle.LifecycleDefinitionException}). A definition built in Java
 * uses the same notation over declaration order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the JSON path of the offending element, not null
 * @param message what is wrong, not null
 */
public record RuleProblem(String path, String message) {
    /**
     * Validates the components.
     *
     * @param path the path, see the record
     * @param message the message, see the record
     */
    public RuleProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Returns {@code path: message}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
