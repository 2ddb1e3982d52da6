package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.IncomeBand;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.merge.DuplicateCandidate;
import org.crmkit.core.merge.DuplicateDetector;
import org.crmkit.core.money.Money;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.store.VersionConflictException;
import org.crmkit.core.view.CustomerView;
import org.junit.jupiter.api.Test;

/** The README's tour, line for line, with its comments turned into assertions. */
class ReadmeExampleTest {
    @Test
    void readme_tourWorksAsWritten() {
        Clock clock = Clock.systemUTC();                       // time is always injected
        CustomerStore store = CustomerStore.inMemory(clock);

        Customer ann = Customer.builder(CustomerId.of("C-1"),
                        PersonProfile.builder(PersonName.of("Ann", "Lee"), clock)
                                .birthDate(LocalDate.of(1985, 4, 2))
                                .incomeBand(IncomeBand.MIDDLE)
                                .build())
                .status(CustomerStatus.CURRENT)
                .contacts(ContactPoints.empty().withEmail(Email.of("ann.lee@example.com")))
                .consents(Consents.none().grant(ContactChannel.EMAIL, clock.instant()))
                .build();
        Customer stored = store.create(ann);                   // version 1
        assertThat(stored.version()).isEqualTo(1);

        store.record(Purchase.of(ActivityId.of("P-1"), ann.id(), clock.instant(), Channel.WEB,
                Actor.CUSTOMER, "SKU-42", "books", 2, Money.of("EUR", "31.80")));

        // Ann opts out of e-mail; the opt-out takes effect at once
        assertThat(store.update(stored.optOut(ContactChannel.EMAIL, clock.instant())).version()).isEqualTo(2);
        // a writer still holding version 1 now gets a VersionConflictException instead of undoing it
        assertThatThrownBy(() -> store.update(stored)).isInstanceOf(VersionConflictException.class);

        CustomerView view = CustomerView.load(store, ann.id(), clock);
        assertThat(view.orderCount()).isEqualTo(1);
        assertThat(view.totalSpend()).containsExactly(
                java.util.Map.entry(Currency.getInstance("EUR"), Money.of("EUR", "31.80")));
        assertThat(view.customer().contactable(ContactChannel.EMAIL)).isFalse();
        assertThat(view.customer().contacts().emails().get(0).toString()).isEqualTo("a***@example.com");

        String json = CrmJson.write(view.customer());
        assertThat(json).startsWith("{\"schemaVersion\":1,\"id\":\"C-1\",");
        Customer back = CrmJson.read(json, Customer.class);
        assertThat(back).isEqualTo(view.customer());

        List<DuplicateCandidate> pairs = DuplicateDetector.standard().find(store.all());
        assertThat(pairs).isEmpty();
    }
}
