package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.crmkit.core.store.CustomerQuery;
import org.crmkit.core.store.jdbc.EmbeddedPostgres;
import org.crmkit.core.store.jdbc.JdbcCustomerStore;
import org.crmkit.core.store.jdbc.UrlDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JDBC customer store of crm-core on a real database: an embedded H2 file database (the
 * default of {@code crm demo}) and a PostgreSQL 16 server started from the Maven artifact that
 * crm-core's tests use (nothing installed on the machine).
 *
 * <ul>
 *   <li>{@link Import#importCustomers}: one {@code importAll} of {@code customers} new customers
 *       (the realistic records of {@link CustomerModelBenchmark}) with five purchases each, into
 *       an empty database. Target on H2 (issue 13): 100,000 customers at 20,000 customers/s or
 *       more, that is at most 5 s per operation. All-or-nothing: the whole import is one
 *       transaction.</li>
 *   <li>{@link Import#importCustomersInChunks}: the same customers and purchases through
 *       {@code importInChunks} with 100 customers per transaction (the bulk mode: each chunk is
 *       atomic, earlier chunks stay committed if a later one fails, and a re-run stores what is
 *       missing).</li>
 *   <li>{@link Loaded#pointLoad}: one customer and its 50 activities read by id from a store of
 *       10,000 customers. Target on H2: under 1 ms.</li>
 *   <li>{@link Import#storeAndReadBack}: the demo's path ({@code DatabaseReport}): store 10,000
 *       customers with their activities in one transaction, then read every customer and its
 *       activities back through the paged stream. Target on H2: under 5 s.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StoreBenchmark -f 1} after
 * {@code mvn -B -q package -DskipTests -pl benchmarks -am}. The PostgreSQL rows need a machine
 * where the embedded server can start (Linux x86-64); the benchmark fails there otherwise.
 */
public class StoreBenchmark {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Instant FIRST = Instant.parse("2022-01-01T00:00:00Z");

    private StoreBenchmark() {
    }

    /** A new, empty database of the given kind. */
    static UrlDataSource newDatabase(String database) {
        switch (database) {
            case "h2":
                try {
                    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("crm-bench-");
                    dir.toFile().deleteOnExit();
                    return UrlDataSource.pooled("jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath()
                            + ";LOCK_TIMEOUT=10000", 4);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            case "postgresql":
                return UrlDataSource.pooled(EmbeddedPostgres.shared().newSchemaUrl(), "postgres", "", 4);
            default:
                throw new IllegalArgumentException("unknown database " + database);
        }
    }

    /** {@code perCustomer} purchases of each customer, spread over three years. */
    static List<Activity> purchases(List<Customer> customers, int perCustomer, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Activity> result = new ArrayList<>(customers.size() * perCustomer);
        long span = Duration.between(FIRST, CLOCK.instant()).toMinutes();
        for (Customer c : customers) {
            CustomerId id = c.id();
            for (int k = 0; k < perCustomer; k++) {
                Instant at = FIRST.plus(Duration.ofMinutes(random.nextLong(span)));
                result.add(Purchase.of(ActivityId.of(id.value() + "-P" + k), id, at,
                        k % 3 == 0 ? Channel.WEB : Channel.STORE, Actor.CUSTOMER, "SKU-" + random.nextInt(500),
                        "category-" + random.nextInt(12), 1 + random.nextInt(3),
                        Money.of("EUR", BigDecimal.valueOf(500 + random.nextInt(20_000), 2).toPlainString())));
            }
        }
        return result;
    }

    /** Imports into a new, empty database per operation. */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Import {
        @Param({"h2", "postgresql"})
        public String database;

        @Param({"100000"})
        public int customers;

        private List<Customer> population;
        private List<Activity> activities;
        private List<Customer> demo;
        private List<Activity> demoActivities;
        private JdbcCustomerStore store;

        /** Builds the records once per trial. */
        @Setup(Level.Trial)
        public void records() {
            population = CustomerModelBenchmark.build(customers, 42);
            activities = purchases(population, 5, 7);
            demo = population.subList(0, Math.min(10_000, population.size()));
            demoActivities = purchases(demo, 9, 11);
        }

        /** A new empty database before each import. */
        @Setup(Level.Invocation)
        public void emptyDatabase() {
            store = JdbcCustomerStore.builder(newDatabase(database)).clock(CLOCK).build();
        }

        /**
         * The batch import of all customers with five purchases each.
         *
         * @return the number of customers stored
         */
        @Benchmark
        public long importCustomers() {
            store.importAll(population, activities, "benchmark");
            return store.stats().customers();
        }

        /**
         * The bulk mode: the same import in transactions of 100 customers with their purchases.
         *
         * @return the number of customers stored
         */
        @Benchmark
        public long importCustomersInChunks() {
            store.importInChunks(population, activities, "benchmark", 100);
            return store.stats().customers();
        }

        /**
         * The bulk mode with two writers: transactions of 100 customers, two written at once on
         * two connections.
         *
         * @return the number of customers stored
         */
        @Benchmark
        public long importCustomersInChunksTwoWriters() {
            store.importInChunks(population, activities, "benchmark", 100, 2);
            return store.stats().customers();
        }

        /**
         * The demo's path: 10,000 customers with nine activities each stored in one
         * transaction, then all read back page by page with their activities.
         *
         * @param sink consumes what was read
         * @return the number of activities read back
         */
        @Benchmark
        public long storeAndReadBack(Blackhole sink) {
            store.importAll(demo, demoActivities, "benchmark");
            long read = 0;
            for (Customer c : (Iterable<Customer>) store.stream(CustomerQuery.all())::iterator) {
                sink.consume(c);
                read += store.activitiesOf(c.id()).size();
            }
            if (read != demoActivities.size()) {
                throw new IllegalStateException("read back " + read + " activities, stored " + demoActivities.size());
            }
            return read;
        }
    }

    /** Point reads from a store of 10,000 customers with 50 activities each. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Loaded {
        @Param({"h2", "postgresql"})
        public String database;

        private JdbcCustomerStore store;
        private CustomerId[] ids;
        private int next;

        /** Fills one database per trial. */
        @Setup(Level.Trial)
        public void fill() {
            List<Customer> population = CustomerModelBenchmark.build(10_000, 42);
            store = JdbcCustomerStore.builder(newDatabase(database)).clock(CLOCK).build();
            store.importAll(population, purchases(population, 50, 13), "benchmark");
            ids = population.stream().map(Customer::id).toArray(CustomerId[]::new);
        }

        /**
         * One customer by id and its 50 activities.
         *
         * @param sink consumes the customer
         * @return the number of activities read
         */
        @Benchmark
        public int pointLoad(Blackhole sink) {
            CustomerId id = ids[next];
            next = (next + 7_919) % ids.length;
            sink.consume(store.find(id).orElseThrow());
            int n = store.activitiesOf(id).size();
            if (n != 50) {
                throw new IllegalStateException("read " + n + " activities, stored 50");
            }
            return n;
        }
    }
}
