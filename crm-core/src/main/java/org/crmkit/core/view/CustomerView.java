package org.crmkit.core.view;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.money.Money;
import org.crmkit.core.ownership.AccountManager;
import org.crmkit.core.ownership.AssignmentRole;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.store.UnknownCustomerException;

/**
 * The 360-degree view of one customer as of an instant: the customer record, every
 * activity up to that instant in time order, and the facts derived from them.
 *
 * <p>Activities dated after the as-of instant are left out, and a complaint closed after
 * it counts as open, so a view as of last month shows last month's picture.
 *
 * <pre>{@code
 * CustomerView view = CustomerView.load(store, CustomerId.of("C-1"), clock);
 * view.orderCount();                         // purchases that are not returns
 * view.totalSpend();                         // {EUR=EUR 412.80}, net of returns
 * view.timeline(Complaint.class, from, to);  // complaints received in [from, to)
 * view.lastContact().map(LastContact::by);   // who spoke to the customer last
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerView {
    private static final Comparator<Activity> TIME_ORDER =
            Comparator.comparing(Activity::timestamp).thenComparing(Activity::id);

    private final Customer customer;
    private final Instant asOf;
    private final List<Activity> timeline;

    private CustomerView(Customer customer, List<Activity> timeline, Instant asOf) {
        this.customer = customer;
        this.timeline = timeline;
        this.asOf = asOf;
    }

    /**
     * Builds the view from a customer and its activities.
     *
     * @param customer the customer, not null
     * @param activities the customer's activities in any order, not null
     * @param asOf the instant the view describes, not null
     * @return the view, never null
     * @throws IllegalArgumentException if an activity belongs to another customer
     */
    public static CustomerView of(Customer customer, Collection<? extends Activity> activities, Instant asOf) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(activities, "activities");
        Objects.requireNonNull(asOf, "asOf");
        List<Activity> list = new ArrayList<>();
        for (Activity a : activities) {
            Objects.requireNonNull(a, "activities must not contain null");
            if (!a.customerId().equals(customer.id())) {
                throw new IllegalArgumentException("activity " + a.id() + " belongs to customer " + a.customerId()
                        + ", not " + customer.id());
            }
            if (!a.timestamp().isAfter(asOf)) {
                list.add(a);
            }
        }
        list.sort(TIME_ORDER);
        return new CustomerView(customer, List.copyOf(list), asOf);
    }

    /**
     * Builds the view as of the clock's current instant.
     *
     * @param customer the customer, not null
     * @param activities the customer's activities, not null
     * @param clock the clock, not null
     * @return the view, never null
     */
    public static CustomerView of(Customer customer, Collection<? extends Activity> activities, Clock clock) {
        return of(customer, activities, Objects.requireNonNull(clock, "clock").instant());
    }

    /**
     * Loads a customer and its activities from a store, as of the clock's instant.
     *
     * @param store the store, not null
     * @param id the customer, not null
     * @param clock the clock, not null
     * @return the view, never null
     * @throws UnknownCustomerException if the store has no such customer
     */
    public static CustomerView load(CustomerStore store, CustomerId id, Clock clock) {
        Objects.requireNonNull(store, "store");
        Customer customer = store.find(id).orElseThrow(() -> new UnknownCustomerException(id));
        return of(customer, store.activitiesOf(id), clock);
    }

    /** @return the customer record, never null */
    public Customer customer() {
        return customer;
    }

    /** @return the instant this view describes, never null */
    public Instant asOf() {
        return asOf;
    }

    /**
     * Returns every activity up to the as-of instant, oldest first (ties by id).
     *
     * @return the timeline, never null
     */
    public List<Activity> timeline() {
        return timeline;
    }

    /**
     * Returns the activities of one type, oldest first.
     *
     * @param type the activity type such as {@code Purchase.class}, not null
     * @param <T> the type
     * @return the matching activities, never null
     */
    public <T extends Activity> List<T> timeline(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return timeline.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Returns the activities of one type in a period, oldest first.
     *
     * @param type the activity type, not null; {@code Activity.class} for all
     * @param from start of the period, inclusive, not null
     * @param to end of the period, exclusive, not null
     * @param <T> the type
     * @return the matching activities, never null
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public <T extends Activity> List<T> timeline(Class<T> type, Instant from, Instant to) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period end " + to + " is before its start " + from);
        }
        return timeline.stream()
                .filter(a -> !a.timestamp().isBefore(from) && a.timestamp().isBefore(to))
                .filter(type::isInstance).map(type::cast).toList();
    }

    private List<Purchase> sales() {
        return timeline(Purchase.class).stream().filter(p -> !p.isReturn()).toList();
    }

    /** @return when the customer first bought, or empty if never */
    public Optional<Instant> firstPurchase() {
        return sales().stream().findFirst().map(Purchase::timestamp);
    }

    /** @return when the customer last bought, or empty if never */
    public Optional<Instant> lastPurchase() {
        List<Purchase> sales = sales();
        return sales.isEmpty() ? Optional.empty() : Optional.of(sales.get(sales.size() - 1).timestamp());
    }

    /** @return the number of purchase lines that are not returns */
    public int orderCount() {
        return sales().size();
    }

    /**
     * Returns the total spend per currency, net of returns.
     *
     * @return an unmodifiable map sorted by currency code, never null, empty if nothing bought
     */
    public Map<Currency, Money> totalSpend() {
        Map<Currency, Money> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (Purchase p : timeline(Purchase.class)) {
            totals.merge(p.amount().currency(), p.amount(), Money::plus);
        }
        return Collections.unmodifiableMap(totals);
    }

    /**
     * Returns the complaints that were open at the as-of instant.
     *
     * @return the open complaints, oldest first, never null
     */
    public List<Complaint> openComplaints() {
        return timeline(Complaint.class).stream()
                .filter(c -> c.isOpen() || c.statusChangedAt().isAfter(asOf)).toList();
    }

    /** @return the latest interaction, or empty if there was none */
    public Optional<LastContact> lastContact() {
        List<Interaction> interactions = timeline(Interaction.class);
        if (interactions.isEmpty()) {
            return Optional.empty();
        }
        Interaction i = interactions.get(interactions.size() - 1);
        return Optional.of(new LastContact(i.timestamp(), i.actor(), i.channel(), i.type(), i.id()));
    }

    /** @return for every channel whether the customer may be contacted on it now, never null */
    public Map<ContactChannel, Boolean> consentByChannel() {
        return customer.contactability();
    }

    /** @return the primary account manager at the as-of instant, or empty */
    public Optional<AccountManager> accountManager() {
        return customer.ownership().activeAt(asOf).stream()
                .filter(a -> a.role() == AssignmentRole.PRIMARY)
                .map(a -> a.manager()).findFirst();
    }

    @Override
    public String toString() {
        return "CustomerView[customer=" + customer.id() + ", asOf=" + asOf + ", activities=" + timeline.size() + "]";
    }
}
