package org.crmkit.core.store;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.store.jdbc.JdbcCustomerStore;
import org.crmkit.core.store.jdbc.UrlDataSource;

/** The store contract on the JDBC store over a real (in-process, in-memory) H2 database. */
class H2StoreContractTest extends CustomerStoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    CustomerStore newStore(Clock clock) {
        return JdbcCustomerStore.builder(UrlDataSource.pooled("jdbc:h2:mem:contract" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "", "", 8)).clock(clock).build();
    }

    @Override
    int stressRounds() {
        return 500;
    }
}
