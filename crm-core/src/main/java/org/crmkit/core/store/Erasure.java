package org.crmkit.core.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.AttributeType;
import org.crmkit.core.customer.Attributes;
import org.crmkit.core.customer.ConsentHistory;
import org.crmkit.core.customer.ConsentRecord;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.FinancialProfile;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Profile;

/**
 * What an erasure on request (GDPR Art. 17) does to a customer and its activities: personal
 * values are replaced by {@value #ERASED} or removed, while amounts, dates, quantities, products,
 * categories, channels, states and ids stay, so that aggregates, segment counts and models fitted
 * on purchases come out the same.
 *
 * <p>Replaced or removed:
 * <ul>
 * <li>person: given and family name (become {@value #ERASED}), national id, birth date,
 *     occupation, personality traits; organisation: legal and short name, description, legal
 *     representative and purchasing contact;</li>
 * <li>all contact points (addresses, phones, e-mails, web sites);</li>
 * <li>the bank of the financial profile; custom attributes of type STRING; the free-text source
 *     of each consent record (the records themselves stay as proof);</li>
 * <li>free text of activities: an interaction's summary and promises, a complaint's subject and
 *     resolution, a service request's description.</li>
 * </ul>
 * Kept: status, grade, classification, the other demographic categories, consents, dates and
 * amounts of the financial profile, ownership, merged ids and every activity's facts.
 *
 * <p>Stateless and thread-safe.
 */
public final class Erasure {
    /** The text that replaces an erased value. */
    public static final String ERASED = "[erased]";

    private Erasure() {
    }

    /**
     * Returns the customer with its personal data erased; version unchanged.
     *
     * @param customer the customer, not null
     * @return the anonymised customer, never null
     */
    public static Customer anonymise(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        Customer.Builder b = Customer.builder(customer.id(), profile(customer.profile()))
                .version(customer.version())
                .status(customer.status())
                .classification(customer.classification())
                .contacts(ContactPoints.empty())
                .consents(customer.consents())
                .consentHistory(consentHistory(customer.consentHistory()))
                .attributes(attributes(customer.attributes()))
                .ownership(customer.ownership())
                .mergedIds(customer.mergedIds());
        customer.grade().ifPresent(b::grade);
        customer.financial().map(Erasure::financial).ifPresent(b::financial);
        return b.build();
    }

    /**
     * Returns the activity with its free text erased; facts unchanged.
     *
     * @param activity the activity, not null
     * @return the anonymised activity, never null
     */
    public static Activity anonymise(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        if (activity instanceof Interaction i) {
            return new Interaction(i.id(), i.customerId(), i.timestamp(), i.channel(), i.actor(), i.type(), ERASED,
                    List.of());
        }
        if (activity instanceof Complaint c) {
            return new Complaint(c.id(), c.customerId(), c.timestamp(), c.channel(), c.actor(), ERASED, c.status(),
                    c.statusChangedAt(), c.resolution() == null ? null : ERASED);
        }
        if (activity instanceof ServiceRequest s) {
            return new ServiceRequest(s.id(), s.customerId(), s.timestamp(), s.channel(), s.actor(), s.kind(), s.product(),
                    ERASED, s.closedAt());
        }
        if (activity instanceof Purchase || activity instanceof CampaignResponse || activity instanceof SatisfactionSurvey) {
            return activity;
        }
        throw new IllegalArgumentException("unknown activity type " + activity.getClass().getName());
    }

    private static Profile profile(Profile profile) {
        if (profile instanceof PersonProfile p) {
            return new PersonProfile(PersonName.of(ERASED, ERASED), null, null, p.gender(), p.maritalStatus(),
                    p.householdStructure(), p.householdSize(), p.familyLifeCycleStage(), p.education(), p.incomeBand(),
                    p.employmentStatus(), null, p.lifestyle(), Set.of());
        }
        OrganizationProfile o = (OrganizationProfile) profile;
        return new OrganizationProfile(ERASED, null, null, o.industry(), o.employees(), o.annualRevenue(),
                o.operatingStatus(), o.mainProducts(), o.creditRating(), null, null, o.brandMix(), o.outletCount());
    }

    private static ConsentHistory consentHistory(ConsentHistory history) {
        return new ConsentHistory(history.records().stream()
                .map(r -> new ConsentRecord(r.channel(), r.purpose(), r.state(), r.legalBasis(), ERASED, r.at(), r.expiresAt()))
                .toList());
    }

    private static Attributes attributes(Attributes attributes) {
        Map<AttributeKey<?>, Object> kept = new LinkedHashMap<>();
        attributes.asMap().forEach((k, v) -> {
            if (k.type() != AttributeType.STRING) {
                kept.put(k, v);
            }
        });
        return Attributes.of(kept);
    }

    private static FinancialProfile financial(FinancialProfile f) {
        return new FinancialProfile(f.accountType(), null, f.firstOrderDate(), f.lastOrderDate(), f.averageOrderValue(),
                f.outstandingBalance(), f.averagePaymentTermDays(), f.creditRating());
    }
}
