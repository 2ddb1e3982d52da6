package org.crmkit.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.FinancialProfile;
import org.crmkit.core.customer.OrganizationProfile;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.money.Money;
import org.crmkit.core.view.CustomerView;

/**
 * A {@link Subject} over a {@link Customer} and its activities as of a date: fills the
 * {@link StandardAttributes} from the customer record and its 360-degree history, and exposes the
 * activities to windowed aggregates. A flyweight: {@link #load} it with each customer of a bulk
 * run, then add the caller's scores with {@link #values()}.
 *
 * <p>What is filled:
 * <ul>
 *   <li>profile: kind, customer_status, customer_grade, terminated, cooperation_type,
 *       relationship_level, relationship_type; for a person age (whole
 *       years at the as-of date), gender, marital_status, household_size, household_structure,
 *       education, income_band, employment_status, occupation; for an organization industry,
 *       employees, annual_revenue, credit_rating; the first postal address's country, region,
 *       city, postal_code and area_type; the first e-mail; consent_* per contact channel
 *       (permitted now, opt-outs respected);</li>
 *   <li>derived from activities dated on or before the as-of date (up to the end of that day
 *       in this subject's zone), by a {@link CustomerView} as of that instant, so a view and a
 *       rule agree: first/last_purchase_date ({@link CustomerView#firstPurchase()}, else the
 *       financial profile's order dates), tenure_days, days_since_last_purchase, order_count
 *       ({@link CustomerView#orderCount(ZoneId)}: distinct days in this zone with a sale, as
 *       the per-customer summaries count same-day purchases once; returns are never
 *       orders), total_spend (net of returns), orders_365d and spend_365d (the 365 days up to
 *       the as-of date), and open_complaints (received by the as-of date and not closed by its
 *       end);
 *       average_order_value, outstanding_balance and
 *       average_payment_days from the financial profile;</li>
 *   <li>custom attributes of the customer whose key {@code ns:name} maps to a registered
 *       attribute {@code ns.name} ('-' read as '_') of a matching type.</li>
 * </ul>
 * youngest_child_age, buyer_readiness and the scores (rfm_*, clv, p_alive, churn_risk,
 * abc_class) are not in the customer record: set them with {@link #values()} after loading.
 * Purchases are activities with their line total as amount (negative for returns); other
 * activities are interactions, with the campaign response value (else 0) as amount. Channels
 * read as lower-case names ({@code "web"}, {@code "store"} ...). All money must share one
 * currency.
 *
 * <pre>{@code
 * CustomerSubject view = new CustomerSubject(registry, ZoneId.of("Europe/Berlin"));
 * for (Customer c : customers) {
 *     view.load(c, activitiesOf(c), asOf);
 *     view.values().setNumber("rfm_r", rfm.recency(c.id()));
 *     counts.add(segmentation.assignName(view));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use one per thread.
 */
public final class CustomerSubject implements Subject {

    private final AttributeRegistry registry;
    private final ZoneId zone;
    private final SubjectRecord values;
    private Currency currency;

