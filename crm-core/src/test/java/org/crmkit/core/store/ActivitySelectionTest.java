package org.crmkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

class ActivitySelectionTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

    private static Purchase purchaseAt(Instant at) {
        return Purchase.of(ActivityId.of("P-" + at.getEpochSecond()), CustomerId.of("C-1"), at, Channel.WEB,
                Actor.CUSTOMER, "SKU-1", "books", 1, Money.of("EUR", "1.00"));
    }

    @Test
    void includes_halfOpenPeriodOfTheType() {
        ActivitySelection<Purchase> s = new ActivitySelection<>(Purchase.class, FROM, TO);
        assertThat(s.includes(purchaseAt(FROM))).isTrue();
        assertThat(s.includes(purchaseAt(TO.minusNanos(1)))).isTrue();
        assertThat(s.includes(purchaseAt(TO))).isFalse();
        assertThat(s.includes(purchaseAt(FROM.minusNanos(1)))).isFalse();
        assertThat(new ActivitySelection<>(Activity.class, FROM, FROM).includes(purchaseAt(FROM))).isFalse();
    }

    @Test
    void new_badArguments() {
        assertThatThrownBy(() -> new ActivitySelection<>(Purchase.class, TO, FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> new ActivitySelection<>(null, FROM, TO))
                .isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> new ActivitySelection<>(Purchase.class, null, TO))
                .isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> new ActivitySelection<>(Purchase.class, FROM, null))
                .isInstanceOf(NullPointerException.class).hasMessage("to");
    }
}
