package org.crmkit.core.segment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.AttributeKey;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.view.CustomerView;

/**
 * A {@link Subject} over a {@link Customer} and its activities as of a date: fills the
 * {@link StandardAttributes} from the customer record and its 360-degree history, and exposes the
 * activities to windowed aggregates. A flyweight: {@link #load} it with each customer of a bulk
 * run, then add the caller's scores with {@link #values()}.
 *
 * <p>What is filled: every attribute of the {@link StandardAttributes} table whose source is
 * the customer record or its history, read off the customer as that table's description says, as
 * of the end of the as-of day in this subject's zone; the history's facts come from a
 * {@link CustomerView} as of that instant, so a view and a rule agree. Standard attributes the
 * registry lacks, or declares with another type, are skipped. Custom attributes of the customer
 * whose key {@code ns:name} maps to a registered attribute {@code ns.name} ('-' read as '_') of a
 * matching type are filled too. The caller's attributes (youngest_child_age, buyer_readiness,
 * tags and the scores rfm_*, clv, p_alive, churn_risk, abc_class) are not in the customer record:
 * set them with {@link #values()} after loading.
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
        CustomerFacts facts = new CustomerFacts(customer, asOf, zone);
        history(customer, activities, facts);
        for (StandardAttribute row : StandardAttributes.table()) {
            if (row.extractor() != null && has(row.name(), row.attribute().type())) {
                set(row.name(), row.attribute().type(), row.extractor().apply(facts));
            }
        }
        custom(customer);
        return this;
    }

    private void history(Customer customer, Iterable<? extends Activity> activities, CustomerFacts facts) {
        List<Activity> all = new ArrayList<>();
        for (Activity a : activities) {
            if (!a.customerId().equals(customer.id())) {
                throw new IllegalArgumentException("activity " + a.id() + " belongs to " + a.customerId()
                        + ", not to " + customer.id());
            }
            all.add(a);
            LocalDate day = LocalDate.ofInstant(a.timestamp(), zone);
            String channel = CustomerFacts.lower(a.channel());
            if (a instanceof Purchase p) {
                values.addPurchase(day, facts.money(p.amount()), p.product(), p.category(), channel);
            } else {
                double amount = a instanceof CampaignResponse r ? facts.money(r.value()) : 0;
                String product = a instanceof ServiceRequest s ? s.product() : null;
                values.addInteraction(day, amount, product, channel);
            }
        }
        // the facts a service rep sees: one definition, in CustomerView, as of the end of the day
        facts.view(CustomerView.of(customer, all, facts.dayEnd().minusNanos(1)));
    }

    /** Sets one standard attribute from its extractor's value; null leaves it absent. */
    private void set(String name, AttributeType type, Object value) {
        if (value == null) {
            return;
        }
        switch (type) {
            case NUMBER -> values.setNumber(name, ((Number) value).doubleValue());
            case STRING, ENUM -> values.setText(name, (String) value);
            case BOOLEAN -> values.setBool(name, (Boolean) value);
            case DATE -> values.setDate(name, (LocalDate) value);
            case STRING_SET -> throw new IllegalStateException("no standard set attribute is filled: " + name);
        }
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

    /** Whether the registry has the attribute with a type that takes the value; text fits string and enum. */
    private boolean has(String name, AttributeType type) {
        return registry.find(name).filter(a -> a.type() == type || (text(type) && text(a.type()))).isPresent();
    }

    private static boolean text(AttributeType type) {
        return type == AttributeType.STRING || type == AttributeType.ENUM;
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