    /**
     * Creates an empty view.
     *
     * @param registry the registry rules were compiled against, not null; standard attributes it
     *     lacks are skipped
     * @param zone the time zone that turns activity instants into dates, not null
     */
    public CustomerSubject(AttributeRegistry registry, ZoneId zone) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.values = new SubjectRecord(registry);
    }

    /**
     * Returns the underlying values, for adding scores and facts the customer record lacks.
     *
     * @return the mutable record behind this view, never null
     */
    public SubjectRecord values() {
        return values;
    }

    /**
     * Points this view at a 360-degree customer view: its customer and timeline, as of the
     * view's instant read as a date in this subject's zone.
     *
     * @param view the customer view, not null
     * @return this view
     * @throws IllegalArgumentException if money amounts mix currencies
     */
    public CustomerSubject load(CustomerView view) {
        Objects.requireNonNull(view, "view");
        return load(view.customer(), view.timeline(), LocalDate.ofInstant(view.asOf(), zone));
    }

    /**
     * Points this view at a customer as of a date, replacing all values and activities.
     *
     * @param customer the customer, not null
     * @param activities the customer's activities in any order, not null
     * @param asOf the as-of date, not null
     * @return this view
     * @throws IllegalArgumentException if an activity belongs to another customer or money amounts
     *     mix currencies
     */
    public CustomerSubject load(Customer customer, Iterable<? extends Activity> activities, LocalDate asOf) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(activities, "activities");
        values.clear().asOf(Objects.requireNonNull(asOf, "asOf"));
        currency = null;
        text("kind", lower(customer.kind()));
        text("customer_status", lower(customer.status()));
        customer.grade().ifPresent(g -> text("customer_grade", g.name()));
        bool("terminated", customer.status() == org.crmkit.core.customer.CustomerStatus.TERMINATED);
        org.crmkit.core.customer.Classification cls = customer.classification();
        if (cls.cooperation() != null) {
            text("cooperation_type", lower(cls.cooperation()));
        }
        if (cls.relationshipLevel() != null) {
            text("relationship_level", lower(cls.relationshipLevel()));
        }
        if (cls.relationshipType() != null) {
            text("relationship_type", lower(cls.relationshipType()));
        }
        customer.person().ifPresent(p -> person(p, asOf));
        customer.organization().ifPresent(this::organization);
        if (!customer.contacts().addresses().isEmpty()) {
            PostalAddress a = customer.contacts().addresses().get(0);
            text("country", a.countryCode());
            if (a.regionCode() != null) {
                text("region", a.regionCode());
            }
            text("city", a.city());
            text("postal_code", a.postalCode());
            text("area_type", lower(a.type()));
        }
        if (!customer.contacts().emails().isEmpty()) {
            text("email", customer.contacts().emails().get(0).address());
        }
        for (ContactChannel ch : ContactChannel.values()) {
            bool("consent_" + lower(ch), customer.consents().permits(ch));
        }
        customer.financial().ifPresent(this::financial);
        history(customer, activities, asOf);
        custom(customer);
        return this;
    }

    private void person(PersonProfile p, LocalDate asOf) {
        if (p.birthDate() != null && !asOf.isBefore(p.birthDate())) {
            number("age", p.ageOn(asOf));
        }
        if (p.gender() != null) {
            text("gender", lower(p.gender()));
        }
        if (p.maritalStatus() != null) {
            text("marital_status", lower(p.maritalStatus()));
        }
        if (p.householdSize() != null) {
            number("household_size", p.householdSize());
        }
        if (p.householdStructure() != null) {
            text("household_structure", lower(p.householdStructure()));
        }
        if (p.education() != null) {
            text("education", lower(p.education()));
        }
        if (p.incomeBand() != null) {
            text("income_band", lower(p.incomeBand()));
        }
        if (p.employmentStatus() != null) {
            text("employment_status", lower(p.employmentStatus()));
        }
        if (p.occupation() != null) {
            text("occupation", p.occupation());
        }
    }

    private void organization(OrganizationProfile o) {
        if (o.industry() != null) {
            text("industry", o.industry());
        }
        if (o.employees() != null) {
            number("employees", o.employees());
        }
        if (o.annualRevenue() != null) {
            number("annual_revenue", money(o.annualRevenue()));
        }
        if (o.creditRating() != null) {
            text("credit_rating", o.creditRating().name());
        }
    }

    private void financial(FinancialProfile f) {
        if (f.firstOrderDate() != null) {
            date("first_purchase_date", f.firstOrderDate());
        }
        if (f.lastOrderDate() != null) {
            date("last_purchase_date", f.lastOrderDate());
        }
        if (f.averageOrderValue() != null) {
            number("average_order_value", money(f.averageOrderValue()));
        }
        if (f.outstandingBalance() != null) {
            number("outstanding_balance", money(f.outstandingBalance()));
        }
        if (f.averagePaymentTermDays() != null) {
            number("average_payment_days", f.averagePaymentTermDays());
        }
        if (f.creditRating() != null) {
            text("credit_rating", f.creditRating().name());
        }
    }

    private void history(Customer customer, Iterable<? extends Activity> activities, LocalDate asOf) {
        List<Activity> all = new ArrayList<>();
        for (Activity a : activities) {
            if (!a.customerId().equals(customer.id())) {
                throw new IllegalArgumentException("activity " + a.id() + " belongs to " + a.customerId()
                        + ", not to " + customer.id());
            }
            all.add(a);
            LocalDate day = LocalDate.ofInstant(a.timestamp(), zone);
            String channel = lower(a.channel());
            if (a instanceof Purchase p) {
                values.addPurchase(day, money(p.amount()), p.product(), p.category(), channel);
            } else {
                double amount = a instanceof CampaignResponse r ? money(r.value()) : 0;
                String product = a instanceof ServiceRequest s ? s.product() : null;
                values.addInteraction(day, amount, product, channel);
            }
        }
        // the facts a service rep sees: one definition, in CustomerView, as of the end of the day
        Instant dayEnd = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        CustomerView view = CustomerView.of(customer, all, dayEnd.minusNanos(1));
        Instant yearStart = asOf.minusDays(364).atStartOfDay(zone).toInstant();
        number("open_complaints", view.openComplaints().size());
        number("order_count", view.orderCount(zone));
        number("total_spend", amount(view.totalSpend()));
        number("orders_365d", view.orderCount(zone, yearStart, dayEnd));
        number("spend_365d", amount(view.totalSpend(yearStart, dayEnd)));
        view.firstPurchase().ifPresent(t -> date("first_purchase_date", LocalDate.ofInstant(t, zone)));
        view.lastPurchase().ifPresent(t -> date("last_purchase_date", LocalDate.ofInstant(t, zone)));
        long asOfDay = asOf.toEpochDay();
        Integer f = slotIfPresent("first_purchase_date");
        if (f != null) {
            number("tenure_days", asOfDay - values.epochDay(f));
        }
        Integer l = slotIfPresent("last_purchase_date");
        if (l != null) {
            number("days_since_last_purchase", asOfDay - values.epochDay(l));
        }
    }

    /** The one currency's total, 0 if empty; {@link #money} has already rejected a mix. */
    private static double amount(Map<Currency, Money> totals) {
        return totals.isEmpty() ? 0 : totals.values().iterator().next().amount().doubleValue();
    }

    private void custom(Customer customer) {
        for (Map.Entry<AttributeKey<?>, Object> e : customer.attributes().asMap().entrySet()) {
            AttributeKey<?> key = e.getKey();
            String name = (key.namespace() + "." + key.name()).replace('-', '_');
            java.util.Optional<Attribute> a = registry.find(name);
            if (a.isEmpty()) {
                continue;
            }
            Object v = e.getValue();
            AttributeType t = a.get().type();
            if (t == AttributeType.NUMBER && v instanceof Number n) {
                values.setNumber(name, n.doubleValue());
            } else if ((t == AttributeType.STRING || t == AttributeType.ENUM) && v instanceof String s) {
                values.setText(name, s);
            } else if (t == AttributeType.BOOLEAN && v instanceof Boolean b) {
                values.setBool(name, b);
            } else if (t == AttributeType.DATE && v instanceof LocalDate d) {
                values.setDate(name, d);
            }
        }
    }

    private double money(Money m) {
        if (currency == null) {
            currency = m.currency();
        } else if (!currency.equals(m.currency())) {
            throw new IllegalArgumentException("amounts mix currencies " + currency + " and " + m.currency()
                    + "; convert them before segmenting");
        }
        return m.amount().doubleValue();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private Integer slotIfPresent(String name) {
        java.util.Optional<Attribute> a = registry.find(name);
        if (a.isEmpty()) {
            return null;
        }
        int slot = registry.slot(name);
        return values.isPresent(slot) ? slot : null;
    }

    private boolean has(String name, AttributeType type) {
        return registry.find(name).filter(a -> a.type() == type
                || (type == AttributeType.STRING && a.type() == AttributeType.ENUM)).isPresent();
    }

    private void text(String name, String value) {
        if (has(name, AttributeType.STRING)) {
            values.setText(name, value);
        }
    }

    private void number(String name, double value) {
        if (has(name, AttributeType.NUMBER)) {
            values.setNumber(name, value);
        }
    }

    private void bool(String name, boolean value) {
        if (has(name, AttributeType.BOOLEAN)) {
            values.setBool(name, value);
        }
    }

    private void date(String name, LocalDate value) {
        if (has(name, AttributeType.DATE)) {
            values.setDate(name, value);
        }
    }

    @Override
    public boolean isPresent(int slot) {
        return values.isPresent(slot);
    }

    @Override
    public double number(int slot) {
        return values.number(slot);
    }

    @Override
    public long epochDay(int slot) {
        return values.epochDay(slot);
    }

    @Override
    public boolean bool(int slot) {
        return values.bool(slot);
    }

    @Override
    public String text(int slot) {
        return values.text(slot);
    }

    @Override
    public boolean hasElement(int slot, String element) {
        return values.hasElement(slot, element);
    }

    @Override
    public long asOfEpochDay() {
        return values.asOfEpochDay();
    }

    @Override
    public int activityCount() {
        return values.activityCount();
    }

    @Override
    public boolean activityIsPurchase(int index) {
        return values.activityIsPurchase(index);
    }

    @Override
    public long activityEpochDay(int index) {
        return values.activityEpochDay(index);
    }

    @Override
    public double activityAmount(int index) {
        return values.activityAmount(index);
    }

    @Override
    public String activityProduct(int index) {
        return values.activityProduct(index);
    }

    @Override
    public String activityCategory(int index) {
        return values.activityCategory(index);
    }

    @Override
    public String activityChannel(int index) {
        return values.activityChannel(index);
    }

    @Override
    public String toString() {
        return "CustomerSubject[" + values + "]";
    }
}
