package org.crmkit.core.merge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.Attributes;
import org.crmkit.core.customer.ChannelConsent;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.FinancialProfile;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.Profile;
import org.crmkit.core.money.Money;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.store.UnknownCustomerException;

/**
 * Merges a duplicate customer record into a surviving one, keeping all history of both.
 *
 * <p>Survivorship rules, applied field by field:
 * <ol>
 * <li>Identity: the survivor keeps its id and version; the merged-away id and the ids it
 *     had absorbed itself are added to {@link Customer#mergedIds()}.</li>
 * <li>Status: the one further along POTENTIAL &lt; INTENTION &lt; CURRENT; TERMINATED only if
 *     both are terminated. Grade and each part of the classification: the survivor's if
 *     set, else the other's.</li>
 * <li>Profile: both must be of the same kind. Each field: the survivor's value if known,
 *     else the other's; personality traits, main products and brands: union.</li>
 * <li>Contact points: union, the survivor's first.</li>
 * <li>Consent, per channel: the more recent record wins, so a later opt-out on either side
 *     stays in force; on equal dates do-not-contact beats denial beats grant. The consent
 *     histories per channel and purpose are joined in time order.</li>
 * <li>Financial profile: earliest first order, latest last order; outstanding balances
 *     added when in the same currency (else the survivor's); other fields the survivor's
 *     value if known, else the other's.</li>
 * <li>Custom attributes: the survivor's value wins where both have the name.</li>
 * <li>Ownership: both histories kept; if both have an open primary manager, the survivor's
 *     stays and the other's assignment is closed at the merge instant.</li>
 * <li>Activities: all of both, the merged-away record's re-assigned to the survivor under
 *     their own ids.</li>
 * </ol>
 *
 * <pre>{@code
 * MergeResult r = CustomerMerger.merge(survivor, survivorActivities, duplicate, duplicateActivities, now);
 * // or directly in a store:
 * Customer merged = CustomerMerger.mergeInto(store, survivorId, duplicateId, clock);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CustomerMerger {
    private CustomerMerger() {
    }

    /**
     * Merges two records and their activities.
     *
     * @param survivor the record that stays, not null
     * @param survivorActivities its activities, not null
     * @param mergedAway the duplicate, not null
     * @param mergedAwayActivities its activities, not null
     * @param at the instant of the merge, not null
     * @return the merge result, never null
     * @throws IllegalArgumentException if both ids are equal, the kinds differ, or an
     *     activity belongs to neither record as given
     */
    public static MergeResult merge(Customer survivor, List<? extends Activity> survivorActivities, Customer mergedAway,
            List<? extends Activity> mergedAwayActivities, Instant at) {
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(mergedAway, "mergedAway");
        Objects.requireNonNull(survivorActivities, "survivorActivities");
        Objects.requireNonNull(mergedAwayActivities, "mergedAwayActivities");
        Objects.requireNonNull(at, "at");
        if (survivor.id().equals(mergedAway.id())) {
            throw new IllegalArgumentException("cannot merge customer " + survivor.id() + " into itself");
        }
        if (survivor.kind() != mergedAway.kind()) {
            throw new IllegalArgumentException("cannot merge " + mergedAway.kind() + " " + mergedAway.id() + " into "
                    + survivor.kind() + " " + survivor.id());
        }
        Set<CustomerId> mergedIds = new LinkedHashSet<>(survivor.mergedIds());
        mergedIds.add(mergedAway.id());
        mergedIds.addAll(mergedAway.mergedIds());
        mergedIds.remove(survivor.id());

        Customer.Builder b = Customer.builder(survivor.id(), mergeProfile(survivor.profile(), mergedAway.profile()))
                .version(survivor.version())
                .status(mergeStatus(survivor.status(), mergedAway.status()))
                .classification(survivor.classification().orElse(mergedAway.classification()))
                .contacts(survivor.contacts().union(mergedAway.contacts()))
                .consents(mergeConsents(survivor.consents(), mergedAway.consents()))
                .consentHistory(survivor.consentHistory().union(mergedAway.consentHistory()))
                .attributes(mergeAttributes(survivor.attributes(), mergedAway.attributes()))
                .ownership(survivor.ownership().union(mergedAway.ownership(), at))
                .mergedIds(mergedIds);
        survivor.grade().or(mergedAway::grade).ifPresent(b::grade);
        FinancialProfile financial = mergeFinancial(survivor.financial().orElse(null),
                mergedAway.financial().orElse(null));
        if (financial != null) {
            b.financial(financial);
        }
        Customer merged = b.build();

        List<Activity> activities = new ArrayList<>();
        for (Activity a : survivorActivities) {
            requireOwner(a, survivor.id());
            activities.add(a);
        }
        for (Activity a : mergedAwayActivities) {
            requireOwner(a, mergedAway.id());
            activities.add(a.withCustomerId(survivor.id()));
        }
        activities.sort(Comparator.comparing(Activity::timestamp).thenComparing(Activity::id));
        return new MergeResult(merged, mergedAway.id(), activities);
    }

    /**
     * Merges two stored records in one step of the store ({@link CustomerStore#merge}): the
     * survivor is updated (checking its version), the duplicate's activities move to it, the
     * duplicate is removed (checking its version) and the merge is recorded; a conflicting
     * concurrent change of either record makes it fail with a version conflict and write nothing.
     *
     * @param store the store, not null
     * @param survivorId the record that stays, not null
     * @param mergedAwayId the duplicate, not null
     * @param clock the clock giving the merge instant, not null
     * @return the stored merged record, never null
     * @throws UnknownCustomerException if either record is not stored
     * @throws org.crmkit.core.store.VersionConflictException if a record changed meanwhile
     */
    public static Customer mergeInto(CustomerStore store, CustomerId survivorId, CustomerId mergedAwayId, Clock clock) {
        return mergeInto(store, survivorId, mergedAwayId, clock, CustomerStore.SYSTEM_ACTOR);
    }

    /**
     * Merges two stored records as {@link #mergeInto(CustomerStore, CustomerId, CustomerId, Clock)}
     * does, naming who merged them in the store's merge record and audit trail.
     *
     * @param store the store, not null
     * @param survivorId the record that stays, not null
     * @param mergedAwayId the duplicate, not null
     * @param clock the clock giving the merge instant, not null
     * @param actor who merges, not blank
     * @return the stored merged record, never null
     * @throws UnknownCustomerException if either record is not stored
     * @throws org.crmkit.core.store.VersionConflictException if a record changed meanwhile
     */
    public static Customer mergeInto(CustomerStore store, CustomerId survivorId, CustomerId mergedAwayId, Clock clock,
            String actor) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Customer survivor = store.find(survivorId).orElseThrow(() -> new UnknownCustomerException(survivorId));
        Customer away = store.find(mergedAwayId).orElseThrow(() -> new UnknownCustomerException(mergedAwayId));
        MergeResult result = merge(survivor, store.activitiesOf(survivorId), away, store.activitiesOf(mergedAwayId),
                clock.instant());
        return store.merge(result, away.version(), actor);
    }

    private static void requireOwner(Activity a, CustomerId owner) {
        if (!a.customerId().equals(owner)) {
            throw new IllegalArgumentException("activity " + a.id() + " belongs to " + a.customerId() + ", not " + owner);
        }
    }

    private static CustomerStatus mergeStatus(CustomerStatus a, CustomerStatus b) {
        if (a == CustomerStatus.TERMINATED && b == CustomerStatus.TERMINATED) {
            return a;
        }
        if (a == CustomerStatus.TERMINATED) {
            return b;
        }
        if (b == CustomerStatus.TERMINATED) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static <T> T first(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        Set<T> set = new LinkedHashSet<>(a);
        set.addAll(b);
        return List.copyOf(set);
    }

    private static Profile mergeProfile(Profile survivor, Profile other) {
        if (survivor instanceof PersonProfile s && other instanceof PersonProfile o) {
            Set<String> traits = new LinkedHashSet<>(s.personalityTraits());
            traits.addAll(o.personalityTraits());
            return new PersonProfile(s.name(), first(s.nationalId(), o.nationalId()), first(s.birthDate(), o.birthDate()),
                    first(s.gender(), o.gender()), first(s.maritalStatus(), o.maritalStatus()),
                    first(s.householdStructure(), o.householdStructure()), first(s.householdSize(), o.householdSize()),
                    first(s.familyLifeCycleStage(), o.familyLifeCycleStage()), first(s.education(), o.education()),
                    first(s.incomeBand(), o.incomeBand()), first(s.employmentStatus(), o.employmentStatus()),
                    first(s.occupation(), o.occupation()), first(s.lifestyle(), o.lifestyle()), traits);
        }
        OrganizationProfile s = (OrganizationProfile) survivor;
        OrganizationProfile o = (OrganizationProfile) other;
        return new OrganizationProfile(s.legalName(), first(s.shortName(), o.shortName()),
                first(s.description(), o.description()), first(s.industry(), o.industry()),
                first(s.employees(), o.employees()), first(s.annualRevenue(), o.annualRevenue()),
                first(s.operatingStatus(), o.operatingStatus()), union(s.mainProducts(), o.mainProducts()),
                first(s.creditRating(), o.creditRating()), first(s.legalRepresentative(), o.legalRepresentative()),
                first(s.purchasingContact(), o.purchasingContact()), union(s.brandMix(), o.brandMix()),
                first(s.outletCount(), o.outletCount()));
    }

    private static Consents mergeConsents(Consents survivor, Consents other) {
        Map<ContactChannel, ChannelConsent> merged = new EnumMap<>(ContactChannel.class);
        merged.putAll(survivor.byChannel());
        other.byChannel().forEach((channel, theirs) -> merged.merge(channel, theirs, CustomerMerger::laterOrStricter));
        return new Consents(merged);
    }

    private static ChannelConsent laterOrStricter(ChannelConsent a, ChannelConsent b) {
        int byTime = a.recordedAt().compareTo(b.recordedAt());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return strictness(a) >= strictness(b) ? a : b;
    }

    private static int strictness(ChannelConsent c) {
        if (c.doNotContact()) {
            return 3;
        }
        return switch (c.state()) {
            case DENIED -> 2;
            case UNKNOWN -> 1;
            case GRANTED -> 0;
        };
    }

    private static Attributes mergeAttributes(Attributes survivor, Attributes other) {
        Attributes result = survivor;
        for (Map.Entry<AttributeKey<?>, Object> e : other.asMap().entrySet()) {
            String name = e.getKey().qualifiedName();
            boolean taken = survivor.asMap().keySet().stream().anyMatch(k -> k.qualifiedName().equals(name));
            if (!taken) {
                result = Attributes.of(withEntry(result, e.getKey(), e.getValue()));
            }
        }
        return result;
    }

    private static Map<AttributeKey<?>, Object> withEntry(Attributes attributes, AttributeKey<?> key, Object value) {
        Map<AttributeKey<?>, Object> map = new java.util.LinkedHashMap<>(attributes.asMap());
        map.put(key, value);
        return map;
    }

    private static FinancialProfile mergeFinancial(FinancialProfile s, FinancialProfile o) {
        if (s == null || o == null) {
            return s != null ? s : o;
        }
        LocalDate firstOrder = min(s.firstOrderDate(), o.firstOrderDate());
        LocalDate lastOrder = max(s.lastOrderDate(), o.lastOrderDate());
        if (firstOrder != null && lastOrder != null && lastOrder.isBefore(firstOrder)) {
            lastOrder = null; // the two records disagree about dates we cannot reconcile
        }
        Money balance = s.outstandingBalance();
        if (balance != null && o.outstandingBalance() != null
                && balance.currency().equals(o.outstandingBalance().currency())) {
            balance = balance.plus(o.outstandingBalance());
        } else if (balance == null) {
            balance = o.outstandingBalance();
        }
        return new FinancialProfile(first(s.accountType(), o.accountType()), first(s.bank(), o.bank()), firstOrder,
                lastOrder, first(s.averageOrderValue(), o.averageOrderValue()), balance,
                first(s.averagePaymentTermDays(), o.averagePaymentTermDays()), first(s.creditRating(), o.creditRating()));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
