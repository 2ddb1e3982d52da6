package org.crmkit.core.segment;

import java.util.Objects;

/**
 * One reason a rule or segmentation is invalid, located by a JSON path such as
 * {@code $.segments[2].rule.all[0].value}.
 *
 * @param path the JSON path of the offending element, not null
 * @param message what is wrong, not null
 *
 * <p>Immutable and thread-safe.
 */
public record RuleProblem(String path, String message) {
    /** Validates the components. */
    public RuleProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
