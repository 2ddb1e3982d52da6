package org.crmkit.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.FinancialProfile;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.money.Money;
import org.crmkit.core.view.CustomerView;

/**
 * What the extractors of the standard attribute table read: one customer, its 360-degree view as
 * of the end of the as-of day, and the one currency all its money must share. Built by
 * {@link CustomerSubject#load} for one customer; not thread-safe.
 */
final class CustomerFacts {
    private final Customer customer;
    private final LocalDate asOf;
    private final ZoneId zone;
    private CustomerView view;
    private Currency currency;

    CustomerFacts(Customer customer, LocalDate asOf, ZoneId zone) {
        this.customer = customer;
        this.asOf = asOf;
        this.zone = zone;
    }

    /** Sets the view once the activities are known; the facts of the history come from it. */
    void view(CustomerView view) {
        this.view = view;
    }

    Customer customer() {
        return customer;
    }

    LocalDate asOf() {
        return asOf;
    }

    ZoneId zone() {
        return zone;
    }

    CustomerView view() {
        return view;
    }

    /** The start of the 365 days up to and including the as-of date. */
    Instant yearStart() {
        return asOf.minusDays(364).atStartOfDay(zone).toInstant();
    }

    /** The end of the as-of date, exclusive. */
    Instant dayEnd() {
        return asOf.plusDays(1).atStartOfDay(zone).toInstant();
    }

    Optional<PostalAddress> firstAddress() {
        return customer.contacts().addresses().stream().findFirst();
    }

    Optional<FinancialProfile> financial() {
        return customer.financial();
    }

    /** The first purchase by the activities, else the financial profile's first order date. */
    Optional<LocalDate> firstPurchase() {
        return view.firstPurchase().map(t -> LocalDate.ofInstant(t, zone))
                .or(() -> financial().map(FinancialProfile::firstOrderDate));
    }

    /** The last purchase by the activities, else the financial profile's last order date. */
    Optional<LocalDate> lastPurchase() {
        return view.lastPurchase().map(t -> LocalDate.ofInstant(t, zone))
                .or(() -> financial().map(FinancialProfile::lastOrderDate));
    }

    /** An amount in the customer's one currency; a second currency is an error. */
    double money(Money m) {
        if (currency == null) {
            currency = m.currency();
        } else if (!currency.equals(m.currency())) {
            throw new IllegalArgumentException("amounts mix currencies " + currency + " and " + m.currency()
                    + "; convert them before segmenting");
        }
        return m.amount().doubleValue();
    }

    /** The one currency's total, 0 if empty; {@link #money} has already rejected a mix. */
    double total(Map<Currency, Money> totals) {
        return totals.isEmpty() ? 0 : money(totals.values().iterator().next());
    }

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
