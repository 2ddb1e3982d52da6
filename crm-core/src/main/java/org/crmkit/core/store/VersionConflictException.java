package org.crmkit.core.store;

import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * Thrown when a write is based on a stale version of a customer: somebody else changed
 * it in between. Reload, re-apply the change and try again.
 *
 * <p>Exposes the customer id, the version the caller expected and the version found.
 * A create of an id that already exists is reported with expected version 0.
 * Immutable and thread-safe.
 */
public final class VersionConflictException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient CustomerId customerId;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param customerId the customer, not null
     * @param expectedVersion the version the caller based its change on
     * @param actualVersion the version currently stored
     */
    public VersionConflictException(CustomerId customerId, long expectedVersion, long actualVersion) {
        super("customer " + Objects.requireNonNull(customerId, "customerId") + " was changed concurrently: expected version "
                + expectedVersion + " but the store has version " + actualVersion);
        this.customerId = customerId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** @return the customer, never null */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the version the caller expected */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** @return the version found in the store */
    public long actualVersion() {
        return actualVersion;
    }
}
