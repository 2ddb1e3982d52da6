package org.crmkit.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Email;
import org.crmkit.core.store.CustomerQuery;
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
        assertThat(store.schemaVersion()).isEqualTo(JdbcCustomerStore.latestSchemaVersion()).isEqualTo(2);
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
                    assertThat(e.libraryVersion()).isEqualTo(2);
                }).hasMessageContaining("no crmkit schema").hasMessageContaining("SchemaMode.CREATE");
    }

    @Test
    void newerSchema_isRefusedInEveryCheckingMode() throws Exception {
        DataSource ds = h2();
        JdbcCustomerStore.builder(ds).build();
        execute(ds, "INSERT INTO crm_schema_migrations (version, description, checksum, applied_at)"
                + " VALUES (3, 'from the future', 'x', 0)");
        for (SchemaMode mode : new SchemaMode[] {SchemaMode.CREATE, SchemaMode.VALIDATE}) {
            assertThatThrownBy(() -> JdbcCustomerStore.builder(ds).schema(mode).build())
                    .isInstanceOfSatisfying(SchemaVersionException.class, e -> assertThat(e.databaseVersion()).isEqualTo(3))
                    .hasMessageContaining("version 3, newer than this library's 2");
        }
        // NONE trusts the DBA
        assertThat(JdbcCustomerStore.builder(ds).schema(SchemaMode.NONE).build().schemaVersion()).isEqualTo(3);
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
        assertThat(store.schemaVersion()).isEqualTo(2);
        assertThat(JdbcCustomerStore.migrationSql("postgresql")).contains("COLLATE \"C\"", "TEXT");
        assertThatThrownBy(() -> JdbcCustomerStore.migrationSql("oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("h2 and postgresql");
    }

    @Test
    void version1Database_isUpgradedInPlace_keepingEveryRow() throws Exception {
        DataSource ds = h2();
        // a database as version 1 of this library left it, with a customer, its keys and activities
        Migrations.Script v1 = Migrations.scripts(Dialect.H2).get(0);
        execute(ds, Migrations.CREATE_TABLE);
        execute(ds, Migrations.statements(v1.sql()).toArray(String[]::new));
        execute(ds, "INSERT INTO crm_schema_migrations VALUES (1, '" + v1.description() + "', '" + v1.checksum() + "', 0)");
        JdbcCustomerStore old = JdbcCustomerStore.builder(ds).schema(SchemaMode.NONE).clock(ModelSamples.CLOCK).build();
        Customer stored = old.create(ModelSamples.person("C-1"), "rep");
        for (Activity a : ModelSamples.activities(stored.id())) {
            old.record(a);
        }
        assertThat(old.schemaVersion()).isEqualTo(1);
        assertThat(indexes(ds)).contains("CRM_ACTIVITY(CUSTOMER_ID)", "CRM_ACTIVITY(CUSTOMER_ID,OCCURRED_AT)");

        assertThatThrownBy(() -> JdbcCustomerStore.builder(ds).schema(SchemaMode.VALIDATE).build())
                .isInstanceOf(SchemaVersionException.class).hasMessageContaining("V2 (no index twice) is not applied");
        JdbcCustomerStore upgraded = JdbcCustomerStore.builder(ds).clock(ModelSamples.CLOCK).build();
        assertThat(upgraded.schemaVersion()).isEqualTo(2);
        assertThat(upgraded.find(stored.id())).contains(stored);
        assertThat(upgraded.activitiesOf(stored.id())).hasSameElementsAs(ModelSamples.activities(stored.id()));
        Instant to = ModelSamples.T0.plus(Duration.ofDays(39));
        assertThat(upgraded.activitiesOf(stored.id(), Purchase.class, ModelSamples.T0, to))
                .as("by customer and period without the index on (customer_id, occurred_at)")
                .hasSameElementsAs(ModelSamples.activities(stored.id()).stream()
                        .filter(a -> a instanceof Purchase && !a.timestamp().isAfter(to))
                        .map(Purchase.class::cast).toList()).isNotEmpty();
        assertThat(upgraded.find(CustomerQuery.builder()
                .email(Email.of("lena.schmidt@example.com")).build())).containsExactly(stored);
        assertThat(indexes(ds)).contains("CRM_ACTIVITY(CUSTOMER_ID)")
                .doesNotContain("CRM_ACTIVITY(CUSTOMER_ID,OCCURRED_AT)");
    }

    @Test
    void h2Schema_holdsNoIndexTwice() throws Exception {
        DataSource ds = h2();
        JdbcCustomerStore.builder(ds).build();
        List<String> indexes = indexes(ds);
        assertThat(indexes).as("no two indexes of a table on the same columns").doesNotHaveDuplicates()
                .contains("CRM_ACTIVITY(CUSTOMER_ID)", "CRM_CUSTOMER_KEY(CUSTOMER_ID)");
        assertThat(indexes).as("one index of activities, one of keys leads with customer_id")
                .filteredOn(i -> i.matches("CRM_(ACTIVITY|CUSTOMER_KEY)\\(CUSTOMER_ID.*")).hasSize(2);
    }

    /** Every index of the schema as {@code TABLE(COLUMN,...)}. */
    private static List<String> indexes(DataSource ds) throws Exception {
        List<String> indexes = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT TABLE_NAME, LISTAGG(COLUMN_NAME, ',') WITHIN GROUP"
                        + " (ORDER BY ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " GROUP BY TABLE_NAME, INDEX_NAME")) {
            while (rs.next()) {
                indexes.add(rs.getString(1) + "(" + rs.getString(2) + ")");
            }
        }
        return indexes;
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
        assertThat(JdbcCustomerStore.builder(ds).build().schemaVersion()).isEqualTo(2);
        assertThat(JdbcCustomerStore.builder(ds).schema(SchemaMode.VALIDATE).build().toString())
                .isEqualTo("JdbcCustomerStore[postgresql]");
    }
}
