package org.crmkit.core.activity;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * A satisfaction survey answer: expectation score a, experience score b (both on the same
 * positive scale, for example 1..10) and optionally the net-promoter answer 0..10.
 * Satisfaction is C = b / a (perceived experience over expectation; C &gt;= 1 means
 * expectations were met).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id, not null
 * @param customerId the customer, not null
 * @param timestamp when it was answered, not null
 * @param channel the channel, not null
 * @param actor who ran the survey, not null
 * @param expectation the expectation score a, finite and positive
 * @param experience the experience score b, finite and not negative
 * @param npsAnswer "how likely would you recommend us", 0..10, or null if not asked
 */
public record SatisfactionSurvey(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
        double expectation, double experience, Integer npsAnswer) implements Activity {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if a score is out of range or not finite
     */
    public SatisfactionSurvey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        if (!Double.isFinite(expectation) || expectation <= 0) {
            throw new IllegalArgumentException("expectation must be finite and positive: " + expectation);
        }
        if (!Double.isFinite(experience) || experience < 0) {
            throw new IllegalArgumentException("experience must be finite and not negative: " + experience);
        }
        if (npsAnswer != null && (npsAnswer < 0 || npsAnswer > 10)) {
            throw new IllegalArgumentException("npsAnswer must be 0..10: " + npsAnswer);
        }
    }

    /**
     * Returns the satisfaction C = b / a.
     *
     * @return experience divided by expectation, finite and not negative
     */
    public double satisfaction() {
        return experience / expectation;
    }

    /**
     * Returns the net-promoter category of the answer.
     *
     * @return the category, or empty if the question was not asked
     */
    public java.util.Optional<NpsCategory> npsCategory() {
        if (npsAnswer == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(npsAnswer >= 9 ? NpsCategory.PROMOTER
                : npsAnswer >= 7 ? NpsCategory.PASSIVE : NpsCategory.DETRACTOR);
    }

    @Override
    public SatisfactionSurvey withCustomerId(CustomerId customer) {
        return new SatisfactionSurvey(id, customer, timestamp, channel, actor, expectation, experience, npsAnswer);
    }
}
