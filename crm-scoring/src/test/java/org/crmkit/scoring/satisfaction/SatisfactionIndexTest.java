package org.crmkit.scoring.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

class SatisfactionIndexTest {
    private static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");
    private static final Duration YEAR = Duration.ofSeconds((long) (365.25 * 86400));

    private static SatisfactionSurvey survey(String id, String customer, Instant at, double a, double b, Integer nps) {
        return new SatisfactionSurvey(ActivityId.of(id), CustomerId.of(customer), at, Channel.EMAIL, Actor.CUSTOMER,
                a, b, nps);
    }

    @Test
    void ofCustomer_latestChangeMeanAndTrend() {
        // C = b / a: 6/8 = 0.75, 8/8 = 1.0, 6/5 = 1.2 at 0, 1 and 2 years
        List<SatisfactionSurvey> s = List.of(survey("S-3", "C-1", T0.plus(YEAR.multipliedBy(2)), 5, 6, 9),
                survey("S-1", "C-1", T0, 8, 6, 6), survey("S-2", "C-1", T0.plus(YEAR), 8, 8, 8));
        CustomerSatisfaction c = SatisfactionIndex.ofCustomer(s);
        assertThat(c.surveys()).isEqualTo(3);
        assertThat(c.latest()).isCloseTo(1.2, within(1e-12));
        assertThat(c.change()).isCloseTo(0.2, within(1e-12));
        assertThat(c.mean()).isCloseTo(2.95 / 3, within(1e-12));
        // slope over x = 0, 1, 2: ((1.2 - 0.75) / 2) = 0.225 per year
        assertThat(c.trendPerYear()).isCloseTo(0.225, within(1e-9));
        assertThat(c.satisfied()).isTrue();
        assertThat(SatisfactionIndex.ofCustomer(List.of(s.get(1))).trendPerYear()).isZero();
        assertThatThrownBy(() -> SatisfactionIndex.ofCustomer(List.of(s.get(0), survey("X", "C-2", T0, 1, 1, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byGroup_distributionAndShare() {
        List<SatisfactionSurvey> s = List.of(survey("1", "C-1", T0, 8, 6, 10), survey("2", "C-2", T0, 4, 4, 3),
                survey("3", "C-3", T0.plus(Duration.ofDays(100)), 5, 6, null),
                survey("4", "C-4", T0.plus(Duration.ofDays(100)), 10, 5, 7));
        var by = SatisfactionIndex.byGroup(s, x -> ReportingPeriod.QUARTER.label(x.timestamp(), ZoneOffset.UTC));
        assertThat(by.keySet()).containsExactly("2025-Q1", "2025-Q2");
        assertThat(by.get("2025-Q1").index().median()).isCloseTo(0.875, within(1e-12));
        assertThat(by.get("2025-Q1").shareMeetingExpectation()).isEqualTo(0.5);
        assertThat(by.get("2025-Q2").index().min()).isCloseTo(0.5, within(1e-12));
        var nps = SatisfactionIndex.npsByGroup(s, x -> ReportingPeriod.QUARTER.label(x.timestamp(), ZoneOffset.UTC));
        assertThat(nps.get("2025-Q1")).isEqualTo(new NetPromoterScore(1, 0, 1));
        assertThat(nps.get("2025-Q2")).isEqualTo(new NetPromoterScore(0, 1, 0));
        Map<CustomerId, CustomerSatisfaction> each = SatisfactionIndex.perCustomer(s);
        assertThat(each).hasSize(4);
        assertThat(NetPromoterScore.ofSurveys(s)).isEqualTo(new NetPromoterScore(1, 1, 1));
    }

    @Test
    void reportingPeriod_labels() {
        Instant t = Instant.parse("2026-05-02T10:00:00Z");
        assertThat(ReportingPeriod.MONTH.label(t, ZoneOffset.UTC)).isEqualTo("2026-05");
        assertThat(ReportingPeriod.QUARTER.label(t, ZoneOffset.UTC)).isEqualTo("2026-Q2");
        assertThat(ReportingPeriod.YEAR.label(t, ZoneOffset.UTC)).isEqualTo("2026");
        assertThat(ReportingPeriod.QUARTER.label(Instant.parse("2026-03-31T23:30:00Z"), ZoneOffset.ofHours(2)))
                .isEqualTo("2026-Q2");
    }
}
