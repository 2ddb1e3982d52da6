package org.crmkit.core;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.InteractionType;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.ResponseType;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.activity.ServiceKind;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.AccountType;
import org.crmkit.core.customer.AddressType;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.CreditRating;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerGrade;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.Education;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.EmploymentStatus;
import org.crmkit.core.customer.FamilyLifeCycleStage;
import org.crmkit.core.customer.FinancialProfile;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.customer.HouseholdStructure;
import org.crmkit.core.customer.IncomeBand;
import org.crmkit.core.customer.Lifestyle;
import org.crmkit.core.customer.MaritalStatus;
import org.crmkit.core.customer.NationalId;
import org.crmkit.core.customer.OperatingStatus;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.customer.PhoneType;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.WebSite;
import org.crmkit.core.money.Money;
import org.crmkit.core.ownership.AccountManager;
import org.crmkit.core.ownership.AssignmentRole;
import org.crmkit.core.ownership.Ownership;

/** Fully populated model values shared by the tests. */
public final class ModelSamples {
    public static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Instant T0 = Instant.parse("2024-01-10T09:00:00Z");
    public static final AccountManager ANN = new AccountManager("rep-ann", "Ann Rep");
    public static final AccountManager BOB = new AccountManager("rep-bob", "Bob Rep");
    public static final AttributeKey<Long> VISITS = AttributeKey.ofLong("shop", "visits");

    private ModelSamples() {
    }

    public static PostalAddress address(String postalCode) {
        return new PostalAddress("Hauptstr. 1", "Berlin", postalCode, "DE", "DE-BE", AddressType.URBAN, "north-east");
    }

    public static Customer person(String id) {
        PersonProfile profile = PersonProfile.builder(PersonName.of("Lena", "Schmidt"), CLOCK)
                .nationalId(new NationalId("T22000129"))
                .birthDate(LocalDate.of(1986, 5, 17))
                .gender(Gender.FEMALE)
                .maritalStatus(MaritalStatus.MARRIED)
                .household(HouseholdStructure.COUPLE_WITH_CHILDREN, 4)
                .familyLifeCycleStage(FamilyLifeCycleStage.FULL_NEST_II)
                .education(Education.MASTER)
                .incomeBand(IncomeBand.UPPER_MIDDLE)
                .employmentStatus(EmploymentStatus.EMPLOYED)
                .occupation("engineer")
                .lifestyle(Lifestyle.YUPPIE)
                .personalityTraits(Set.of("curious", "careful"))
                .build();
        return Customer.builder(CustomerId.of(id), profile)
                .status(CustomerStatus.CURRENT)
                .grade(CustomerGrade.A)
                .contacts(ContactPoints.empty()
                        .withAddress(address("10115"))
                        .withPhone(Phone.of("+49 170 1234567", PhoneType.MOBILE))
                        .withEmail(Email.of("lena.schmidt@example.com"))
                        .withWebSite(WebSite.of("https://lena.example.com")))
                .consents(Consents.none().grant(ContactChannel.EMAIL, T0).optOut(ContactChannel.PHONE, T0))
                .financial(FinancialProfile.builder(CLOCK)
                        .accountType(AccountType.CREDIT)
                        .bank("Sparkasse")
                        .orderDates(LocalDate.of(2020, 2, 1), LocalDate.of(2024, 5, 3))
                        .averageOrderValue(Money.of("EUR", "84.50"))
                        .outstandingBalance(Money.of("EUR", "-12.00"))
                        .averagePaymentTermDays(14)
                        .creditRating(CreditRating.AA)
                        .build())
                .attributes(org.crmkit.core.customer.Attributes.none()
                        .with(VISITS, 12L)
                        .with(AttributeKey.ofString("shop", "tier"), "gold")
                        .with(AttributeKey.ofDecimal("shop", "discount"), new BigDecimal("0.125"))
                        .with(AttributeKey.ofBoolean("shop", "newsletter"), true)
                        .with(AttributeKey.ofDate("shop", "joined"), LocalDate.of(2020, 2, 1)))
                .ownership(Ownership.none().assign(ANN, AssignmentRole.PRIMARY, T0, "new account")
                        .handOver(BOB, T0.plus(Duration.ofDays(30)), "Ann moved to another region"))
                .build();
    }

