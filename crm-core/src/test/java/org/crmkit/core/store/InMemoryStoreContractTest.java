package org.crmkit.core.store;

import java.time.Clock;

/** The store contract on the in-memory store. */
class InMemoryStoreContractTest extends CustomerStoreContract {
    @Override
    CustomerStore newStore(Clock clock) {
        return CustomerStore.inMemory(clock);
    }

    @Override
    int stressRounds() {
        return 100_000;
    }
}
