package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.scoring.basket.AssociationRule;
import org.crmkit.scoring.basket.Recommendation;
import org.junit.jupiter.api.Test;

class CrossSellReportTest {
    private static final Instant END = PopulationSimulator.END;

    private static CrossSellReport report(List<Customer> customers, long seed) {
        return CrossSellReport.of(customers, seed, END.minus(Duration.ofDays(365)), END.minus(Duration.ofDays(183)),
                END);
    }

    @Test
    void of_findsThePlantedAffinitiesAndExplainsEveryOffer() {
        List<Customer> customers = PopulationSimulator.builder().customers(3_000).seed(5).build().simulate()
                .store().all();
        CrossSellReport r = report(customers, 5);
        // planted: garden -> tools with probability 0.45 against a base rate near 0.2
        assertThat(r.topRules()).anySatisfy(rule -> {
            assertThat(rule.lhs()).containsExactly("garden");
            assertThat(rule.rhs()).containsExactly("tools");
            assertThat(rule.lift()).isGreaterThan(1.5);
        });
        assertThat(r.topRules()).extracting(AssociationRule::lift).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(r.examples()).hasSize(3).allSatisfy(e -> {
            assertThat(e.offers()).hasSize(CrossSellReport.K);
            for (Recommendation o : e.offers()) {
                assertThat(e.owned()).containsAll(o.rule().lhs()).doesNotContain(o.item());
                assertThat(o.rule().rhs()).contains(o.item());
            }
        });
        assertThat(r.rules().customers()).isPositive().isEqualTo(r.popularity().customers());
        long noConsent = customers.stream().filter(c -> !c.consents().permits(ContactChannel.EMAIL)).count();
        assertThat(r.targets().optedOut()).isEqualTo((int) noConsent);
        assertThat(r.targets().targets()).allSatisfy(t -> assertThat(customers.stream()
                .filter(c -> c.id().equals(t.customer())).findFirst().orElseThrow().contactable(ContactChannel.EMAIL))
                .isTrue());
    }

    @Test
    void print_sameSeedSameReport() {
        List<Customer> customers = PopulationSimulator.builder().customers(500).seed(9).build().simulate()
                .store().all();
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        report(customers, 9).print(new PrintWriter(a, true));
        report(customers, 9).print(new PrintWriter(b, true));
        assertThat(a.toString()).isEqualTo(b.toString()).contains("Top rules by lift", "hit-rate@3",
                "popularity baseline", "because {");
    }
}
