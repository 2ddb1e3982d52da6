package org.crmkit.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivityTest {
    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    static final CustomerId C = CustomerId.of("C-1");
    static final Actor REP = Actor.of("rep-7");
    static final Money EUR_30 = Money.of("EUR", "30.00");

    static Purchase sale() {
        return Purchase.of(ActivityId.of("P-1"), C, T0, Channel.STORE, REP, "SKU-42", "books", 3, EUR_30);
    }

    private static Arguments bad(String what, Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(what, type, message, call);
    }

    static Stream<Arguments> invalidInputs() {
        ActivityId id = ActivityId.of("A-1");
        return Stream.of(
                bad("null activity id", NullPointerException.class, "activityId", () -> ActivityId.of(null)),
                bad("blank actor", IllegalArgumentException.class, "actor", () -> Actor.of("")),
                bad("null customer", NullPointerException.class, "customerId",
                        () -> Purchase.of(id, null, T0, Channel.WEB, REP, "SKU", null, 1, EUR_30)),
                bad("blank product", IllegalArgumentException.class, "product",
                        () -> Purchase.of(id, C, T0, Channel.WEB, REP, " ", null, 1, EUR_30)),
                bad("negative quantity", IllegalArgumentException.class, "quantity of a purchase must be positive: -2",
                        () -> Purchase.of(id, C, T0, Channel.WEB, REP, "SKU", null, -2, EUR_30)),
                bad("zero quantity", IllegalArgumentException.class, "quantity",
                        () -> Purchase.of(id, C, T0, Channel.WEB, REP, "SKU", null, 0, EUR_30)),
                bad("negative amount", IllegalArgumentException.class, "amount of a purchase",
                        () -> Purchase.of(id, C, T0, Channel.WEB, REP, "SKU", null, 1, Money.of("EUR", "-1.00"))),
                bad("return with positive quantity", IllegalArgumentException.class, "quantity of a return",
                        () -> new Purchase(id, C, T0, Channel.WEB, REP, "SKU", null, 1, Money.of("EUR", "-1.00"), null,
                                ActivityId.of("P-1"))),
                bad("return too many units", IllegalArgumentException.class, "1..3",
                        () -> sale().returnLine(ActivityId.of("R-1"), T0, 4, REP)),
                bad("return before sale", IllegalArgumentException.class, "precedes",
                        () -> sale().returnLine(ActivityId.of("R-1"), T0.minusSeconds(1), 1, REP)),
                bad("blank interaction summary", IllegalArgumentException.class, "summary",
                        () -> new Interaction(id, C, T0, Channel.PHONE, REP, InteractionType.PHONE_CALL, "", List.of())),
                bad("blank promise", IllegalArgumentException.class, "promise",
                        () -> new Interaction(id, C, T0, Channel.PHONE, REP, InteractionType.PHONE_CALL, "call",
                                List.of(" "))),
                bad("negative campaign value", IllegalArgumentException.class, "value",
                        () -> new CampaignResponse(id, C, T0, Channel.EMAIL, REP, "SPRING", ResponseType.ORDER,
                                Money.of("EUR", "-5.00"))),
                bad("complaint resolved without text", IllegalArgumentException.class, "resolution",
                        () -> new Complaint(id, C, T0, Channel.PHONE, REP, "late", ComplaintStatus.RESOLVED, T0, null)),
                bad("complaint status before receipt", IllegalArgumentException.class, "precedes",
                        () -> new Complaint(id, C, T0, Channel.PHONE, REP, "late", ComplaintStatus.OPEN,
                                T0.minusSeconds(1), null)),
                bad("service closed before opened", IllegalArgumentException.class, "precedes",
                        () -> new ServiceRequest(id, C, T0, Channel.PHONE, REP, ServiceKind.WARRANTY, "TV", "broken",
                                T0.minusSeconds(5))),
                bad("survey zero expectation", IllegalArgumentException.class, "expectation",
                        () -> new SatisfactionSurvey(id, C, T0, Channel.WEB, REP, 0, 5, null)),
                bad("survey NaN experience", IllegalArgumentException.class, "experience",
                        () -> new SatisfactionSurvey(id, C, T0, Channel.WEB, REP, 5, Double.NaN, null)),
                bad("survey nps 11", IllegalArgumentException.class, "npsAnswer must be 0..10: 11",
                        () -> new SatisfactionSurvey(id, C, T0, Channel.WEB, REP, 5, 5, 11)),
                bad("future timestamp", FutureTimestampException.class, "in the future",
                        () -> sale().requireNotAfter(Clock.fixed(T0.minusSeconds(60), ZoneOffset.UTC))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void factories_rejectInvalidInput(String what, Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }

    @Test
    void returnLine_negativeAndReferencesOriginal() {
        Purchase back = sale().returnLine(ActivityId.of("R-1"), T0.plusSeconds(3600), 1, REP);
        assertThat(back.isReturn()).isTrue();
        assertThat(back.returnOf()).isEqualTo(ActivityId.of("P-1"));
        assertThat(back.quantity()).isEqualTo(-1);
        assertThat(back.amount()).isEqualTo(Money.of("EUR", "-10.00"));
        assertThatThrownBy(() -> back.returnLine(ActivityId.of("R-2"), T0, 1, REP))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void complaint_transitions() {
        Complaint c = Complaint.open(ActivityId.of("K-1"), C, T0, Channel.PHONE, REP, "late delivery");
        assertThat(c.isOpen()).isTrue();
        assertThat(c.resolutionTime()).isEmpty();
        Complaint working = c.startProgress(T0.plusSeconds(60), Actor.of("agent-3"));
        assertThat(working.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
        Complaint done = working.resolve(T0.plus(Duration.ofHours(26)), "voucher sent");
        assertThat(done.status()).isEqualTo(ComplaintStatus.RESOLVED);
        assertThat(done.resolutionTime()).contains(Duration.ofHours(26));
        assertThat(done.timestamp()).isEqualTo(T0);
        assertThatThrownBy(() -> done.reject(T0.plus(Duration.ofDays(2)), "no")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RESOLVED");
        assertThatThrownBy(() -> working.startProgress(T0.plusSeconds(90), REP)).isInstanceOf(IllegalStateException.class);
        assertThat(c.reject(T0.plusSeconds(5), "not our fault").status()).isEqualTo(ComplaintStatus.REJECTED);
    }

    @Test
    void survey_satisfactionAndNps() {
        SatisfactionSurvey s = new SatisfactionSurvey(ActivityId.of("S-1"), C, T0, Channel.WEB, REP, 8, 6, 9);
        assertThat(s.satisfaction()).isEqualTo(0.75);
        assertThat(s.npsCategory()).contains(NpsCategory.PROMOTER);
        assertThat(new SatisfactionSurvey(ActivityId.of("S-2"), C, T0, Channel.WEB, REP, 8, 8, 6).npsCategory())
                .contains(NpsCategory.DETRACTOR);
        assertThat(new SatisfactionSurvey(ActivityId.of("S-3"), C, T0, Channel.WEB, REP, 8, 8, 7).npsCategory())
                .contains(NpsCategory.PASSIVE);
    }

    @Test
    void withCustomerId_keepsEverythingElse() {
        Purchase moved = sale().withCustomerId(CustomerId.of("C-2"));
        assertThat(moved.customerId()).isEqualTo(CustomerId.of("C-2"));
        assertThat(moved.id()).isEqualTo(sale().id());
        assertThat(moved.amount()).isEqualTo(EUR_30);
    }
}
