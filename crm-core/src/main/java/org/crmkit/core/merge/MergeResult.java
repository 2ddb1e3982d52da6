package org.crmkit.core.merge;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Check;

/**
 * The outcome of merging two customer records: the surviving record, the id that was
 * merged away, and all activities of both, now belonging to the survivor.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customer the merged record, not null; its mergedIds contain mergedAwayId
 * @param mergedAwayId the id of the record that no longer exists on its own, not null
 * @param activities every activity of both records, oldest first, not null
 */
public record MergeResult(Customer customer, CustomerId mergedAwayId, List<Activity> activities) {
    /**
     * Validates the result.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the merged record does not list mergedAwayId or an
     *     activity belongs to another customer
     */
    public MergeResult {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(mergedAwayId, "mergedAwayId");
        activities = Check.list(activities, "activities");
        if (!customer.mergedIds().contains(mergedAwayId)) {
            throw new IllegalArgumentException("merged customer " + customer.id() + " does not list " + mergedAwayId);
        }
        for (Activity a : activities) {
            if (!a.customerId().equals(customer.id())) {
                throw new IllegalArgumentException("activity " + a.id() + " belongs to " + a.customerId());
            }
        }
    }
}
