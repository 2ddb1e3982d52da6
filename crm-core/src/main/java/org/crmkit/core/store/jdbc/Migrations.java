package org.crmkit.core.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versioned migration scripts in the jar and their application. Scripts live at
 * {@code org/crmkit/core/store/jdbc/<dialect>/V<n>__<description>.sql}; each is applied once,
 * in version order, in a transaction of its own (PostgreSQL runs DDL transactionally; H2 commits
 * each DDL statement), and recorded with its SHA-256 in {@value #TABLE}.
 */
final class Migrations {
    static final String TABLE = "crm_schema_migrations";
    /** The scripts this library ships, by version; the same list for every dialect. */
    static final List<String> SCRIPTS = List.of("V1__customer_store.sql", "V2__no_index_twice.sql");
    static final int LATEST = SCRIPTS.size();

    /** Creates {@value #TABLE}. */
    static final String CREATE_TABLE = "CREATE TABLE " + TABLE + " (\n"
            + "    version     INTEGER      NOT NULL PRIMARY KEY,\n"
            + "    description VARCHAR(200) NOT NULL,\n"
            + "    checksum    VARCHAR(64)  NOT NULL,\n"
            + "    applied_at  BIGINT       NOT NULL\n"
            + ")";

    private Migrations() {
    }

    record Script(int version, String description, String sql, String checksum) {
    }

    static List<Script> scripts(Dialect dialect) {
        List<Script> scripts = new ArrayList<>();
        for (int i = 0; i < SCRIPTS.size(); i++) {
            String name = SCRIPTS.get(i);
            String path = dialect.folder() + "/" + name;
            try (InputStream in = Migrations.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("migration script " + path + " is missing from the jar");
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String description = name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' ');
                scripts.add(new Script(i + 1, description, sql, sha256(sql)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration script " + path, e);
            }
        }
        return scripts;
    }

    /** The full SQL a DBA runs to create the schema by hand, migrations table included. */
    static String sql(Dialect dialect) {
        StringBuilder sb = new StringBuilder("-- crmkit customer store schema for ").append(dialect.folder())
                .append(", versions 1 to ").append(LATEST).append("\n");
        sb.append(CREATE_TABLE).append(";\n");
        for (Script s : scripts(dialect)) {
            sb.append("\n-- V").append(s.version()).append(": ").append(s.description()).append('\n');
            sb.append(s.sql().strip()).append('\n');
            sb.append("INSERT INTO ").append(TABLE).append(" (version, description, checksum, applied_at) VALUES (")
                    .append(s.version()).append(", '").append(s.description()).append("', '").append(s.checksum())
                    .append("', 0);\n");
        }
        return sb.toString();
    }

    static void apply(Connection c, Dialect dialect, SchemaMode mode, long nowMicros) throws SQLException {
        if (mode == SchemaMode.NONE) {
            return;
        }
        Map<Integer, String> applied = applied(c);
        if (applied == null) {
            if (mode == SchemaMode.VALIDATE) {
                throw new SchemaVersionException("the database has no crmkit schema (table " + TABLE
                        + " is missing); start with SchemaMode.CREATE or run JdbcCustomerStore.migrationSql()", 0, LATEST);
            }
            try (Statement st = c.createStatement()) {
                st.execute(CREATE_TABLE);
            } catch (SQLException e) {
                applied = applied(c); // another process created it meanwhile
                if (applied == null) {
                    throw e;
                }
            }
            if (applied == null) {
                applied = new TreeMap<>();
            }
        }
        int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > LATEST) {
            throw new SchemaVersionException("the database schema has version " + newest
                    + ", newer than this library's " + LATEST + "; use a newer crmkit", newest, LATEST);
        }
        for (Script s : scripts(dialect)) {
            String checksum = applied.get(s.version());
            if (checksum != null) {
                if (!checksum.equals(s.checksum())) {
                    throw new SchemaVersionException("migration V" + s.version() + " (" + s.description()
                            + ") was applied with another script (checksum " + checksum + ", this library has "
                            + s.checksum() + ")", newest, LATEST);
                }
                continue;
            }
            if (mode == SchemaMode.VALIDATE) {
                throw new SchemaVersionException("migration V" + s.version() + " (" + s.description()
                        + ") is not applied; the database has version " + newest + ", this library needs " + LATEST,
                        newest, LATEST);
            }
            run(c, s, nowMicros);
        }
    }

    private static void run(Connection c, Script s, long nowMicros) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String statement : statements(s.sql())) {
                st.execute(statement);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                ps.setInt(1, s.version());
                ps.setString(2, s.description());
                ps.setString(3, s.checksum());
                ps.setLong(4, nowMicros);
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Splits a script at semicolons that end a line; comment lines are dropped. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (t.endsWith(";")) {
                String stmt = current.toString().strip();
                statements.add(stmt.substring(0, stmt.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** The applied versions and checksums, or null if the migrations table does not exist. */
    static Map<Integer, String> applied(Connection c) throws SQLException {
        if (!tableExists(c)) {
            return null;
        }
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + TABLE)) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    private static boolean tableExists(Connection c) throws SQLException {
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || schema.equalsIgnoreCase(c.getSchema())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
