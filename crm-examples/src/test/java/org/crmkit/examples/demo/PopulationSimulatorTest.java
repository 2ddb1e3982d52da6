package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.merge.DuplicateCandidate;
import org.crmkit.core.merge.DuplicateDetector;
import org.junit.jupiter.api.Test;

class PopulationSimulatorTest {
    private static SimulatedPopulation simulate(int customers, long seed) {
        return PopulationSimulator.builder().customers(customers).seed(seed).build().simulate();
    }

    @Test
    void simulate_seededAndReproducible() {
        SimulatedPopulation a = simulate(500, 5);
        SimulatedPopulation b = simulate(500, 5);
        assertThat(a.store().all()).isEqualTo(b.store().all());
        CustomerId first = a.store().all().get(0).id();
        assertThat(a.store().activitiesOf(first)).isEqualTo(b.store().activitiesOf(first));
        assertThat(a.plantedDuplicates()).isEqualTo(b.plantedDuplicates());
    }

    @Test
    void simulate_plausiblePopulation() {
        SimulatedPopulation p = simulate(2_000, 1);
        List<Customer> all = p.store().all();
        assertThat(all).hasSize(2_000 + p.plantedDuplicates().size());
        assertThat(p.plantedDuplicates()).isNotEmpty();
        for (Customer c : all) {
            List<Activity> activities = p.store().activitiesOf(c.id());
            assertThat(activities).allMatch(a -> !a.timestamp().isAfter(PopulationSimulator.END));
            boolean bought = activities.stream().anyMatch(a -> a instanceof org.crmkit.core.activity.Purchase);
            if (bought && !p.plantedDuplicates().stream().anyMatch(pair -> pair.get(1).equals(c.id()))) {
                assertThat(c.status()).isIn(CustomerStatus.CURRENT, CustomerStatus.TERMINATED);
            }
        }
    }

    @Test
    void simulate_plantedDuplicatesAreFound() {
        SimulatedPopulation p = simulate(3_000, 9);
        Set<Set<CustomerId>> found = DuplicateDetector.standard().find(p.store().all()).stream()
                .map((DuplicateCandidate c) -> Set.of(c.first(), c.second())).collect(Collectors.toSet());
        for (List<CustomerId> pair : p.plantedDuplicates()) {
            assertThat(found).contains(Set.copyOf(pair));
        }
    }

    @Test
    void simulate_onlyPlantedDuplicatesAreCandidates() {
        // seed 42 with 10,000 customers is the demo's default; it once drew two different
        // customers with the same name and postal code, and the demo merged them
        SimulatedPopulation p = simulate(10_000, 42);
        Set<Set<CustomerId>> planted = p.plantedDuplicates().stream().map(Set::copyOf).collect(Collectors.toSet());
        List<DuplicateCandidate> found = DuplicateDetector.standard().find(p.store().all());
        assertThat(found).allSatisfy(c -> assertThat(planted)
                .as("candidate %s-%s matched by %s", c.first(), c.second(), c.reasons())
                .contains(Set.of(c.first(), c.second())));
        assertThat(found).hasSameSizeAs(planted);
    }

    @Test
    void builder_rejectsBadInput() {
        assertThatThrownBy(() -> PopulationSimulator.builder().customers(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customers must be 1 to 1,000,000: 0");
        assertThatThrownBy(() -> PopulationSimulator.builder().seed(1).seed(2)).isInstanceOf(IllegalStateException.class);
    }
}
