package org.crmkit.core.segment;

import java.util.Objects;

/**
 * Why a subject is or is not in a segment: the rule's outcome and, clause by clause, what held
 * and which values were seen.
 *
 * <pre>{@code
 * Explanation e = compiled.explain(subject, "gold");
 * System.out.print(e.toText());   // for a service representative
 * Clause data = e.root();         // for an application
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param segment the segment name, not null
 * @param matched whether the subject is in the segment (its rule is TRUE, or it is the default
 *     segment and no other segment matched)
 * @param root the evaluated rule, not null
 */
public record Explanation(String segment, boolean matched, Clause root) {
    /**
     * Validates the components.
     *
     * @param segment the segment, see the record
     * @param matched the matched, see the record
     * @param root the root, see the record
     */
    public Explanation {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(root, "root");
    }

    /**
     * Renders the explanation as indented text, one clause per line, e.g.
     * <pre>
     * in segment 'gold': yes
     * [yes] all of
     *   [yes] age &gt;= 18 (age = 42)
     * </pre>
     *
     * @return the text, never null
     */
    public String toText() {
        StringBuilder b = new StringBuilder("in segment '").append(segment).append("': ")
                .append(matched ? "yes" : "no").append('\n');
        root.render(b, 0);
        return b.toString();
    }
}
