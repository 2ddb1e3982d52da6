package org.crmkit.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.money.Money;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.GammaGamma;
import org.junit.jupiter.api.Test;

class ChurnScorerTest {

    private static final BgNbd MODEL = BgNbd.of(0.243, 4.414, 0.793, 2.426);
    private static final GammaGamma SPEND = GammaGamma.of(6.25, 3.74, 15.44);

    @Test
    void score_columns_givesRiskLevelsAndValueAtRisk() {
        ChurnScorer scorer = ChurnScorer.builder(MODEL).window(39).spendModel(SPEND, 52, 0.002).build();
        String[] ids = {"a", "b", "c", "d"};
        double[] x = {0, 2, 10, 1};
        double[] tx = {0, 30.43, 37, 2};
        double[] t = {38.86, 38.86, 38, 38};
        double[] m = {0, 22.35, 40, 15};
        ChurnScores s = scorer.score(ids, x, tx, t, m);
        assertThat(s.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(s.risk(i)).isEqualTo(NoPurchaseRisk.of(MODEL, 39, x[i], tx[i], t[i]));
            assertThat(s.probabilityAlive(i)).isCloseTo(MODEL.probabilityAlive(x[i], tx[i], t[i]), within(1e-14));
            double clv = SPEND.lifetimeValue(MODEL, 52, 0.002, x[i], tx[i], t[i], m[i]);
            assertThat(s.valueAtRisk(i)).isCloseTo(s.risk(i) * clv, within(1e-9 * Math.max(1, clv)));
            assertThat(s.level(i)).isEqualTo(s.warning(i).level());
        }
        // customer d: one purchase in week 2, quiet since: hiatus 36 vs gap 2
        assertThat(s.warning(3).reasons()).anyMatch(r -> r instanceof ChurnReason.Hiatus);
        Map<WarningLevel, Integer> counts = s.countByLevel();
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
    }

