package org.crmkit.scoring.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.InteractionType;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.ResponseType;
import org.crmkit.core.campaign.Campaign;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.CurrencyMismatchException;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

class CampaignAnalysisTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static int seq;

    private static CustomerId id(int i) {
        return CustomerId.of("C-" + i);
    }

    private static Purchase buy(int customer, int day, String amount) {
        return Purchase.of(ActivityId.of("P-" + (++seq)), id(customer), START.plus(Duration.ofDays(day)),
                Channel.WEB, Actor.CUSTOMER, "SKU-1", "garden", 1, Money.of("EUR", amount));
    }

    private static Campaign campaign(boolean withControl) {
        Campaign.Builder b = Campaign.builder("spring", ContactChannel.EMAIL)
                .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7))
                .fixedCost(Money.of("EUR", "10.00")).costPerContact(Money.of("EUR", "1.00"))
                .targets(List.of(id(1), id(2), id(3), id(4)));
        if (withControl) {
            b.control(List.of(id(5), id(6), id(7), id(8)));
        }
        return b.build();
    }

    private static List<Activity> activities() {
        List<Activity> a = new ArrayList<>();
        a.add(new CampaignResponse(ActivityId.of("R-1"), id(1), START.plus(Duration.ofDays(1)), Channel.EMAIL,
                Actor.CUSTOMER, "spring", ResponseType.ORDER, Money.of("EUR", "100.00")));
        a.add(new CampaignResponse(ActivityId.of("R-2"), id(2), START.plus(Duration.ofDays(1)), Channel.EMAIL,
                Actor.CUSTOMER, "autumn", ResponseType.ORDER, Money.of("EUR", "0.00")));   // other campaign
        a.add(buy(1, 1, "100.00"));
        a.add(buy(2, 29, "50.00"));
        a.add(buy(3, 40, "70.00"));            // outside the 30-day window
        a.add(buy(4, -1, "9.00"));             // before the contact
        a.add(buy(5, 3, "20.00"));             // control
        a.add(buy(9, 3, "99.00"));             // not in the campaign
        a.add(new Interaction(ActivityId.of("I-1"), id(3), START.plus(Duration.ofDays(2)), Channel.PHONE,
                Actor.of("rep-1"), InteractionType.PHONE_CALL, "follow-up", List.of()));
        return a;
    }

    @Test
    void analyse_handComputedCampaign() {
        CampaignReport r = CampaignAnalysis.analyse(campaign(true), activities(),
                Attribution.within(Duration.ofDays(30), ZoneOffset.UTC), 0.4, 0.95);
        assertThat(r.targets()).isEqualTo(4);
        assertThat(r.responders()).isEqualTo(1);
        assertThat(r.responseRate()).isEqualTo(0.25);
        assertThat(r.cost()).isEqualTo(Money.of("EUR", "14.00"));
        assertThat(r.costPerResponse()).contains(Money.of("EUR", "14.00"));
        assertThat(r.revenue()).isEqualTo(Money.of("EUR", "150.00"));
        assertThat(r.margin()).isEqualTo(Money.of("EUR", "60.00"));
        assertThat(r.roi().getAsDouble()).isCloseTo((60.0 - 14) / 14, within(1e-12));
        ArmComparison c = r.versusControl().orElseThrow();
        assertThat(c.arm().responseRate()).isEqualTo(0.5);      // converted: C-1, C-2
        assertThat(c.control().responseRate()).isEqualTo(0.25); // C-5
        assertThat(c.rateLift().estimate()).isCloseTo(0.25, within(1e-15));
        assertThat(c.valueLift().estimate()).isCloseTo(37.5 - 5, within(1e-12));
        assertThat(c.incrementalValue()).isCloseTo(130, within(1e-9));
        assertThat(r.incrementalRoi().getAsDouble()).isCloseTo((0.4 * 130 - 14) / 14, within(1e-12));
    }

    @Test
    void analyse_withoutControlHasNoIncrementalFigures() {
        CampaignReport r = CampaignAnalysis.analyse(campaign(false), activities(),
                Attribution.within(Duration.ofDays(30), ZoneOffset.UTC), 0.4, 0.95);
        assertThat(r.versusControl()).isEmpty();
        assertThat(r.incrementalRoi()).isEmpty();
        assertThat(r.revenue()).isEqualTo(Money.of("EUR", "150.00"));
    }

    @Test
    void analyse_rejectsOtherCurrenciesAndBadRates() {
        List<Activity> a = new ArrayList<>(activities());
        a.add(Purchase.of(ActivityId.of("P-USD"), id(1), START.plus(Duration.ofDays(2)), Channel.WEB,
                Actor.CUSTOMER, "SKU-2", "garden", 1, Money.of("USD", "5.00")));
        Attribution rule = Attribution.within(Duration.ofDays(30), ZoneOffset.UTC);
        assertThatThrownBy(() -> CampaignAnalysis.analyse(campaign(true), a, rule, 0.4, 0.95))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> CampaignAnalysis.analyse(campaign(true), activities(), rule, 1.5, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marginRate");
        assertThatThrownBy(() -> Attribution.within(Duration.ZERO, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void campaign_validatesItsLists() {
        assertThatThrownBy(() -> Campaign.builder("x", ContactChannel.EMAIL)
                .period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)).fixedCost(Money.of("EUR", "1.00"))
                .targets(List.of(id(1), id(2))).control(List.of(id(2))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both target and control");
        assertThatThrownBy(() -> Campaign.builder("x", ContactChannel.EMAIL)
                .period(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Campaign.builder("x", ContactChannel.EMAIL).targets(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Campaign.builder("x", ContactChannel.EMAIL)
                .period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)).targets(List.of(id(1))).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fixedCost");
        assertThatThrownBy(() -> Campaign.builder("x", ContactChannel.EMAIL).fixedCost(Money.of("EUR", "1.00"))
                .costPerContact(Money.of("USD", "1.00")).period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2))
                .targets(List.of(id(1))).build()).isInstanceOf(CurrencyMismatchException.class);
        assertThat(campaign(true).armOf(id(6))).contains(org.crmkit.core.campaign.Arm.CONTROL);
        assertThat(campaign(true).armOf(id(9))).isEmpty();
    }

    @Test
    void leadFunnel_bySource() {
        Instant t = START;
        List<Lead> leads = List.of(new Lead(id(1), "trade-show", t), new Lead(id(2), "trade-show", t),
                new Lead(id(3), "web", t));
        List<Activity> a = List.of(
                new Interaction(ActivityId.of("I-1"), id(1), t.plus(Duration.ofDays(1)), Channel.PHONE,
                        Actor.of("rep"), InteractionType.PHONE_CALL, "call", List.of()),
                buy(1, 3, "10.00"),
                new Interaction(ActivityId.of("I-2"), id(2), t.plus(Duration.ofDays(5)), Channel.PHONE,
                        Actor.of("rep"), InteractionType.PHONE_CALL, "call", List.of()),
                buy(3, 100, "10.00"));
        var funnel = LeadFunnel.bySource(leads, a, Duration.ofDays(90));
        assertThat(funnel.keySet()).containsExactly("trade-show", "web");
        LeadFunnel.Stage show = funnel.get("trade-show");
        assertThat(show.leads()).isEqualTo(2);
        assertThat(show.contacted()).isEqualTo(2);
        assertThat(show.converted()).isEqualTo(1);
        assertThat(show.conversionRate()).isEqualTo(0.5);
        assertThat(show.daysToFirstPurchase().median()).isCloseTo(3.0, within(1e-12));
        assertThat(funnel.get("web").converted()).isZero();
        assertThat(funnel.get("web").daysToFirstPurchase().isEmpty()).isTrue();
    }
}
