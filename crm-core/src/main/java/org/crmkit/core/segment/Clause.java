package org.crmkit.core.segment;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one clause of a rule for one subject, with the value the clause saw: the data
 * form of an {@link Explanation}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the clause as written, e.g. {@code "age >= 18"}, not null
 * @param outcome whether the clause held, not null
 * @param observed the value seen, e.g. {@code "age = 42"} or {@code "age is absent"}; empty for
 *     {@code all}/{@code any}/{@code not}
 * @param children the sub-clauses of an {@code all}/{@code any}/{@code not}, empty for a comparison
 */
public record Clause(String text, Truth outcome, String observed, List<Clause> children) {
    /**
     * Validates the components.
     *
     * @param text the text, see the record
     * @param outcome the outcome, see the record
     * @param observed the observed, see the record
     * @param children the children, see the record
     */
    public Clause {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(observed, "observed");
        children = List.copyOf(children);
    }

    void render(StringBuilder out, int indent) {
        out.append("  ".repeat(indent))
                .append(outcome == Truth.TRUE ? "[yes] " : outcome == Truth.FALSE ? "[no] " : "[unknown] ")
                .append(text);
        if (!observed.isEmpty()) {
            out.append(" (").append(observed).append(')');
        }
        out.append('\n');
        for (Clause c : children) {
            c.render(out, indent + 1);
        }
    }
}
