package org.crmkit.core.store.jdbc;

/**
 * Thrown when the database schema does not fit this library: it is newer than the library
 * knows, a migration is missing in {@link SchemaMode#VALIDATE} mode, or an applied script was
 * changed since (its checksum differs).
 *
 * <p>Exposes the version the database has and the newest version this library knows.
 * Immutable and thread-safe.
 */
public final class SchemaVersionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final int databaseVersion;
    private final int libraryVersion;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, not null
     * @param databaseVersion the newest version applied to the database (0 for none)
     * @param libraryVersion the newest version this library ships
     */
    public SchemaVersionException(String message, int databaseVersion, int libraryVersion) {
        super(message);
        this.databaseVersion = databaseVersion;
        this.libraryVersion = libraryVersion;
    }

    /** @return the newest schema version applied to the database, 0 for none */
    public int databaseVersion() {
        return databaseVersion;
    }

    /** @return the newest schema version this library ships */
    public int libraryVersion() {
        return libraryVersion;
    }
}
