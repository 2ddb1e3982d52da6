package org.crmkit.scoring.rfm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A named RFM segment: a customer belongs to it when each given score lies in its
 * range; an absent (null) range accepts any score.
 *
 * <p>JSON form: {@code {"name":"champions","recency":{"min":5,"max":5},
 * "frequency":{"min":4,"max":5}}}. Immutable and thread-safe.
 *
 * @param name the segment name, not blank
 * @param recency the accepted R scores, or null for any
 * @param frequency the accepted F scores, or null for any
 * @param monetary the accepted M scores, or null for any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RfmSegmentRule(String name, ScoreRange recency, ScoreRange frequency,
        ScoreRange monetary) {
    /**
     * Validates the rule.
     *
     * @param name see the record component
     * @param recency see the record component
     * @param frequency see the record component
     * @param monetary see the record component
     * @throws NullPointerException if the name is null
     * @throws IllegalArgumentException if the name is blank
     */
    public RfmSegmentRule {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("segment name is blank: '" + name + "'");
        }
    }

    /**
     * Tells whether the scores satisfy this rule.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return true if every given range contains its score
     */
    public boolean matches(int r, int f, int m) {
        return (recency == null || recency.contains(r))
                && (frequency == null || frequency.contains(f))
                && (monetary == null || monetary.contains(m));
    }
}
