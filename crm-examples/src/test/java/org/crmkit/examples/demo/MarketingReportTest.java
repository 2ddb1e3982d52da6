package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Currency;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.scoring.campaign.ArmComparison;
import org.crmkit.scoring.campaign.CampaignReport;
import org.crmkit.scoring.value.ValueQuadrant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarketingReportTest {
    private static CustomerStore store;
    private static ValueReport value;

    @BeforeAll
    static void simulate() {
        store = PopulationSimulator.builder().customers(3_000).seed(9).build().simulate().store();
        value = ValueReport.of(store, Currency.getInstance("EUR"), LocalDate.of(2024, 6, 30),
                LocalDate.of(2024, 12, 31), 52, 0.10);
    }

    private static String print(MarketingReport r) {
        StringWriter w = new StringWriter();
        r.print(new PrintWriter(w, true));
        return w.toString();
    }

    @Test
    void of_sameSeedSameReport() {
        assertThat(print(MarketingReport.of(store, value, 5))).isEqualTo(print(MarketingReport.of(store, value, 5)));
    }

    @Test
    void campaigns_measureThePlantedLiftAgainstControl() {
        MarketingReport r = MarketingReport.of(store, value, 5);
        assertThat(r.campaigns()).hasSize(2);
        for (CampaignReport c : r.campaigns()) {
            ArmComparison v = c.versusControl().orElseThrow();
            assertThat(v.arm().n() + v.control().n()).isGreaterThan(500);
            assertThat(c.responders()).isPositive();
            assertThat(c.incrementalRoi()).isPresent();
        }
        // the catalogue is a 50/50 test of a planted lift of about 6 points: its interval excludes 0
        ArmComparison catalogue = r.campaigns().get(1).versusControl().orElseThrow();
        assertThat(catalogue.rateLift().interval().low()).isPositive();
    }

    @Test
    void surveysComplaintsAndValueMatrix() {
        MarketingReport r = MarketingReport.of(store, value, 5);
        assertThat(r.npsByQuarter()).hasSize(8).containsKeys("2023-Q1", "2024-Q4");
        // the simulated waves improve: the last year's pooled score beats the first year's
        double first = r.npsByQuarter().headMap("2024").values().stream()
                .reduce(org.crmkit.scoring.satisfaction.NetPromoterScore::plus).orElseThrow().nps();
        double last = r.npsByQuarter().tailMap("2024").values().stream()
                .reduce(org.crmkit.scoring.satisfaction.NetPromoterScore::plus).orElseThrow().nps();
        assertThat(last).isGreaterThan(first);
        assertThat(r.complaintsByCategory()).containsOnlyKeys("billing", "delivery", "product", "staff");
        r.complaintsByCategory().values().forEach(s -> {
            assertThat(s.firstContactResolutionShare()).isBetween(0.2, 0.6);
            assertThat(s.resolutionHours().median()).isPositive();
        });
        int total = 0;
        for (ValueQuadrant q : ValueQuadrant.values()) {
            total += r.valueMatrix().count(q);
        }
        assertThat(total).isEqualTo((int) java.util.stream.IntStream.range(0, value.wholePeriod().size())
                .filter(i -> value.wholePeriod().t(i) > 0).count());
        String text = print(r);
        assertThat(text).contains("Spring e-mail").contains("Autumn catalogue").contains("Qini coefficient")
                .contains("NPS by quarter").contains("first contact").contains("Relationship types")
                .contains("most valuable").doesNotContain("NaN").doesNotContain("Infinity");
    }
}
