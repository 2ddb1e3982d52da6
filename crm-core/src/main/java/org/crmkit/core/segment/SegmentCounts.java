package org.crmkit.core.segment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The number of subjects per segment from a bulk evaluation.
 *
 * <pre>{@code
 * SegmentCounts c = compiled.count(subjects);
 * long gold = c.count("gold");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param counts segment name to count, in segment order with the default last
 * @param subjects the number of subjects evaluated
 */
public record SegmentCounts(Map<String, Long> counts, long subjects) {
    /**
     * Validates the counts.
     *
     * @param counts the counts, see the record
     * @param subjects the subjects, see the record
     * @throws IllegalArgumentException if a count or the total is negative
     */
    public SegmentCounts {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(counts, "counts")));
        if (subjects < 0 || counts.values().stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("counts must not be negative: " + counts + ", subjects " + subjects);
        }
    }

    /**
     * Returns the count of one segment.
     *
     * @param segment the segment name, not null
     * @return the count
     * @throws IllegalArgumentException if there is no such segment
     */
    public long count(String segment) {
        Long c = counts.get(Objects.requireNonNull(segment, "segment"));
        if (c == null) {
            throw new IllegalArgumentException("no segment '" + segment + "' in " + counts.keySet());
        }
        return c;
    }
}