    public static Customer organization(String id) {
        OrganizationProfile profile = OrganizationProfile.builder("ACME Trading GmbH")
                .shortName("ACME")
                .description("wholesale of tools")
                .industry("wholesale")
                .employees(120)
                .annualRevenue(Money.of("EUR", "12500000.00"))
                .operatingStatus(OperatingStatus.ACTIVE)
                .mainProducts(List.of("drills", "saws"))
                .creditRating(CreditRating.BBB)
                .legalRepresentative("Karl Acme")
                .purchasingContact("Petra Buyer")
                .brandMix(List.of("Bosch", "Makita"))
                .outletCount(7)
                .build();
        return Customer.builder(CustomerId.of(id), profile)
                .status(CustomerStatus.INTENTION)
                .classification(org.crmkit.core.customer.Classification.none()
                        .withCooperation(org.crmkit.core.customer.CooperationType.FIXED)
                        .withRelationshipLevel(org.crmkit.core.customer.RelationshipLevel.FACE_TO_FACE)
                        .withRelationshipType(org.crmkit.core.customer.RelationshipType.PARTNERSHIP))
                .contacts(ContactPoints.empty().withPhone(Phone.of("+49 30 555 0000", PhoneType.FAX))
                        .withAddress(new PostalAddress("Industrieweg 9", "Hamm", "59063", "DE", null,
                                AddressType.SUBURBAN, null)))
                .build();
    }

    public static List<Activity> activities(CustomerId c) {
        Purchase sale = Purchase.of(ActivityId.of(c + "-P1"), c, T0, Channel.STORE, Actor.of("rep-ann"), "SKU-42",
                "books", 3, Money.of("EUR", "29.97"));
        Purchase web = new Purchase(ActivityId.of(c + "-P2"), c, T0.plus(Duration.ofDays(40)), Channel.WEB,
                Actor.CUSTOMER, "SKU-7", null, 1, Money.of("USD", "15.00"), "online", null);
        Purchase back = sale.returnLine(ActivityId.of(c + "-R1"), T0.plus(Duration.ofDays(3)), 1, Actor.of("rep-ann"));
        Interaction call = new Interaction(ActivityId.of(c + "-I1"), c, T0.plus(Duration.ofDays(5)), Channel.PHONE,
                Actor.of("rep-bob"), InteractionType.PHONE_CALL, "asked about delivery", List.of("call back Friday"));
        CampaignResponse response = new CampaignResponse(ActivityId.of(c + "-CR1"), c, T0.plus(Duration.ofDays(8)),
                Channel.EMAIL, Actor.SYSTEM, "SPRING-24", ResponseType.PROMOTION, Money.of("EUR", "10.00"));
        Complaint complaint = Complaint.open(ActivityId.of(c + "-K1"), c, T0.plus(Duration.ofDays(10)),
                Channel.CALL_CENTER, Actor.of("agent-3"), "parcel damaged");
        Complaint resolved = Complaint.open(ActivityId.of(c + "-K2"), c, T0.plus(Duration.ofDays(11)), Channel.EMAIL,
                Actor.of("agent-3"), "wrong invoice").startProgress(T0.plus(Duration.ofDays(12)), Actor.of("agent-4"))
                .resolve(T0.plus(Duration.ofDays(13)), "invoice corrected");
        ServiceRequest service = new ServiceRequest(ActivityId.of(c + "-S1"), c, T0.plus(Duration.ofDays(20)),
                Channel.PHONE, Actor.of("tech-1"), ServiceKind.WARRANTY, "SKU-42", "cover torn", null)
                .close(T0.plus(Duration.ofDays(22)));
        SatisfactionSurvey survey = new SatisfactionSurvey(ActivityId.of(c + "-Q1"), c, T0.plus(Duration.ofDays(25)),
                Channel.WEB, Actor.SYSTEM, 8, 7, 9);
        return List.of(sale, web, back, call, response, complaint, resolved, service, survey);
    }
}
