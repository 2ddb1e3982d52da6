package org.crmkit.examples.demo;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.store.CustomerStore;

/**
 * A simulated population: the store holding customers and activities, the clock that
 * defines "now" for it, the duplicate records planted on purpose, and how each record's
 * buying was simulated to change over time.
 *
 * <p>The record is immutable; the store it references is thread-safe and may be changed
 * (for example by merging the duplicates).
 *
 * @param store the filled store, not null
 * @param clock the fixed clock at the end of the simulated period, not null
 * @param plantedDuplicates pairs (original, duplicate) planted on purpose, not null
 * @param behaviours the simulated behaviour of every record, in creation order, not null
 */
public record SimulatedPopulation(CustomerStore store, Clock clock, List<List<CustomerId>> plantedDuplicates,
        Map<CustomerId, Behaviour> behaviours) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public SimulatedPopulation {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        plantedDuplicates = List.copyOf(plantedDuplicates);
        behaviours = Collections.unmodifiableMap(new LinkedHashMap<>(behaviours));
    }
}
