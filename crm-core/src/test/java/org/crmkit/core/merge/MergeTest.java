package org.crmkit.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.ownership.AccountManager;
import org.crmkit.core.ownership.AssignmentRole;
import org.crmkit.core.ownership.Ownership;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.view.CustomerView;
import org.junit.jupiter.api.Test;

class MergeTest {
    private static Customer person(String id, String given, String family, String email, String phone, String postal) {
        ContactPoints contacts = ContactPoints.empty();
        if (email != null) {
            contacts = contacts.withEmail(Email.of(email));
        }
        if (phone != null) {
            contacts = contacts.withPhone(Phone.of(phone, PhoneType.MOBILE));
        }
        if (postal != null) {
            contacts = contacts.withAddress(new PostalAddress("Street 1", "Town", postal, "DE", null,
                    AddressType.RURAL, null));
        }
        return Customer.builder(CustomerId.of(id),
                PersonProfile.builder(PersonName.of(given, family), ModelSamples.CLOCK).build()).contacts(contacts).build();
    }

    @Test
    void find_reportsEveryReason() {
        List<Customer> customers = List.of(
                person("C-1", "Jörg", "Müller", "Joerg@Example.com", "+49 170 111 2222", "10115"),
                person("C-2", "Jorg", "Muller", "joerg@example.COM", null, "10 115"),
                person("C-3", "Anna", "Berg", null, "0049-170-1112222", null),
                person("C-4", "Anna", "Berg", null, "+491701112222", "80331"),
                person("C-5", "Someone", "Else", "else@example.com", null, "10115"));
        List<DuplicateCandidate> found = DuplicateDetector.standard().find(customers);
        assertThat(found).extracting(DuplicateCandidate::first, DuplicateCandidate::second, DuplicateCandidate::reasons,
                DuplicateCandidate::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CustomerId.of("C-1"), CustomerId.of("C-2"),
                        Set.of(MatchReason.EMAIL, MatchReason.NAME_AND_POSTAL_CODE), 2.0),
                org.assertj.core.groups.Tuple.tuple(CustomerId.of("C-1"), CustomerId.of("C-3"), Set.of(MatchReason.PHONE), 1.0),
                org.assertj.core.groups.Tuple.tuple(CustomerId.of("C-1"), CustomerId.of("C-4"), Set.of(MatchReason.PHONE), 1.0),
                org.assertj.core.groups.Tuple.tuple(CustomerId.of("C-3"), CustomerId.of("C-4"), Set.of(MatchReason.PHONE), 1.0));
        assertThat(found.get(0).evidence()).extracting(MatchEvidence::rule)
                .containsExactly("exact-email", "exact-name-postal-code");
        assertThat(DuplicateDetector.normalizedName(customers.get(0))).isEqualTo("jorg muller");
    }

    @Test
    void find_organizationNamesIgnoreLegalForm() {
        Customer a = Customer.builder(CustomerId.of("O-1"), org.crmkit.core.customer.OrganizationProfile
                .builder("ACME Trading GmbH").build()).contacts(ContactPoints.empty()
                .withAddress(new PostalAddress("Weg 1", "Hamm", "59063", "DE", null, AddressType.URBAN, null))).build();
        Customer b = Customer.builder(CustomerId.of("O-2"), org.crmkit.core.customer.OrganizationProfile
                .builder("Acme Trading").build()).contacts(ContactPoints.empty()
                .withAddress(new PostalAddress("Weg 2", "Hamm", "59063", "DE", null, AddressType.URBAN, null))).build();
        assertThat(DuplicateDetector.standard().find(List.of(a, b))).singleElement()
                .extracting(DuplicateCandidate::reasons).isEqualTo(Set.of(MatchReason.NAME_AND_POSTAL_CODE));
    }

    /** 20,000 customers with 200 planted duplicates: all found, quickly (an O(n^2) scan would take minutes). */
    @Test
    void find_scalesToTensOfThousands() {
        Random random = new Random(42);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            customers.add(person(String.format(java.util.Locale.ROOT, "C-%05d", i), "Given" + i, "Family" + random.nextInt(5000),
                    "user" + i + "@example.com", String.format(java.util.Locale.ROOT, "+4917%08d", i), String.format(java.util.Locale.ROOT, "%05d", random.nextInt(99_999))));
        }
        for (int i = 0; i < 200; i++) {
            customers.add(person("D-" + i, "Other", "Name" + i, "USER" + (i * 97) + "@example.com", null, null));
        }
        List<DuplicateCandidate> found = DuplicateDetector.standard().find(customers);
        assertThat(found).hasSize(200).allMatch(c -> c.reasons().equals(Set.of(MatchReason.EMAIL)));
    }

    @Test
    void find_skipsOverSharedKeys() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            customers.add(person("C-" + i, "G" + i, "F", "info@shared.com", null, null));
        }
        assertThat(DuplicateDetector.standard().find(customers)).isEmpty();
        assertThat(DuplicateDetector.withMaxGroupSize(100).find(customers)).hasSize(60 * 59 / 2);
        assertThatThrownBy(() -> DuplicateDetector.withMaxGroupSize(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void merge_keepsAllHistoryOfBoth() {
        Customer survivor = ModelSamples.person("C-1");
        Customer duplicate = person("C-2", "Lena", "Schmidt", "lena.s@example.org", "+49 30 999 000", "10115")
                .toBuilder().status(CustomerStatus.CURRENT)
                .ownership(Ownership.none().assign(new AccountManager("rep-cid", "Cid"), AssignmentRole.PRIMARY,
                        ModelSamples.T0.minus(Duration.ofDays(100)), "imported"))
                .mergedIds(Set.of(CustomerId.of("C-0"))).build();
        List<Activity> survivorActivities = ModelSamples.activities(survivor.id());
        List<Activity> duplicateActivities = ModelSamples.activities(duplicate.id());

        MergeResult r = CustomerMerger.merge(survivor, survivorActivities, duplicate, duplicateActivities,
                ModelSamples.NOW);

        assertThat(r.mergedAwayId()).isEqualTo(duplicate.id());
        assertThat(r.customer().id()).isEqualTo(survivor.id());
        assertThat(r.customer().mergedIds()).containsExactlyInAnyOrder(CustomerId.of("C-2"), CustomerId.of("C-0"));
        assertThat(r.activities()).hasSize(survivorActivities.size() + duplicateActivities.size())
                .allMatch(a -> a.customerId().equals(survivor.id()));
        Set<ActivityId> ids = r.activities().stream().map(Activity::id).collect(Collectors.toSet());
        assertThat(ids).containsAll(survivorActivities.stream().map(Activity::id).toList())
                .containsAll(duplicateActivities.stream().map(Activity::id).toList());
        assertThat(r.customer().contacts().emails()).hasSize(2);
        assertThat(r.customer().contacts().phones()).hasSize(2);
        assertThat(r.customer().ownership().history()).hasSize(3);
        assertThat(r.customer().ownership().primary()).contains(ModelSamples.BOB);
        assertThat(r.customer().ownership().history().get(0).manager().id()).isEqualTo("rep-cid");
        assertThat(r.customer().ownership().history().get(0).until()).isEqualTo(ModelSamples.NOW);
        assertThat(r.customer().person().orElseThrow().nationalId()).isNotNull();
        CustomerView view = CustomerView.of(r.customer(), r.activities(), ModelSamples.NOW);
        // both customers bought on the same two days: four sale lines, but two orders (days with a sale)
        assertThat(view.timeline(Purchase.class)).filteredOn(p -> !p.isReturn()).hasSize(4);
        assertThat(view.orderCount()).isEqualTo(2);
    }

    @Test
    void merge_survivorship_consentLaterWinsAndOptOutSticks() {
        Instant t = ModelSamples.T0;
        Customer a = person("C-1", "A", "B", "a@example.com", null, null).toBuilder()
                .consents(Consents.none().grant(ContactChannel.EMAIL, t.plusSeconds(10)).grant(ContactChannel.SMS, t))
                .status(CustomerStatus.POTENTIAL).build();
        Customer b = person("C-2", "A", "B", "a@example.com", null, null).toBuilder()
                .consents(Consents.none().optOut(ContactChannel.EMAIL, t.plusSeconds(20))
                        .optOut(ContactChannel.SMS, t))
                .status(CustomerStatus.CURRENT)
                .classification(org.crmkit.core.customer.Classification.none()
                        .withCooperation(org.crmkit.core.customer.CooperationType.OCCASIONAL)).build();
        Customer merged = CustomerMerger.merge(a, List.of(), b, List.of(), ModelSamples.NOW).customer();
        assertThat(merged.classification().cooperation()).isEqualTo(org.crmkit.core.customer.CooperationType.OCCASIONAL);
        assertThat(merged.contactable(ContactChannel.EMAIL)).isFalse();
        assertThat(merged.consents().of(ContactChannel.SMS).orElseThrow().doNotContact())
                .as("same instant: do-not-contact beats grant").isTrue();
        assertThat(merged.status()).isEqualTo(CustomerStatus.CURRENT);
    }

    @Test
    void merge_rejectsSelfAndDifferentKinds() {
        Customer p = ModelSamples.person("C-1");
        assertThatThrownBy(() -> CustomerMerger.merge(p, List.of(), p, List.of(), ModelSamples.NOW))
                .hasMessageContaining("into itself");
        assertThatThrownBy(() -> CustomerMerger.merge(p, List.of(), ModelSamples.organization("C-2"), List.of(),
                ModelSamples.NOW)).hasMessageContaining("cannot merge ORGANIZATION");
        assertThatThrownBy(() -> CustomerMerger.merge(p, ModelSamples.activities(CustomerId.of("C-9")),
                ModelSamples.person("C-2"), List.of(), ModelSamples.NOW)).hasMessageContaining("belongs to C-9");
    }

    @Test
    void mergeInto_store_movesActivitiesAndRemovesDuplicate() {
        CustomerStore store = CustomerStore.inMemory(ModelSamples.CLOCK);
        store.create(ModelSamples.person("C-1"));
        store.create(ModelSamples.person("C-2"));
        ModelSamples.activities(CustomerId.of("C-1")).forEach(store::record);
        ModelSamples.activities(CustomerId.of("C-2")).forEach(store::record);

        Customer merged = CustomerMerger.mergeInto(store, CustomerId.of("C-1"), CustomerId.of("C-2"),
                ModelSamples.CLOCK);

        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.mergedIds()).containsExactly(CustomerId.of("C-2"));
        assertThat(store.find(CustomerId.of("C-2"))).isEmpty();
        assertThat(store.activitiesOf(CustomerId.of("C-1"))).hasSize(18);
        assertThat(store.activitiesOf(CustomerId.of("C-2"))).isEmpty();
    }
}
