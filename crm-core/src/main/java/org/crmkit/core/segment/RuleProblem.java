package org.crmkit.core.segment;

import java.util.Objects;

/**
 * One reason a rule or segmentation is invalid, located by a JSON path such as
 * {@code $.segments[2].rule.all[0].value}.
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

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
