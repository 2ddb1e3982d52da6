package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm demo --database} and {@code crm store export|erase|stats} on an H2 file database. */
class StoreCommandTest {
    @TempDir
    static Path dir;
    static String url;
    static String demoOutput;

    record Result(int code, String out, String err) {
    }

    static Result crm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Crm.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void demo() {
        url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
        Result r = crm("demo", "--customers", "300", "--seed", "7", "--database", url);
        assertThat(r.code()).as(r.err()).isZero();
        demoOutput = r.out();
    }

    @Test
    void demo_storesTheCustomersAndSaysWhere() {
        assertThat(demoOutput).contains("Database: " + url, "stored ", "read all back");
        Result again = crm("demo", "--customers", "300", "--database", url);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).startsWith("crm: " + url + ": the database already holds customers")
                .doesNotContain("\n").doesNotContain("at org.");
    }

    @Test
    void stats_printsJsonCounts() {
        Result r = crm("store", "stats", "--database", url);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).matches("\\{\"customers\":\\d+,\"activities\":\\d+,\"merges\":\\d+,\"erasures\":\\d+,"
                + "\"schemaVersion\":2}");
    }

    @Test
    void export_thenErase_thenExportShowsNoPersonalData() {
        Result export = crm("store", "export", "--database", url, "--customer", "C-000001");
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("\"customer\"", "\"activities\"", "\"auditTrail\"", "\"id\" : \"C-000001\"");
        Result erase = crm("store", "erase", "--database", url, "--customer", "C-000001", "--actor", "dpo-1");
        assertThat(erase.code()).as(erase.err()).isZero();
        assertThat(erase.out()).contains("\"customer\":\"C-000001\"", "\"actor\":\"dpo-1\"");
        Result after = crm("store", "export", "--database", url, "--customer", "C-000001");
        assertThat(after.out()).contains("[erased]", "\"field\" : \"erased\"").doesNotContain("@");
    }

    @Test
    void badInput_exitsTwoWithOneLine() throws Exception {
        Result unknown = crm("store", "export", "--database", url, "--customer", "C-404");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("crm: no customer with id C-404");

        Result unreachable = crm("store", "stats", "--database", "jdbc:postgresql://127.0.0.1:1/crm?password=secret");
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err().strip()).startsWith("crm: jdbc:postgresql://127.0.0.1:1/crm: cannot open the database")
                .doesNotContain("secret").doesNotContain("\n");

        Path newer = dir.resolve("newer");
        String newerUrl = "jdbc:h2:file:" + newer.toAbsolutePath();
        assertThat(crm("demo", "--customers", "20", "--database", newerUrl).code()).isZero();
        try (Connection c = DriverManager.getConnection(newerUrl); Statement st = c.createStatement()) {
            st.execute("INSERT INTO crm_schema_migrations VALUES (3, 'future', 'x', 0)");
        }
        Result future = crm("store", "stats", "--database", newerUrl);
        assertThat(future.code()).isEqualTo(2);
        assertThat(future.err().strip()).contains("schema has version 3, newer than this library's 2").doesNotContain("\n");

        Result debug = crm("store", "stats", "--database", newerUrl, "--debug");
        assertThat(debug.err()).contains("SchemaVersionException");
    }
}
