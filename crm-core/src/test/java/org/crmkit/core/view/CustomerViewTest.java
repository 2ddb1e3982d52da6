package org.crmkit.core.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.crmkit.core.store.CustomerStore;
import org.junit.jupiter.api.Test;

class CustomerViewTest {
    private static final Instant T0 = ModelSamples.T0;

    private static CustomerView view(Instant asOf) {
        Customer c = ModelSamples.person("C-1");
        return CustomerView.of(c, ModelSamples.activities(c.id()), asOf);
    }

    @Test
    void derivedFacts_asOfNow() {
        CustomerView v = view(ModelSamples.NOW);
        assertThat(v.timeline()).hasSize(9).isSortedAccordingTo(java.util.Comparator.comparing(Activity::timestamp));
        assertThat(v.orderCount()).isEqualTo(2);
        assertThat(v.firstPurchase()).contains(T0);
        assertThat(v.lastPurchase()).contains(T0.plus(Duration.ofDays(40)));
        // EUR 29.97 sale minus EUR 9.99 return; USD 15.00 separately
        assertThat(v.totalSpend()).containsExactly(
                java.util.Map.entry(Currency.getInstance("EUR"), Money.of("EUR", "19.98")),
                java.util.Map.entry(Currency.getInstance("USD"), Money.of("USD", "15.00")));
        assertThat(v.openComplaints()).extracting(Complaint::id).containsExactly(ActivityId.of("C-1-K1"));
        assertThat(v.lastContact()).map(LastContact::by).contains(Actor.of("rep-bob"));
        assertThat(v.consentByChannel()).containsEntry(ContactChannel.EMAIL, true)
                .containsEntry(ContactChannel.PHONE, false);
        assertThat(v.accountManager()).contains(ModelSamples.BOB);
    }

    @Test
    void asOf_excludesLaterActivity_andCountsLaterResolvedComplaintAsOpen() {
        CustomerView v = view(T0.plus(Duration.ofDays(12)));
        assertThat(v.timeline()).allMatch(a -> !a.timestamp().isAfter(T0.plus(Duration.ofDays(12))));
        assertThat(v.orderCount()).isEqualTo(1);
        assertThat(v.openComplaints()).extracting(Complaint::id)
                .containsExactly(ActivityId.of("C-1-K1"), ActivityId.of("C-1-K2"));
        assertThat(v.accountManager()).contains(ModelSamples.ANN);
        assertThat(view(T0.minusSeconds(1)).timeline()).isEmpty();
        assertThat(view(T0.minusSeconds(1)).lastContact()).isEmpty();
        assertThat(view(T0.minusSeconds(1)).totalSpend()).isEmpty();
    }

    @Test
    void orderCountAndSpend_inPeriod_returnsLowerSpendButAreNoOrders() {
        CustomerView v = view(ModelSamples.NOW);
        Instant after = T0.plus(Duration.ofDays(1));
        // in [T0 + 1 day, NOW): the EUR 9.99 return (day 3) and the USD 15.00 sale (day 40)
        assertThat(v.orderCount(java.time.ZoneOffset.UTC, after, ModelSamples.NOW)).isEqualTo(1);
        assertThat(v.orderCount(java.time.ZoneOffset.UTC, T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(4))))
                .isZero();
        assertThat(v.totalSpend(after, ModelSamples.NOW)).containsExactly(
                java.util.Map.entry(Currency.getInstance("EUR"), Money.of("EUR", "-9.99")),
                java.util.Map.entry(Currency.getInstance("USD"), Money.of("USD", "15.00")));
        assertThatThrownBy(() -> v.orderCount(java.time.ZoneOffset.UTC, after, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeline_filterByTypeAndPeriod() {
        CustomerView v = view(ModelSamples.NOW);
        assertThat(v.timeline(Purchase.class)).hasSize(3);
        assertThat(v.timeline(Purchase.class, T0, T0.plus(Duration.ofDays(3)))).hasSize(1);
        assertThat(v.timeline(Activity.class, T0.plus(Duration.ofDays(5)), T0.plus(Duration.ofDays(11))))
                .extracting(a -> a.id().value()).containsExactly("C-1-I1", "C-1-CR1", "C-1-K1");
        assertThatThrownBy(() -> v.timeline(Activity.class, T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_rejectsForeignActivity_andLoadsFromStore() {
        Customer c = ModelSamples.person("C-1");
        assertThatThrownBy(() -> CustomerView.of(c, ModelSamples.activities(CustomerId.of("C-2")), ModelSamples.NOW))
                .hasMessageContaining("belongs to customer C-2");
        CustomerStore store = CustomerStore.inMemory(ModelSamples.CLOCK);
        store.create(c);
        ModelSamples.activities(c.id()).forEach(store::record);
        CustomerView loaded = CustomerView.load(store, c.id(), ModelSamples.CLOCK);
        assertThat(loaded.timeline()).isEqualTo(view(ModelSamples.NOW).timeline());
        assertThat(loaded.asOf()).isEqualTo(ModelSamples.NOW);
    }
}
