package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

class TransactionLogTest {
    @Test
    void builder_internsCustomersInOrderOfFirstAppearance() {
        TransactionLog log = TransactionLog.builder()
                .add("x", LocalDate.of(2024, 3, 1), 1.0)
                .add("y", LocalDate.of(2024, 3, 2), 2.0)
                .add("x", LocalDate.of(2024, 3, 3), -1.0)
                .build();
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.customerCount()).isEqualTo(2);
        assertThat(log.customerIndex(2)).isZero();
        assertThat(log.customerId(1)).isEqualTo("y");
        assertThat(log.date(1)).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(log.amount(2)).isEqualTo(-1.0);
        assertThat(log.firstDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(log.lastDate()).isEqualTo(LocalDate.of(2024, 3, 3));
    }

    @Test
    void fromPurchases_usesTheZoneForTheDayAndNetsReturns() {
        Instant evening = Instant.parse("2024-03-01T23:30:00Z");
        Purchase sale = Purchase.of(ActivityId.of("P-1"), CustomerId.of("C-1"), evening,
                Channel.STORE, Actor.of("rep-7"), "SKU-42", "books", 3, Money.of("EUR", "29.97"));
        Purchase back = sale.returnLine(ActivityId.of("R-1"), evening.plusSeconds(60), 1,
                Actor.of("rep-7"));
        TransactionLog log = TransactionLog.fromPurchases(List.of(sale, back),
                Currency.getInstance("EUR"), ZoneId.of("Europe/Berlin"));
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.customerId(0)).isEqualTo("C-1");
        assertThat(log.date(0)).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(log.amount(1)).isEqualTo(-9.99);
        CustomerSummaries s = Summarizer.builder().build().summarize(log);
        assertThat(s.totalSpend(0)).isCloseTo(19.98, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.frequency(0)).isZero();
    }

    @Test
    void fromPurchases_otherCurrency_throws() {
        Purchase sale = Purchase.of(ActivityId.of("P-1"), CustomerId.of("C-1"),
                Instant.parse("2024-03-01T10:00:00Z"), Channel.STORE, Actor.of("rep-7"), "SKU-42",
                null, 1, Money.of("USD", "5.00"));
        assertThatThrownBy(() -> TransactionLog.fromPurchases(List.of(sale),
                Currency.getInstance("EUR"), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-1").hasMessageContaining("USD");
    }

    @Test
    void builder_nonFiniteAmount_throws() {
        assertThatThrownBy(() -> TransactionLog.builder().add("x", 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> TransactionLog.builder().add(null, 0, 1.0))
                .isInstanceOf(NullPointerException.class).hasMessage("customerId");
    }

    @Test
    void builder_buildTwice_throws() {
        TransactionLog.Builder b = TransactionLog.builder();
        b.build();
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void of_copiesAndValidatesColumns() {
        int[] idx = {0, 1, 0};
        TransactionLog log = TransactionLog.of(new String[] {"a", "b"}, idx, new int[] {1, 2, 3},
                new double[] {1, 2, 3});
        idx[0] = 1;
        assertThat(log.customerIndex(0)).isZero();
        assertThatThrownBy(() -> TransactionLog.of(new String[] {"a"}, new int[] {1},
                new int[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> TransactionLog.of(new String[] {"a", "a"}, new int[0],
                new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> TransactionLog.of(new String[] {"a"}, new int[] {0},
                new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths");
        assertThatThrownBy(() -> TransactionLog.builder().build().lastDate())
                .isInstanceOf(IllegalStateException.class);
    }
}
