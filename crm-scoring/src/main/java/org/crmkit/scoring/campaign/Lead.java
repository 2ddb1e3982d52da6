package org.crmkit.scoring.campaign;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * A lead: a potential customer who came in through a source (a trade show, the web site,
 * a referral) at a moment, recorded as a crm-core customer (status potential) so that
 * later contacts and purchases are theirs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the lead's customer record, not null
 * @param source where the lead came from, for example {@code trade-show-2026}, not blank
 * @param at when the lead was captured, not null
 */
public record Lead(CustomerId customerId, String source, Instant at) {
    /**
     * Validates the lead.
     *
     * @param customerId see the record component
     * @param source see the record component
     * @param at see the record component
     * @throws IllegalArgumentException if the source is blank
     */
    public Lead {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        source = source.strip();
        if (source.isEmpty()) {
            throw new IllegalArgumentException("lead source must not be blank");
        }
    }
}
