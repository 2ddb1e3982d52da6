package org.crmkit.examples.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.store.CustomerQuery;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.store.StoreStats;
import org.crmkit.core.store.jdbc.JdbcCustomerStore;
import org.crmkit.core.store.jdbc.SchemaVersionException;
import org.crmkit.core.store.jdbc.StoreAccessException;
import org.crmkit.core.store.jdbc.UrlDataSource;

/**
 * The demo's database section: the (merged) simulated customers and their activities are
 * stored in a JDBC database (by default an embedded H2 database in a new temporary folder),
 * read back, and the time of both is printed with where the database is, so that
 * {@code crm store export|erase|stats --database URL} can be tried on it afterwards.
 *
 * <p>Not thread-safe; use it from one thread.
 */
public final class DatabaseReport {
    /** Customers per transaction of the bulk import ({@code JdbcCustomerStore.importInChunks}). */
    private static final int CHUNK = 1_000;
    private final String where;
    private final int customers;
    private final int activities;
    private final double storeSeconds;
    private final double readSeconds;
    private final long current;
    private final StoreStats stats;

    private DatabaseReport(String where, int customers, int activities, double storeSeconds, double readSeconds,
            long current, StoreStats stats) {
        this.where = where;
        this.customers = customers;
        this.activities = activities;
        this.storeSeconds = storeSeconds;
        this.readSeconds = readSeconds;
        this.current = current;
        this.stats = stats;
    }

    /**
     * Returns the URL of a new embedded H2 database in a new temporary folder.
     *
     * @return the JDBC URL, never null
     * @throws UncheckedIOException if the folder cannot be created
     */
    public static String defaultUrl() {
        try {
            Path dir = Files.createTempDirectory("crm-demo-");
            return "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath() + ";LOCK_TIMEOUT=10000";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the demo database", e);
        }
    }

    /**
     * Stores every customer and activity of a store into the database at a URL (which must not
     * hold customers yet), then reads them all back.
     *
     * @param source the simulated store, not null
     * @param url the JDBC URL, not null
     * @param clock the simulation clock, not null
     * @return the report, never null
     * @throws IllegalArgumentException if the database cannot be opened, has a schema of
     *     another version, already holds customers, or reads back other data than was stored
     */
    public static DatabaseReport of(CustomerStore source, String url, Clock clock) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(clock, "clock");
        UrlDataSource ds = UrlDataSource.pooled(url, 4);
        String where = ds.toString().replaceFirst("^UrlDataSource\\[", "").replaceFirst("]$", "");
        JdbcCustomerStore store;
        try {
            store = JdbcCustomerStore.builder(ds).clock(clock).build();
        } catch (StoreAccessException e) {
            throw new IllegalArgumentException(where + ": cannot open the database (SQL state " + e.sqlState() + ")", e);
        } catch (SchemaVersionException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        if (store.stats().customers() > 0) {
            throw new IllegalArgumentException(where + ": the database already holds customers; the demo writes"
                    + " into an empty one (leave out --database for a new embedded one)");
        }
        List<Customer> customers = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        source.stream(CustomerQuery.all()).forEach(c -> {
            customers.add(c.withVersion(0));
            activities.addAll(source.activitiesOf(c.id()));
        });
        long t0 = System.nanoTime();
        store.importInChunks(customers, activities, "crm-demo", CHUNK);
        long t1 = System.nanoTime();
        int readCustomers = 0;
        int readActivities = 0;
        for (Customer c : (Iterable<Customer>) store.stream(CustomerQuery.all())::iterator) {
            readCustomers++;
            readActivities += store.activitiesOf(c.id()).size();
        }
        long t2 = System.nanoTime();
        if (readCustomers != customers.size() || readActivities != activities.size()) {
            throw new IllegalStateException("read back " + readCustomers + " customers and " + readActivities
                    + " activities, stored " + customers.size() + " and " + activities.size());
        }
        long current = store.stream(CustomerQuery.builder().status(CustomerStatus.CURRENT).build()).count();
        return new DatabaseReport(where, customers.size(), activities.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, current,
                store.stats());
    }

    /**
     * Prints the section.
     *
     * @param out where to, not null
     */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%nDatabase: %s%n", where);
        out.printf(Locale.ROOT, "  stored %,d customers and %,d activities in transactions of %,d customers in %.2f s;"
                + " read all back page by page in %.2f s%n", customers, activities, CHUNK, storeSeconds, readSeconds);
        out.printf(Locale.ROOT, "  %,d customers have status CURRENT (an indexed query); counts: %,d customers,"
                + " %,d activities, %,d merges, %,d erasures%n", current, stats.customers(), stats.activities(),
                stats.merges(), stats.erasures());
        out.printf(Locale.ROOT, "  try: crm store stats --database '%s'%n", where);
    }
}
