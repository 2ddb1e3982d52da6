package org.crmkit.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.store.VersionConflictException;
import org.junit.jupiter.api.Test;

/**
 * Two stores on two separate data sources over one database, as two processes would have:
 * 8 threads share 64 customers and each adds 1 to a counter attribute of a random customer,
 * by read-modify-write with the optimistic version check. No increment may be lost: the
 * counters must sum to the number of updates, and each customer's version must be 1 plus its
 * count. Conflicts must have happened, or the test proved nothing.
 */
class JdbcConcurrencyTest {
    private static final AttributeKey<Long> COUNTER = AttributeKey.ofLong("test", "counter");
    private static final int THREADS = 8;
    private static final int CUSTOMERS = 64;

    @Test
    void twoDataSources_eightThreads_tenThousandUpdatesEach_loseNothing_h2() throws Exception {
        String url = "jdbc:h2:mem:concurrency;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";
        run(UrlDataSource.pooled(url, "", "", THREADS), UrlDataSource.pooled(url, "", "", THREADS), 10_000);
    }

    @Test
    void twoDataSources_eightThreads_tenThousandUpdatesEach_loseNothing_postgresql() throws Exception {
        EmbeddedPostgres.requireOrSkip(EmbeddedPostgres.unavailableReason());
        String url = EmbeddedPostgres.shared().newSchemaUrl();
        // two data sources, each with its own connections to the same schema
        run(UrlDataSource.pooled(url, "postgres", "", THREADS), UrlDataSource.pooled(url, "postgres", "", THREADS), 10_000);
    }

    private static void run(DataSource a, DataSource b, int updatesPerThread) throws Exception {
        Clock clock = ModelSamples.CLOCK;
        CustomerStore one = JdbcCustomerStore.builder(a).clock(clock).build();
        CustomerStore two = JdbcCustomerStore.builder(b).clock(clock).schema(SchemaMode.VALIDATE).build();
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            Customer c = one.create(ModelSamples.organization(String.format("C-%02d", i)).withAttribute(COUNTER, 0L));
            ids.add(c.id());
        }
        AtomicLong conflicts = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            CustomerStore store = t % 2 == 0 ? one : two;
            SplittableRandom random = new SplittableRandom(42 + t);
            futures.add(pool.submit(() -> {
                for (int u = 0; u < updatesPerThread; u++) {
                    CustomerId id = ids.get(random.nextInt(CUSTOMERS));
                    while (true) {
                        Customer current = store.find(id).orElseThrow();
                        try {
                            store.update(current.withAttribute(COUNTER, current.attributes().get(COUNTER).orElseThrow() + 1));
                            break;
                        } catch (VersionConflictException e) {
                            assertThat(e.expectedVersion()).isEqualTo(current.version());
                            assertThat(e.actualVersion()).isGreaterThan(current.version());
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        long total = 0;
        for (CustomerId id : ids) {
            Customer c = two.find(id).orElseThrow();
            long count = c.attributes().get(COUNTER).orElseThrow();
            assertThat(c.version()).as("version of %s", id).isEqualTo(1 + count);
            total += count;
        }
        assertThat(total).as("increments kept").isEqualTo((long) THREADS * updatesPerThread);
        assertThat(conflicts.get()).as("version conflicts seen").isPositive();
    }
}
