package org.crmkit.core.store.jdbc;

import java.sql.SQLException;
import java.util.Objects;

/**
 * Thrown when the database cannot be reached or refuses a statement. Wraps the
 * {@link SQLException}; its message names the operation and the SQL state, never a customer's data.
 *
 * <p>Immutable and thread-safe.
 */
public final class StoreAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation what the store was doing, not null
     * @param cause the driver's exception, not null
     */
    public StoreAccessException(String operation, SQLException cause) {
        super(Objects.requireNonNull(operation, "operation") + " failed: SQL state "
                + Objects.requireNonNull(cause, "cause").getSQLState() + ", " + firstLine(cause.getMessage()), cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** @return the SQL state of the driver's exception, or null if it gave none */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
