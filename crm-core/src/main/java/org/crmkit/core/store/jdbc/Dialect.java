package org.crmkit.core.store.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases whose migration scripts ship in the jar. The Java code uses only portable SQL
 * (SELECT ... FOR UPDATE, identity columns, FETCH FIRST); the scripts differ in the type of
 * large text columns and in the collation of ids.
 */
enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    String folder() {
        return folder;
    }

    static Dialect of(String name) {
        for (Dialect d : values()) {
            if (d.folder.equals(name.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported database '" + name + "': crmkit ships migrations for h2 and postgresql");
    }

    static Dialect detect(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database '" + meta.getDatabaseProductName()
                + "': crmkit ships migrations for H2 and PostgreSQL; see the package documentation for another database");
    }
}
