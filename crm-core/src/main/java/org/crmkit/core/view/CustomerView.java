package org.crmkit.core.view;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * <p>An <em>order</em> is a calendar day on which the customer bought at least one line that
 * is not a return: several lines on one day are one order, following the data convention of
 * the per-customer summaries in crm-scoring (purchases on the same day by the same customer
 * count once). A return is never an
 * order and does not cancel one; it only lowers the spend. The segmentation attributes
 * {@code order_count}, {@code orders_365d}, {@code first/last_purchase_date},
 * {@code total_spend}, {@code spend_365d} and {@code open_complaints} of
 * {@code org.crmkit.core.segment.CustomerSubject} are read from this class, so a view and a
 * segment rule always agree.
 *
 * <pre>{@code
 * CustomerView view = CustomerView.load(store, CustomerId.of("C-1"), clock);
 * view.orderCount(zone);                     // days with a sale; returns do not count
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

    /** @return when the customer first bought (returns ignored), or empty if never */
    public Optional<Instant> firstPurchase() {
        return sales().stream().findFirst().map(Purchase::timestamp);
    }

    /** @return when the customer last bought (returns ignored), or empty if never */
    public Optional<Instant> lastPurchase() {
        List<Purchase> sales = sales();
        return sales.isEmpty() ? Optional.empty() : Optional.of(sales.get(sales.size() - 1).timestamp());
    }

    /**
     * Counts the orders with days read in UTC, the day convention of
     * {@code org.crmkit.core.lifecycle.PurchaseTimeline}; see {@link #orderCount(ZoneId)}.
     *
     * @return the number of UTC days with a sale, zero or more
     */
    public int orderCount() {
        return orderCount(ZoneOffset.UTC);
    }

    /**
     * Counts the orders: the distinct days, in {@code zone}, on which the customer bought at
     * least one line that is not a return (same-day purchases count once, as in crm-scoring's
     * per-customer summaries). Returns never count.
     *
     * <pre>{@code
     * // two lines on 3 May, a return on 4 May, one line on 9 May
     * view.orderCount(ZoneId.of("Europe/Berlin"));   // 2
     * }</pre>
     *
     * @param zone the zone that turns instants into days, not null
     * @return the number of days with a sale, zero or more
     */
    public int orderCount(ZoneId zone) {
        return orderDays(timeline(Purchase.class), zone);
    }

    /**
     * Counts the orders, as {@link #orderCount(ZoneId)}, among the lines in a period.
     *
     * @param zone the zone that turns instants into days, not null
     * @param from start of the period, inclusive, not null
     * @param to end of the period, exclusive, not null
     * @return the number of days with a sale in the period, zero or more
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public int orderCount(ZoneId zone, Instant from, Instant to) {
        return orderDays(timeline(Purchase.class, from, to), zone);
    }

    private static int orderDays(List<Purchase> lines, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        int days = 0;
        LocalDate previous = null;
        // lines are in time order, so their days never decrease
        for (Purchase p : lines) {
            if (p.isReturn()) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(p.timestamp(), zone);
            if (!day.equals(previous)) {
                days++;
                previous = day;
            }
        }
        return days;
    }

    /**
     * Returns the total spend per currency, net of returns.
     *
     * @return an unmodifiable map sorted by currency code, never null, empty if nothing bought
     */
    public Map<Currency, Money> totalSpend() {
        return spend(timeline(Purchase.class));
    }

    /**
     * Returns the spend per currency in a period, net of the returns in that period.
     *
     * @param from start of the period, inclusive, not null
     * @param to end of the period, exclusive, not null
     * @return an unmodifiable map sorted by currency code, never null, empty if nothing bought
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public Map<Currency, Money> totalSpend(Instant from, Instant to) {
        return spend(timeline(Purchase.class, from, to));
    }

    private static Map<Currency, Money> spend(List<Purchase> lines) {
        Map<Currency, Money> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (Purchase p : lines) {
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
