package org.crmkit.core.store.jdbc;

import java.util.Objects;

/**
 * Thrown by {@link JdbcCustomerStore#importInChunks} when a chunk fails: the chunks before it
 * are committed (the {@linkplain #report() report} says how much), the failing chunk is rolled
 * back, nothing after it is written. Running the same import again stores what is missing. The
 * cause is the failure of the chunk (usually a {@link StoreAccessException}). The message names
 * counts and the cause's message, never a customer's data.
 *
 * <p>Immutable and thread-safe.
 */
public final class PartialImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ImportReport report;

    /**
     * Creates the exception.
     *
     * @param report what was committed before the failure, not null
     * @param cause the failure of the chunk, not null
     */
    public PartialImportException(ImportReport report, RuntimeException cause) {
        super("import stopped after " + Objects.requireNonNull(report, "report").chunks() + " committed chunks ("
                + report.customers() + " customers, " + report.activities() + " activities): "
                + Objects.requireNonNull(cause, "cause").getMessage(), cause);
        this.report = report;
    }

    /** @return what was committed before the failure, never null */
    public ImportReport report() {
        return report;
    }
}
