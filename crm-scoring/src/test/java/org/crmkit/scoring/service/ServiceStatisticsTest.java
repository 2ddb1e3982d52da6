package org.crmkit.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.ServiceKind;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.scoring.satisfaction.ReportingPeriod;
import org.junit.jupiter.api.Test;

class ServiceStatisticsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private static final CustomerId C = CustomerId.of("C-1");

    private static Instant h(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static Complaint open(String id, int hours, Channel channel) {
        return Complaint.open(ActivityId.of(id), C, h(hours), channel, Actor.of("desk"), "late delivery")
                .withCategory("delivery");
    }

    /** Six cases worked by hand: report at T0 + 100 h, target 48 h. */
    private static List<ServiceCase> cases() {
        Complaint a = open("A", 0, Channel.PHONE).resolve(h(10), "refund");            // first contact, 10 h
        Complaint b = open("B", 0, Channel.PHONE).startProgress(h(1), Actor.of("agent"))
                .reject(h(60), "not our fault");                                         // 60 h: breach
        Complaint c = open("C", 20, Channel.EMAIL);                                      // open, age 80 h: breach
        Complaint d = open("D", 90, Channel.EMAIL).resolve(h(120), "fixed");             // closed after the report
        Complaint e = open("E", 200, Channel.EMAIL);                                     // opened after the report
        Complaint f = open("F", 0, Channel.EMAIL).resolve(h(5), "done").reopen(h(6), Actor.of("desk"))
                .resolve(h(30), "done again");                                           // reopened, 30 h
        return List.of(ServiceCase.of(a), ServiceCase.of(b), ServiceCase.of(c), ServiceCase.of(d),
                ServiceCase.of(e), ServiceCase.of(f));
    }

    @Test
    void summarize_handComputedGroup() {
        ServiceStatistics stats = ServiceStatistics.asOf(h(100), Duration.ofHours(48));
        ServiceSummary all = stats.summarize(cases(), x -> "all", g -> 1000).get("all");
        assertThat(all.cases()).isEqualTo(5);
        assertThat(all.open()).isEqualTo(2);
        assertThat(all.resolved()).isEqualTo(2);
        assertThat(all.rejected()).isEqualTo(1);
        assertThat(all.reopened()).isEqualTo(1);
        assertThat(all.resolvedAtFirstContact()).isEqualTo(1);
        assertThat(all.breaches()).isEqualTo(2);
        // resolution times 10, 60, 30 h
        assertThat(all.resolutionHours().median()).isCloseTo(30, within(1e-9));
        assertThat(all.resolutionHours().p25()).isCloseTo(20, within(1e-9));
        assertThat(all.resolutionHours().p75()).isCloseTo(45, within(1e-9));
        assertThat(all.resolutionHours().mean()).isCloseTo(100.0 / 3, within(1e-9));
        // open ages 80 and 10 h
        assertThat(all.openAgeHours().median()).isCloseTo(45, within(1e-9));
        assertThat(all.openAgeHours().max()).isCloseTo(80, within(1e-9));
        assertThat(all.firstContactResolutionShare()).isEqualTo(0.5);
        assertThat(all.rejectedShare()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(all.reopenedShare()).isEqualTo(0.2);
        assertThat(all.breachShare()).isEqualTo(0.4);
        assertThat(all.ratePerThousandCustomers().getAsDouble()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void summarize_byChannelCategoryAndPeriod() {
        ServiceStatistics stats = ServiceStatistics.asOf(h(100), Duration.ofHours(48));
        SortedMap<String, ServiceSummary> byChannel = stats.summarize(cases(), ServiceCase.byChannel());
        assertThat(byChannel.keySet()).containsExactly("EMAIL", "PHONE");
        assertThat(byChannel.get("PHONE").cases()).isEqualTo(2);
        assertThat(byChannel.get("EMAIL").ratePerThousandCustomers()).isEmpty();
        assertThat(stats.summarize(cases(), ServiceCase.byCategory()).keySet()).containsExactly("delivery");
        assertThat(stats.summarize(cases(), ServiceCase.byPeriod(ReportingPeriod.MONTH, ZoneOffset.UTC)).keySet())
                .containsExactly("2026-01");
        assertThat(stats.summarize(cases(), ServiceCase.byManager(id -> "rep-7")).keySet()).containsExactly("rep-7");
    }

    @Test
    void serviceRequest_isACase() {
        ServiceRequest r = new ServiceRequest(ActivityId.of("S-1"), C, h(0), Channel.WEB, Actor.CUSTOMER,
                ServiceKind.values()[0], "mower", "does not start", null).close(h(3));
        ServiceCase c = ServiceCase.of(r);
        assertThat(c.outcome()).isEqualTo(ServiceCase.Outcome.RESOLVED);
        assertThat(c.resolutionTime()).contains(Duration.ofHours(3));
        assertThat(c.category()).isEqualTo(ServiceKind.values()[0].name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> ServiceStatistics.asOf(T0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceCase(C, T0, Channel.WEB, "x", ServiceCase.Outcome.OPEN, Optional.of(T0), 0,
                false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceCase(C, T0, Channel.WEB, "x", ServiceCase.Outcome.REJECTED,
                Optional.of(T0), 0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ServiceStatistics.asOf(T0, Duration.ofHours(1)).summarize(List.of(), x -> "g")).isEmpty();
    }

    @Test
    void summarize_sameResultOnEveryParallelism() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        String[] categories = {"delivery", "billing", "product"};
        Channel[] channels = Channel.values();
        List<ServiceCase> many = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * ServiceStatistics.CHUNK + 17; i++) {
            Instant opened = h(r.nextInt(2_000));
            boolean closed = r.nextInt(4) != 0;
            ServiceCase.Outcome outcome = !closed ? ServiceCase.Outcome.OPEN
                    : r.nextInt(5) == 0 ? ServiceCase.Outcome.REJECTED : ServiceCase.Outcome.RESOLVED;
            many.add(new ServiceCase(C, opened, channels[i % channels.length], categories[r.nextInt(3)], outcome,
                    closed ? Optional.of(opened.plus(Duration.ofMinutes(1 + r.nextInt(9_000)))) : Optional.empty(),
                    r.nextInt(10) == 0 ? 1 : 0, outcome == ServiceCase.Outcome.RESOLVED && r.nextBoolean()));
        }
        ServiceStatistics stats = ServiceStatistics.asOf(h(1_500), Duration.ofHours(48));
        SortedMap<String, ServiceSummary> sequential = stats.withParallelism(
                org.crmkit.scoring.Parallelism.sequential()).summarize(many, ServiceCase.byCategory());
        SortedMap<String, ServiceSummary> parallel = stats.withParallelism(
                org.crmkit.scoring.Parallelism.commonPool()).summarize(many, ServiceCase.byCategory());
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.keySet()).containsExactly("billing", "delivery", "product");
        long counted = sequential.values().stream().mapToLong(ServiceSummary::cases).sum();
        long expected = many.stream().filter(c -> !c.openedAt().isAfter(h(1_500))).count();
        assertThat(counted).isEqualTo(expected);
    }
}