    @Test
    void watchList_ordersByValueAtRiskAndSkipsCustomersWithoutWarning() {
        ChurnScorer scorer = ChurnScorer.builder(MODEL).window(39).spendModel(SPEND, 52, 0.002)
                .policy(WarningPolicy.builder().cutPoints(0.5, 0.8, 0.95).build()).build();
        int n = 200;
        String[] ids = new String[n];
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "C" + i;
            x[i] = i % 7;
            tx[i] = x[i] == 0 ? 0 : 1 + (i % 30);
            t[i] = 38;
            m[i] = x[i] == 0 ? 0 : 10 + i;
        }
        ChurnScores s = scorer.score(ids, x, tx, t, m);
        List<ChurnWarning> list = s.watchList(10);
        assertThat(list).hasSize(10);
        for (int k = 1; k < list.size(); k++) {
            assertThat(list.get(k - 1).valueAtRisk().getAsDouble())
                    .isGreaterThanOrEqualTo(list.get(k).valueAtRisk().getAsDouble());
        }
        double tenth = list.get(9).valueAtRisk().getAsDouble();
        for (int i = 0; i < n; i++) {
            String id = ids[i];
            if (s.level(i) != WarningLevel.NONE && list.stream().noneMatch(w -> w.customerId().equals(id))) {
                assertThat(s.valueAtRisk(i)).isLessThanOrEqualTo(tenth + 1e-12);
            }
        }
        assertThat(list).allSatisfy(w -> assertThat(w.level()).isNotEqualTo(WarningLevel.NONE));
        assertThat(s.watchList(0)).isEmpty();
        assertThatThrownBy(() -> s.watchList(-1)).hasMessageContaining("k -1");
    }

    @Test
    void watchList_withoutSpendModel_ordersByRisk() {
        ChurnScores s = ChurnScorer.builder(MODEL).window(39).build()
                .score(new String[] {"a", "b", "c"}, new double[] {0, 1, 5}, new double[] {0, 1, 37},
                        new double[] {38, 38, 38}, null);
        List<ChurnWarning> list = s.watchList(3);
        assertThat(list).extracting(ChurnWarning::risk).isSortedAccordingTo((p, q) -> Double.compare(q, p));
        assertThat(s.hasValue()).isFalse();
        assertThatThrownBy(() -> s.valueAtRisk(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void assess_withCustomerRecord_addsComplaintSurveyAndConsentReasons() {
        Instant asOf = Instant.parse("2026-06-30T00:00:00Z");
        Clock clock = Clock.fixed(asOf, ZoneOffset.UTC);
        CustomerId id = CustomerId.of("C-1");
        Customer customer = Customer.builder(id, PersonProfile.builder(PersonName.of("Ann", "Lee"), clock).build())
                .consents(Consents.none().grant(ContactChannel.EMAIL, Instant.parse("2025-01-01T00:00:00Z"))
                        .optOut(ContactChannel.EMAIL, Instant.parse("2026-06-01T00:00:00Z")))
                .build();
        var activities = List.of(
                Complaint.open(ActivityId.of("K-1"), id, Instant.parse("2026-06-10T00:00:00Z"), Channel.PHONE,
                        Actor.CUSTOMER, "late delivery"),
                new SatisfactionSurvey(ActivityId.of("S-1"), id, Instant.parse("2026-01-10T00:00:00Z"), Channel.WEB,
                        Actor.SYSTEM, 8, 9, 9),
                new SatisfactionSurvey(ActivityId.of("S-2"), id, Instant.parse("2026-06-12T00:00:00Z"), Channel.WEB,
                        Actor.SYSTEM, 8, 5, 4),
                Purchase.of(ActivityId.of("P-1"), id, Instant.parse("2026-02-01T00:00:00Z"), Channel.WEB,
                        Actor.CUSTOMER, "SKU", "books", 1, Money.of("EUR", "10.00")),
                Purchase.of(ActivityId.of("P-2"), id, Instant.parse("2026-03-01T00:00:00Z"), Channel.WEB,
                        Actor.CUSTOMER, "SKU", "books", 1, Money.of("EUR", "10.00")),
                Purchase.of(ActivityId.of("P-9"), id, Instant.parse("2026-07-05T00:00:00Z"), Channel.WEB,
                        Actor.CUSTOMER, "SKU", "books", 1, Money.of("EUR", "10.00")));
        ChurnEvidence e = ChurnEvidence.fromActivities(customer, activities, asOf, Duration.ofDays(90));
        assertThat(e.openComplaints()).isEqualTo(1);
        assertThat(e.recentComplaints()).isEqualTo(1);
        assertThat(e.previousSatisfaction().getAsDouble()).isEqualTo(9.0 / 8);
        assertThat(e.latestSatisfaction().getAsDouble()).isEqualTo(5.0 / 8);
        assertThat(e.previousNps().getAsInt()).isEqualTo(9);
        assertThat(e.latestNps().getAsInt()).isEqualTo(4);
        assertThat(e.lostConsent()).containsExactly(ContactChannel.EMAIL);
        assertThat(e.recentPurchases()).isZero();       // P-9 is after the date
        assertThat(e.earlierPurchases()).isEqualTo(2);  // 2026-01-01 .. 2026-04-01

        ChurnWarning w = ChurnScorer.builder(MODEL).window(39).build().assess("C-1", 2, 30.43, 38.86, 0, e);
        assertThat(w.reasons()).extracting(ChurnReason::code)
                .contains("falling_rate", "complaints", "satisfaction_drop", "nps_drop", "lost_consent");
        assertThat(w.level()).isEqualTo(WarningLevel.CRITICAL);
        assertThat(w.valueAtRisk()).isEmpty();
    }

    @Test
    void builder_invalidOptions_areRejected() {
        assertThatThrownBy(() -> ChurnScorer.builder(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChurnScorer.builder(MODEL).build()).hasMessageContaining("window is not set");
        assertThatThrownBy(() -> ChurnScorer.builder(MODEL).window(-1)).hasMessageContaining("window -1.0");
        assertThatThrownBy(() -> ChurnScorer.builder(MODEL).window(1).window(2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ChurnScorer.builder(MODEL).spendModel(SPEND, 0, 0)).hasMessageContaining("horizon 0");
        assertThatThrownBy(() -> ChurnScorer.builder(MODEL).spendModel(SPEND, 5, Double.NaN))
                .hasMessageContaining("discount rate NaN");
        ChurnScorer withValue = ChurnScorer.builder(MODEL).window(39).spendModel(SPEND, 5, 0).build();
        assertThatThrownBy(() -> withValue.score(new String[] {"a"}, new double[1], new double[1], new double[] {1},
                null)).hasMessageContaining("monetary");
        assertThatThrownBy(() -> ChurnEvidence.fromActivities(null, List.of(), Instant.EPOCH, Duration.ofDays(1)))
                .isInstanceOf(NullPointerException.class);
    }
}
