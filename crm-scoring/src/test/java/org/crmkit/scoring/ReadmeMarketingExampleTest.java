package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.campaign.Campaign;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.RelationshipType;
import org.crmkit.core.money.Money;
import org.crmkit.scoring.campaign.ArmComparison;
import org.crmkit.scoring.campaign.Attribution;
import org.crmkit.scoring.campaign.CampaignAnalysis;
import org.crmkit.scoring.campaign.CampaignReport;
import org.crmkit.scoring.campaign.UpliftEvaluation;
import org.crmkit.scoring.inference.Difference;
import org.crmkit.scoring.satisfaction.NetPromoterScore;
import org.crmkit.scoring.satisfaction.NpsIntervalMethod;
import org.crmkit.scoring.service.ServiceCase;
import org.crmkit.scoring.service.ServiceStatistics;
import org.crmkit.scoring.service.ServiceSummary;
import org.crmkit.scoring.value.RelationshipTypes;
import org.junit.jupiter.api.Test;

/** The README's "Marketing and service analytics" example, compiled and run. */
class ReadmeMarketingExampleTest {
    @Test
    void readmeExample() {
        List<CustomerId> targetIds = new ArrayList<>();
        List<CustomerId> holdoutIds = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        Instant contact = Instant.parse("2026-03-02T00:00:00Z");
        for (int i = 0; i < 200; i++) {
            CustomerId id = CustomerId.of("C-" + i);
            (i % 4 == 0 ? holdoutIds : targetIds).add(id);
            if (i % 5 == 0 || (i % 4 != 0 && i % 3 == 0)) {
                activities.add(Purchase.of(ActivityId.of("P-" + i), id, contact.plus(Duration.ofDays(3)), Channel.WEB,
                        Actor.CUSTOMER, "SKU-1", "garden", 1, Money.of("EUR", "40.00")));
            }
        }
        Instant now = contact.plus(Duration.ofDays(40));
        List<ServiceCase> cases = List.of(ServiceCase.of(Complaint.open(ActivityId.of("K-1"), targetIds.get(0),
                contact, Channel.PHONE, Actor.of("desk"), "late").resolve(contact.plus(Duration.ofHours(5)), "ok")));
        NetPromoterScore q3 = NetPromoterScore.ofAnswers(9, 6, 7, 10);
        double[] score = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        boolean[] treated = {true, false, true, false, true, false};
        double[] converted = {1, 0, 1, 0, 0, 1};

        // --- the README code ---
        Campaign spring = Campaign.builder("spring-2026", ContactChannel.EMAIL)
                .period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8))
                .fixedCost(Money.of("EUR", "500.00")).costPerContact(Money.of("EUR", "0.05"))
                .targets(targetIds).control(holdoutIds)               // customers held out on purpose
                .build();
        CampaignReport r = CampaignAnalysis.analyse(spring, activities,
                Attribution.within(Duration.ofDays(30), ZoneOffset.UTC), 0.35, 0.95);   // margin 35%, 95% intervals
        r.responseRate();
        r.costPerResponse();
        r.roi();                                                      // (margin - cost) / cost
        ArmComparison lift = r.versusControl().orElseThrow();
        lift.rateLift().interval();                                   // conversion lift against control, with CI
        r.incrementalRoi();                                           // what the contacts added, net of cost

        NetPromoterScore q4 = NetPromoterScore.ofAnswers(10, 9, 8, 7, 3, 10);
        q4.nps();                                                     // 0.333 (a fraction, not 33)
        q4.interval(0.95, NpsIntervalMethod.ADJUSTED_WALD);           // Rocks (2016): n + 3, counts + 3/4
        Difference change = q4.compareTo(q3, 0.95, NpsIntervalMethod.ADJUSTED_WALD);   // z test of the change

        SortedMap<String, ServiceSummary> byChannel = ServiceStatistics.asOf(now, Duration.ofHours(48))
                .summarize(cases, ServiceCase.byChannel());           // cases: ServiceCase.of(complaint), ...
        byChannel.get("PHONE").resolutionHours().median();            // also p90, first-contact share, breaches

        UpliftEvaluation uplift = UpliftEvaluation.of(score, treated, converted, 2);   // halves; 10: deciles
        uplift.qiniCoefficient();                                     // did the model pick the persuadables?
        RelationshipType type = RelationshipTypes.of(50, 5_000, 0.10, 0.30).classify(12, 0.35);  // PARTNERSHIP
        // --- end of the README code ---

        // targets: i % 4 != 0 and (i % 5 == 0 or i % 3 == 0); control: i % 4 == 0 and i % 5 == 0
        long targetBuyers = java.util.stream.IntStream.range(0, 200)
                .filter(i -> i % 4 != 0 && (i % 5 == 0 || i % 3 == 0)).count();
        assertThat(lift.arm().responders()).isEqualTo(targetBuyers);
        assertThat(lift.control().responders()).isEqualTo(10);
        assertThat(lift.rateLift().estimate()).isCloseTo(targetBuyers / 150.0 - 10 / 50.0, within(1e-12));
        assertThat(r.revenue()).isEqualTo(Money.of("EUR", "" + (40 * targetBuyers) + ".00"));
        assertThat(q4.nps()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(change.estimate()).isCloseTo(2.0 / 9 - 1.0 / 7, within(1e-12)); // adjusted: (P - D) / (n + 3)
        assertThat(byChannel.get("PHONE").resolutionHours().median()).isCloseTo(5.0, within(1e-9));
        assertThat(uplift.qiniCoefficient()).isCloseTo(11.0 / 12, within(1e-12));
        assertThat(type).isEqualTo(RelationshipType.PARTNERSHIP);
    }
}
