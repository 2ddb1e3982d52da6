package org.crmkit.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.crmkit.core.ModelSamples;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static DataSource h2() {
        return UrlDataSource.of("jdbc:h2:mem:migrations" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    private static void execute(DataSource ds, String... sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Test
    void create_appliesEveryScriptOnce_andRecordsIt() {
        DataSource ds = h2();
        JdbcCustomerStore store = JdbcCustomerStore.builder(ds).clock(ModelSamples.CLOCK).build();
        assertThat(store.schemaVersion()).isEqualTo(JdbcCustomerStore.latestSchemaVersion()).isEqualTo(1);
        // a second start applies nothing and validates
        JdbcCustomerStore again = JdbcCustomerStore.builder(ds).schema(SchemaMode.VALIDATE).build();
        again.create(ModelSamples.person("C-1"));
        assertThat(JdbcCustomerStore.builder(ds).build().find(ModelSamples.person("C-1").id())).isPresent();
    }

    @Test
    void validate_withoutSchema_failsNamingWhatToDo() {
        assertThatThrownBy(() -> JdbcCustomerStore.builder(h2()).schema(SchemaMode.VALIDATE).build())
                .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
                    assertThat(e.databaseVersion()).isZero();
                    assertThat(e.libraryVersion()).isEqualTo(1);
                }).hasMessageContaining("no crmkit schema").hasMessageContaining("SchemaMode.CREATE");
    }

    @Test
    void newerSchema_isRefusedInEveryCheckingMode() throws Exception {
        DataSource ds = h2();
        JdbcCustomerStore.builder(ds).build();
        execute(ds, "INSERT INTO crm_schema_migrations (version, description, checksum, applied_at)"
                + " VALUES (2, 'from the future', 'x', 0)");
        for (SchemaMode mode : new SchemaMode[] {SchemaMode.CREATE, SchemaMode.VALIDATE}) {
            assertThatThrownBy(() -> JdbcCustomerStore.builder(ds).schema(mode).build())
                    .isInstanceOfSatisfying(SchemaVersionException.class, e -> assertThat(e.databaseVersion()).isEqualTo(2))
                    .hasMessageContaining("version 2, newer than this library's 1");
        }
        // NONE trusts the DBA
        assertThat(JdbcCustomerStore.builder(ds).schema(SchemaMode.NONE).build().schemaVersion()).isEqualTo(2);
    }

    @Test
    void changedScript_isDetectedByChecksum() throws Exception {
        DataSource ds = h2();
        JdbcCustomerStore.builder(ds).build();
        execute(ds, "UPDATE crm_schema_migrations SET checksum = 'edited' WHERE version = 1");
        assertThatThrownBy(() -> JdbcCustomerStore.builder(ds).schema(SchemaMode.VALIDATE).build())
                .isInstanceOf(SchemaVersionException.class).hasMessageContaining("checksum edited");
    }

    @Test
    void migrationSql_isWhatADbaRuns_thenValidatePasses() throws Exception {
        String sql = JdbcCustomerStore.migrationSql("h2");
        assertThat(sql).contains("CREATE TABLE crm_schema_migrations", "CREATE TABLE crm_customer",
                "INSERT INTO crm_schema_migrations");
        DataSource ds = h2();
        execute(ds, Migrations.statements(sql).toArray(String[]::new));
        JdbcCustomerStore store = JdbcCustomerStore.builder(ds).schema(SchemaMode.VALIDATE).build();
        assertThat(store.schemaVersion()).isEqualTo(1);
        assertThat(JdbcCustomerStore.migrationSql("postgresql")).contains("COLLATE \"C\"", "TEXT");
        assertThatThrownBy(() -> JdbcCustomerStore.migrationSql("oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h2 and postgresql");
    }

    @Test
    void unreachableDatabase_isAStoreAccessExceptionWithoutCredentials() {
        DataSource ds = UrlDataSource.of("jdbc:postgresql://127.0.0.1:1/none", "secret-user", "secret-password");
        assertThatThrownBy(() -> JdbcCustomerStore.builder(ds).build()).isInstanceOf(StoreAccessException.class)
                .hasMessageContaining("opening the customer store").hasMessageNotContaining("secret");
        assertThat(ds.toString()).isEqualTo("UrlDataSource[jdbc:postgresql://127.0.0.1:1/none]");
    }

    @Test
    void postgresql_migratesAndValidates() {
        EmbeddedPostgres.requireOrSkip(EmbeddedPostgres.unavailableReason());
        DataSource ds = EmbeddedPostgres.shared().newDatabase();
        assertThat(JdbcCustomerStore.builder(ds).build().schemaVersion()).isEqualTo(1);
        assertThat(JdbcCustomerStore.builder(ds).schema(SchemaMode.VALIDATE).build().toString())
                .isEqualTo("JdbcCustomerStore[postgresql]");
    }
}
