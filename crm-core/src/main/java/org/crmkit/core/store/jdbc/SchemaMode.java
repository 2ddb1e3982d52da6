package org.crmkit.core.store.jdbc;

/**
 * What a {@link JdbcCustomerStore} does with the database schema when it starts.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum SchemaMode {
    /** Applies every migration the database lacks, in version order, and records it. */
    CREATE,
    /** Applies nothing; fails unless every migration is applied with an unchanged script. */
    VALIDATE,
    /** Checks nothing: the schema is managed elsewhere (see {@link JdbcCustomerStore#migrationSql}). */
    NONE
}
