package org.crmkit.core.store;

/**
 * Counts of what a {@link CustomerStore} holds, as {@code crm store stats} prints them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customers customer records, not negative
 * @param activities activities, not negative
 * @param merges merges recorded, not negative
 * @param erasures erasures recorded, not negative
 */
public record StoreStats(long customers, long activities, long merges, long erasures) {
    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public StoreStats {
        if (customers < 0 || activities < 0 || merges < 0 || erasures < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + customers + ", " + activities + ", "
                    + merges + ", " + erasures);
        }
    }
}
