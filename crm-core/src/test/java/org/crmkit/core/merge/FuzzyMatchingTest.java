package org.crmkit.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.ModelSamples;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.customer.PostalAddress;
import org.junit.jupiter.api.Test;

/** The cases the issue names, each missed by the exact keys and found by the fuzzy policy. */
class FuzzyMatchingTest {
    private static final DuplicateDetector FUZZY = DuplicateDetector.of(MatchPolicy.fuzzy());

    private static Customer person(String id, String given, String family, LocalDate birth, String postal, String phone,
            String email) {
        PersonProfile.Builder p = PersonProfile.builder(PersonName.of(given, family), ModelSamples.CLOCK);
        if (birth != null) {
            p.birthDate(birth);
        }
        ContactPoints c = ContactPoints.empty();
        if (postal != null) {
            c = c.withAddress(new PostalAddress("Hauptstr. 1", "Berlin", postal, "DE", null, AddressType.URBAN, null));
        }
        if (phone != null) {
            c = c.withPhone(Phone.of(phone, PhoneType.MOBILE));
        }
        if (email != null) {
            c = c.withEmail(Email.of(email));
        }
        return Customer.builder(CustomerId.of(id), p.build()).contacts(c).build();
    }

    private static void fuzzyOnly(Customer a, Customer b, MatchReason expected) {
        assertThat(DuplicateDetector.standard().find(List.of(a, b))).as("exact keys").isEmpty();
        List<DuplicateCandidate> found = FUZZY.find(List.of(a, b));
        assertThat(found).as("fuzzy").hasSize(1);
        DuplicateCandidate c = found.get(0);
        assertThat(c.reasons()).contains(expected);
        assertThat(c.score()).isGreaterThanOrEqualTo(MatchPolicy.fuzzy().threshold())
                .isEqualTo(c.evidence().stream().mapToDouble(MatchEvidence::contribution).sum(),
                        org.assertj.core.api.Assertions.within(1e-9));
        assertThat(FUZZY.compare(a, b)).contains(c);
    }

    @Test
    void muellerAndMueller_meyerAndMaier_jonAndJohn() {
        LocalDate born = LocalDate.of(1970, 3, 4);
        fuzzyOnly(person("A", "Jörg", "Müller", born, "10115", null, null),
                person("B", "Joerg", "Mueller", born, "10117", null, null), MatchReason.NAME);
        fuzzyOnly(person("A", "Karl", "Meyer", null, "50667", null, null),
                person("B", "Karl", "Maier", null, "50667", null, null), MatchReason.NAME_PHONETIC);
        fuzzyOnly(person("A", "Jon", "Smith", null, "10115", null, null),
                person("B", "John", "Smith", null, "10115", null, null), MatchReason.NAME);
    }

    @Test
    void nationalAgainstInternationalPhone_andAccentedEmailDomain() {
        fuzzyOnly(person("A", "Anna", "Berg", null, null, "0170 1112222", null),
                person("B", "Anna", "Berg", null, null, "+49 170 1112222", null), MatchReason.PHONE);
        // the stored form of an internationalised domain is ASCII, so this is also an exact match now
        Customer a = person("A", "Anna", "Berg", null, null, null, "anna@müller.de");
        Customer b = person("B", "Anna", "Berg", null, null, null, "ANNA@xn--mller-kva.de");
        assertThat(FUZZY.find(List.of(a, b))).singleElement().satisfies(c -> assertThat(c.reasons()).contains(MatchReason.EMAIL));
    }

    @Test
    void pinyinAndWadeGiles_familyNameFirst() {
        fuzzyOnly(person("A", "Wei", "Xu", LocalDate.of(1988, 1, 2), null, null, null),
                person("B", "Wei", "Hsu", LocalDate.of(1988, 1, 2), null, null, null), MatchReason.NAME_PHONETIC);
        fuzzyOnly(person("A", "Jianguo", "Zhang", LocalDate.of(1960, 5, 6), null, null, null),
                person("B", "Zhang", "Jianguo", LocalDate.of(1960, 5, 6), null, null, null), MatchReason.NAME);
    }

    @Test
    void householdMembers_andNamesakesWithOtherBirthDates_areNotDuplicates() {
        Customer mother = person("A", "Petra", "Schulz", LocalDate.of(1962, 1, 1), "10115", "030 5551234", null);
        Customer son = person("B", "Peter", "Schulz", LocalDate.of(1990, 7, 7), "10115", "030 5551234", null);
        Customer namesake = person("C", "Petra", "Schulz", LocalDate.of(1975, 2, 2), "10115", null, null);
        assertThat(FUZZY.find(List.of(mother, son, namesake))).isEmpty();
        assertThat(FUZZY.compare(mother, son)).isEmpty();
    }

    @Test
    void policyIsAnObjectTheApplicationChanges() {
        Customer a = person("A", "Karl", "Meyer", null, "50667", null, null);
        Customer b = person("B", "Karl", "Maier", null, "50667", null, null);
        MatchPolicy strict = MatchPolicy.fuzzy().toBuilder().threshold(20).build();
        assertThat(DuplicateDetector.of(strict).find(List.of(a, b))).isEmpty();
        MatchRule sameCity = new MatchRule() {
            @Override
            public String name() {
                return "same-city";
            }

            @Override
            public Optional<MatchEvidence> compare(MatchFeatures x, MatchFeatures y) {
                return Optional.of(new MatchEvidence(name(), MatchReason.CUSTOM, 1.0, 15.0));
            }
        };
        List<DuplicateCandidate> found = DuplicateDetector.of(strict.toBuilder().rule(sameCity).build()).find(List.of(a, b));
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.reasons()).contains(MatchReason.CUSTOM);
            assertThat(c.evidence()).extracting(MatchEvidence::rule).contains("same-city");
        });
        assertThat(MatchPolicy.fuzzy().toBuilder().withoutRule("birth-date").build().rules())
                .extracting(MatchRule::name).doesNotContain("birth-date");
        assertThatThrownBy(() -> MatchPolicy.fuzzy().toBuilder().rule(MatchRules.email(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a rule named 'email'");
        assertThatThrownBy(() -> MatchPolicy.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MatchPolicy.builder().threshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchPolicy.builder().defaultRegion("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchRules.name(1, 1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FUZZY.compare(a, a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysSharedByManyRecords_areNoEvidence() {
        List<Customer> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String family = "" + (char) ('B' + i / 26) + (char) ('a' + i % 26) + "ngard";
            many.add(person(String.format("S-%02d", i), "Kim", family, null, null, "+49 30 1000", null));
        }
        assertThat(FUZZY.find(many)).isEmpty();
    }
}
