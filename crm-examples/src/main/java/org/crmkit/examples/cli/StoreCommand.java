package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.store.ErasureRecord;
import org.crmkit.core.store.StoreStats;
import org.crmkit.core.store.SubjectExport;
import org.crmkit.core.store.jdbc.JdbcCustomerStore;
import org.crmkit.core.store.jdbc.SchemaMode;
import org.crmkit.core.store.jdbc.SchemaVersionException;
import org.crmkit.core.store.jdbc.StoreAccessException;
import org.crmkit.core.store.jdbc.UrlDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm store export|erase|stats --database JDBC_URL}: data-subject access, erasure on
 * request and counts, on a database that holds a crmkit schema (it is validated, never created
 * or changed by these commands). An unknown customer, an unreachable database or a schema of
 * another version end with exit code 2 and one line on stderr that never shows credentials.
 * The H2 driver is in crm.jar; for PostgreSQL put its driver on the class path.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Export, erase and count what a crmkit database holds.",
        subcommands = {StoreCommand.Export.class, StoreCommand.Erase.class, StoreCommand.Stats.class})
public final class StoreCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the store named by a URL, turning database failures into bad input naming the URL without secrets. */
    static JdbcCustomerStore open(String url, Clock clock) {
        UrlDataSource ds;
        try {
            ds = UrlDataSource.of(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--database: " + e.getMessage(), e);
        }
        String where = ds.toString().replaceFirst("^UrlDataSource\\[", "").replaceFirst("]$", "");
        try {
            return JdbcCustomerStore.builder(ds).clock(clock).schema(SchemaMode.VALIDATE).build();
        } catch (StoreAccessException e) {
            throw new IllegalArgumentException(where + ": cannot open the database (SQL state " + e.sqlState() + ")", e);
        } catch (SchemaVersionException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** The {@code --database} option of every store subcommand, as a picocli mixin. */
    static final class Database {
        @Option(names = "--database", required = true, paramLabel = "JDBC_URL", description = "the crmkit database")
        private String url;

        /**
         * Opens the store the option names (see {@link StoreCommand#open}).
         *
         * @param clock the store's clock, not null
         * @return the store, never null
         */
        JdbcCustomerStore open(Clock clock) {
            return StoreCommand.open(url, clock);
        }
    }

    /** The {@code --customer} option of the subcommands that act on one customer, as a picocli mixin. */
    static final class CustomerOption {
        @Option(names = "--customer", required = true, paramLabel = "ID", description = "the customer id")
        private String customer;

        /**
         * Returns the customer the option names.
         *
         * @return the id, never null
         * @throws IllegalArgumentException if the id is blank
         */
        CustomerId id() {
            return CustomerId.of(customer);
        }
    }

    /** {@code crm store export}: everything held about one customer, as JSON on stdout. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print everything held about one customer as JSON (data-subject access).")
    static final class Export implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Database database;

        @Mixin
        private CustomerOption customer;

        @Override
        public Integer call() {
            Clock clock = Clock.systemUTC();
            JdbcCustomerStore store = database.open(clock);
            PrintWriter out = spec.commandLine().getOut();
            out.println(SubjectExport.json(store, customer.id(), clock));
            out.flush();
            return 0;
        }
    }

    /** {@code crm store erase}: anonymises one customer's personal data and records who did it. */
    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase one customer's personal data (amounts, dates and categories stay); the erasure is recorded.")
    static final class Erase implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Database database;

        @Mixin
        private CustomerOption customer;

        @Option(names = "--actor", required = true, paramLabel = "NAME", description = "who carries out the erasure")
        private String actor;

        @Override
        public Integer call() {
            JdbcCustomerStore store = database.open(Clock.systemUTC());
            ErasureRecord r = store.erase(customer.id(), actor);
            PrintWriter out = spec.commandLine().getOut();
            out.println("{\"customer\":" + CliJson.quote(r.customerId().value()) + ",\"actor\":" + CliJson.quote(r.actor())
                    + ",\"erasedAt\":\"" + r.at() + "\"}");
            out.flush();
            spec.commandLine().getErr().println("crm: erased the personal data of customer " + r.customerId());
            return 0;
        }
    }

    /** {@code crm store stats}: JSON counts. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Print JSON counts of customers, activities, merges and erasures.")
    static final class Stats implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Database database;

        @Override
        public Integer call() {
            JdbcCustomerStore store = database.open(Clock.systemUTC());
            StoreStats s = store.stats();
            PrintWriter out = spec.commandLine().getOut();
            out.println("{\"customers\":" + s.customers() + ",\"activities\":" + s.activities() + ",\"merges\":"
                    + s.merges() + ",\"erasures\":" + s.erasures() + ",\"schemaVersion\":" + store.schemaVersion() + "}");
            out.flush();
            return 0;
        }
    }

    /** JSON string quoting for the few values these commands print. */
    static final class CliJson {
        private CliJson() {
        }

        static String quote(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }
}
