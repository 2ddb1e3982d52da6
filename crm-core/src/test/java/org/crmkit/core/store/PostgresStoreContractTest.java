package org.crmkit.core.store;

import java.time.Clock;
import org.crmkit.core.store.jdbc.EmbeddedPostgres;
import org.crmkit.core.store.jdbc.JdbcCustomerStore;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on the JDBC store over a real PostgreSQL server started by the build. */
class PostgresStoreContractTest extends CustomerStoreContract {
    @BeforeAll
    static void server() {
        String reason = EmbeddedPostgres.unavailableReason();
        EmbeddedPostgres.requireOrSkip(reason);
    }

    @Override
    CustomerStore newStore(Clock clock) {
        return JdbcCustomerStore.builder(EmbeddedPostgres.shared().newDatabase()).clock(clock).build();
    }

    @Override
    int stressRounds() {
        return 100;
    }
}
