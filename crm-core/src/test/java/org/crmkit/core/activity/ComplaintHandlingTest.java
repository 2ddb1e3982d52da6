package org.crmkit.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.json.CrmJson;
import org.junit.jupiter.api.Test;

class ComplaintHandlingTest {
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    private static final CustomerId C = CustomerId.of("C-1");

    private static Complaint open() {
        return Complaint.open(ActivityId.of("K-1"), C, T0, Channel.PHONE, Actor.of("desk"), "late delivery");
    }

    @Test
    void resolvedAtFirstContact_onlyWithoutHandOverOrReopening() {
        assertThat(open().resolve(T0.plusSeconds(60), "voucher").resolvedAtFirstContact()).isTrue();
        Complaint handed = open().startProgress(T0.plusSeconds(60), Actor.of("agent-2"));
        assertThat(handed.handoffs()).isEqualTo(1);
        assertThat(handed.resolve(T0.plusSeconds(120), "voucher").resolvedAtFirstContact()).isFalse();
        assertThat(open().reject(T0.plusSeconds(60), "no").resolvedAtFirstContact()).isFalse();
    }

    @Test
    void reopen_countsAndClearsTheResolution() {
        Complaint done = open().withCategory("delivery").resolve(T0.plusSeconds(60), "voucher");
        Complaint again = done.reopen(T0.plusSeconds(3600), Actor.of("desk"));
        assertThat(again.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(again.resolution()).isNull();
        assertThat(again.reopenCount()).isEqualTo(1);
        assertThat(again.category()).isEqualTo("delivery");
        Complaint closed = again.resolve(T0.plus(Duration.ofHours(5)), "refund");
        assertThat(closed.resolutionTime()).contains(Duration.ofHours(5));
        assertThat(closed.resolvedAtFirstContact()).isFalse();
        assertThatThrownBy(() -> again.reopen(T0.plusSeconds(7200), Actor.of("desk")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> done.reopen(T0, Actor.of("desk"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> open().withCategory(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void json_roundTripsTheNewFieldsAndReadsTheOldForm() {
        Complaint c = open().withCategory("delivery").startProgress(T0.plusSeconds(5), Actor.of("agent"))
                .resolve(T0.plusSeconds(50), "ok").reopen(T0.plusSeconds(60), Actor.of("desk"));
        Activity back = CrmJson.read(CrmJson.write((Activity) c), Activity.class);
        assertThat(back).isEqualTo(c);
        String old = CrmJson.write((Activity) open()).replace(",\"category\":null", "")
                .replace(",\"reopenCount\":0", "").replace(",\"handoffs\":0", "");
        assertThat(old).doesNotContain("reopenCount");
        assertThat(CrmJson.read(old, Activity.class)).isEqualTo(open());
    }
}
