package org.crmkit.core.store;

import java.util.Objects;
import org.crmkit.core.customer.CustomerId;

/**
 * Thrown when an operation names a customer the store does not hold.
 *
 * <p>Exposes the id. Immutable and thread-safe.
 */
public final class UnknownCustomerException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient CustomerId customerId;

    /**
     * Creates the exception.
     *
     * @param customerId the unknown id, not null
     */
    public UnknownCustomerException(CustomerId customerId) {
        super("no customer with id " + Objects.requireNonNull(customerId, "customerId"));
        this.customerId = customerId;
    }

    /** @return the unknown id, never null */
    public CustomerId customerId() {
        return customerId;
    }
}
