package org.crmkit.core.store.jdbc;

import java.util.List;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * What {@link JdbcCustomerStore#importInChunks} committed: the customers and activities
 * written, the chunks (transactions) committed, and the customers left out because their id was
 * already stored.
 *
 * <pre>{@code
 * ImportReport report = store.importInChunks(customers, activities, "nightly-load", 1_000);
 * if (!report.skipped().isEmpty()) { ... }   // ids that were stored before this import
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param customers customers written by this import, not negative
 * @param activities activities written by this import, not negative
 * @param chunks transactions committed, not negative
 * @param skipped ids of customers already stored and so not written (nor their activities),
 *     in input order, not null
 */
public record ImportReport(int customers, long activities, int chunks, List<CustomerId> skipped) {
    /**
     * Validates the counts and copies the list.
     *
     * @throws IllegalArgumentException if a count is negative
     * @throws NullPointerException if {@code skipped} is or holds null
     */
    public ImportReport {
        if (customers < 0 || activities < 0 || chunks < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + customers + ", " + activities + ", "
                    + chunks);
        }
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
    }
}
