package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CustomerFactoriesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T12:00:00Z"), ZoneOffset.UTC);

    private static Arguments bad(String what, Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(what, type, message, call);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                bad("null customer id", NullPointerException.class, "customerId", () -> CustomerId.of(null)),
                bad("blank customer id", IllegalArgumentException.class, "customerId", () -> CustomerId.of(" ")),
                bad("customer id with space", IllegalArgumentException.class, "'***b'", () -> CustomerId.of("a b")),
                bad("null given name", NullPointerException.class, "given name", () -> PersonName.of(null, "Lee")),
                bad("blank given name", IllegalArgumentException.class, "given name", () -> PersonName.of(" ", "Lee")),
                bad("blank family name", IllegalArgumentException.class, "family name", () -> PersonName.of("Ann", "")),
                bad("email without @", IllegalArgumentException.class, "email is malformed",
                        () -> Email.of("ann.example.com")),
                bad("email without tld", IllegalArgumentException.class, "email is malformed", () -> Email.of("ann@host")),
                bad("email with double dot", IllegalArgumentException.class, "email is malformed",
                        () -> Email.of("ann..lee@example.com")),
                bad("email with space", IllegalArgumentException.class, "email is malformed",
                        () -> Email.of("ann lee@example.com")),
                bad("null email", NullPointerException.class, "email", () -> Email.of(null)),
                bad("phone with letters", IllegalArgumentException.class, "phone must be",
                        () -> Phone.of("+49 30 CALL-ME", PhoneType.MOBILE)),
                bad("phone too short", IllegalArgumentException.class, "phone must be", () -> Phone.of("12345", PhoneType.LANDLINE)),
                bad("phone too long", IllegalArgumentException.class, "phone must be",
                        () -> Phone.of("+1234567890123456", PhoneType.LANDLINE)),
                bad("phone null type", NullPointerException.class, "phoneType", () -> Phone.of("+4930123456", null)),
                bad("web site ftp", IllegalArgumentException.class, "http(s)", () -> WebSite.of("ftp://example.com")),
                bad("web site relative", IllegalArgumentException.class, "http(s)", () -> WebSite.of("example.com")),
                bad("national id too short", IllegalArgumentException.class, "nationalId", () -> new NationalId("12")),
                bad("postal code malformed", IllegalArgumentException.class, "postalCode",
                        () -> new PostalAddress("Main St 1", "Town", "!!", "DE", null, AddressType.URBAN, null)),
                bad("country unknown", IllegalArgumentException.class, "countryCode",
                        () -> new PostalAddress("Main St 1", "Town", "12345", "XX", null, AddressType.URBAN, null)),
                bad("blank street", IllegalArgumentException.class, "street",
                        () -> new PostalAddress(" ", "Town", "12345", "DE", null, AddressType.URBAN, null)),
                bad("null address type", NullPointerException.class, "addressType",
                        () -> new PostalAddress("Main St 1", "Town", "12345", "DE", null, null, null)),
                bad("future birth date", IllegalArgumentException.class, "birthDate is in the future: 2024-07-01",
                        () -> PersonProfile.builder(PersonName.of("Ann", "Lee"), CLOCK).birthDate(LocalDate.of(2024, 7, 1))),
                bad("birth date twice", IllegalStateException.class, "already set",
                        () -> PersonProfile.builder(PersonName.of("Ann", "Lee"), CLOCK)
                                .birthDate(LocalDate.of(1990, 1, 1)).birthDate(LocalDate.of(1991, 1, 1))),
                bad("household size zero", IllegalArgumentException.class, "householdSize",
                        () -> PersonProfile.builder(PersonName.of("Ann", "Lee"), CLOCK).household(HouseholdStructure.COUPLE, 0)),
                bad("blank occupation", IllegalArgumentException.class, "occupation",
                        () -> PersonProfile.builder(PersonName.of("Ann", "Lee"), CLOCK).occupation("  ")),
                bad("null profile name", NullPointerException.class, "name", () -> PersonProfile.builder(null, CLOCK)),
                bad("blank legal name", IllegalArgumentException.class, "legalName", () -> OrganizationProfile.builder(" ")),
                bad("negative employees", IllegalArgumentException.class, "employees must not be negative: -1",
                        () -> OrganizationProfile.builder("ACME").employees(-1)),
                bad("negative revenue", IllegalArgumentException.class, "annualRevenue",
                        () -> OrganizationProfile.builder("ACME").annualRevenue(Money.of("EUR", "-1.00"))),
                bad("future first order", IllegalArgumentException.class, "firstOrderDate is in the future",
                        () -> FinancialProfile.builder(CLOCK).orderDates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2))),
                bad("last before first order", IllegalArgumentException.class, "before firstOrderDate",
                        () -> FinancialProfile.builder(CLOCK).orderDates(LocalDate.of(2023, 1, 2), LocalDate.of(2023, 1, 1))),
                bad("negative payment term", IllegalArgumentException.class, "averagePaymentTermDays",
                        () -> FinancialProfile.builder(CLOCK).averagePaymentTermDays(-3)),
                bad("attribute namespace upper case", IllegalArgumentException.class, "namespace",
                        () -> AttributeKey.ofLong("Shop", "visits")),
                bad("attribute wrong type", IllegalArgumentException.class, "expects LONG",
                        () -> Attributes.of(Map.of(AttributeKey.of("shop", "visits", AttributeType.LONG), "many"))),
                bad("customer status twice", IllegalStateException.class, "status",
                        () -> Customer.builder(CustomerId.of("C-1"), person()).status(CustomerStatus.CURRENT)
                                .status(CustomerStatus.TERMINATED)),
                bad("customer null profile", NullPointerException.class, "profile",
                        () -> Customer.builder(CustomerId.of("C-1"), null)),
                bad("negative version", IllegalArgumentException.class, "version",
                        () -> Customer.builder(CustomerId.of("C-1"), person()).version(-1)),
                bad("consent older than current", IllegalArgumentException.class, "older",
                        () -> Consents.none().optOut(ContactChannel.EMAIL, Instant.parse("2024-02-01T00:00:00Z"))
                                .grant(ContactChannel.EMAIL, Instant.parse("2024-01-01T00:00:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void factories_rejectInvalidInput(String what, Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }

    static PersonProfile person() {
        return PersonProfile.builder(PersonName.of("Ann", "Lee"), CLOCK).build();
    }

    @Test
    void personalData_maskedInToStringAndMessages() {
        Email email = Email.of("ann.lee@Example.COM");
        Phone phone = Phone.of("+49 (30) 1234-5678", PhoneType.MOBILE);
        NationalId id = new NationalId("AB123456789");
        assertThat(email.address()).isEqualTo("ann.lee@example.com");
        assertThat(email.toString()).isEqualTo("a***@example.com");
        assertThat(phone.number()).isEqualTo("+493012345678");
        assertThat(Phone.of("0049 30 1234-5678", PhoneType.LANDLINE).normalized()).isEqualTo(phone.normalized());
        assertThat(phone.toString()).doesNotContain("3012345678").endsWith("78");
        assertThat(id.toString()).doesNotContain("123456").endsWith("89");
        Customer customer = Customer.builder(CustomerId.of("C-1"),
                        PersonProfile.builder(PersonName.of("Ann", "Lee"), CLOCK).nationalId(id).build())
                .contacts(ContactPoints.empty().withEmail(email).withPhone(phone)
                        .withAddress(new PostalAddress("Secret Lane 5", "Berlin", "10115", "de", "DE-BE",
                                AddressType.URBAN, "north")))
                .build();
        assertThat(customer.toString()).doesNotContain("ann.lee", "3012345678", "AB123456789", "Secret Lane");
        assertThatThrownBy(() -> Email.of("secret-name@nowhere")).hasMessageNotContaining("secret-name");
        assertThatThrownBy(() -> new NationalId("AB1234567$9")).hasMessageNotContaining("AB1234567");
    }

    @Test
    void optOut_makesChannelNotContactable() {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        Customer customer = Customer.builder(CustomerId.of("C-1"), person())
                .contacts(ContactPoints.empty().withEmail(Email.of("ann@example.com"))
                        .withPhone(Phone.of("+4930123456", PhoneType.LANDLINE)))
                .consents(Consents.none().grant(ContactChannel.EMAIL, t0).grant(ContactChannel.SMS, t0))
                .build();
        assertThat(customer.contactable(ContactChannel.EMAIL)).isTrue();
        assertThat(customer.contactable(ContactChannel.SMS)).as("no mobile phone").isFalse();
        assertThat(customer.contactable(ContactChannel.PHONE)).as("never asked").isFalse();

        Customer optedOut = customer.optOut(ContactChannel.EMAIL, t0.plusSeconds(60));
        assertThat(optedOut.contactable(ContactChannel.EMAIL)).isFalse();
        assertThat(optedOut.consents().of(ContactChannel.EMAIL).orElseThrow().doNotContact()).isTrue();
        assertThat(optedOut.contactability()).containsEntry(ContactChannel.EMAIL, false);
        assertThatThrownBy(() -> optedOut.toBuilder()
                .consents(optedOut.consents().grant(ContactChannel.EMAIL, t0)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("older");
    }

    @Test
    void attributes_typedAndNamespaced() {
        AttributeKey<Long> visits = AttributeKey.ofLong("shop", "visits");
        Customer c = Customer.builder(CustomerId.of("C-1"), person()).build().withAttribute(visits, 3L);
        assertThat(c.attributes().get(visits)).contains(3L);
        AttributeKey<String> sameNameOtherType = AttributeKey.ofString("shop", "visits");
        assertThatThrownBy(() -> c.attributes().get(sameNameOtherType)).hasMessageContaining("has type LONG");
        assertThatThrownBy(() -> c.withAttribute(sameNameOtherType, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.attributes().get(AttributeKey.ofLong("other", "visits"))).isEmpty();
    }

    @Test
    void profiles_derivedFacts() {
        PersonProfile p = PersonProfile.builder(PersonName.of("Ann", "Lee"), CLOCK)
                .birthDate(LocalDate.of(1990, 7, 1)).personalityTraits(Set.of("curious")).build();
        assertThat(p.ageOn(LocalDate.of(2024, 6, 30))).isEqualTo(33);
        assertThat(p.kind()).isEqualTo(CustomerKind.PERSON);
        OrganizationProfile o = OrganizationProfile.builder("ACME Trading GmbH").shortName("ACME").employees(49)
                .mainProducts(List.of("tools")).build();
        assertThat(o.sizeClass()).contains(CompanySize.SMALL);
        assertThat(o.displayName()).isEqualTo("ACME");
        assertThat(OrganizationProfile.builder("X").employees(250).build().sizeClass()).contains(CompanySize.LARGE);
    }
}
