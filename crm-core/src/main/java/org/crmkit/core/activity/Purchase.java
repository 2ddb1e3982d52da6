package org.crmkit.core.activity;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Check;
import org.crmkit.core.money.Money;

/**
 * A purchase transaction line, or a return line.
 *
 * <p>A sale has a positive quantity and a non-negative amount. A return is a line with a
 * negative quantity and a non-positive amount that references the original purchase by
 * {@link #returnOf()}; create it with {@link #returnLine}. The amount is the line total.
 *
 * <pre>{@code
 * Purchase sale = Purchase.of(ActivityId.of("P-1"), CustomerId.of("C-1"), at, Channel.STORE,
 *         Actor.of("rep-7"), "SKU-42", "books", 3, Money.of("EUR", "29.97"));
 * Purchase back = sale.returnLine(ActivityId.of("R-1"), later, 1, Actor.of("rep-7"));
 * back.amount();   // EUR -9.99
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id, not null
 * @param customerId the customer, not null
 * @param timestamp when it happened, not null
 * @param channel the sales channel, not null
 * @param actor who sold or recorded it, not null
 * @param product the product code or name, not blank
 * @param category the product category, or null
 * @param quantity units: positive for a sale, negative for a return, never zero
 * @param amount line total: not negative for a sale, not positive for a return
 * @param location the store or place, or null
 * @param returnOf the id of the purchase this line returns, or null for a sale
 */
public record Purchase(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
        String product, String category, int quantity, Money amount, String location, ActivityId returnOf)
        implements Activity {
    /**
     * Validates the line.
     *
     * @throws NullPointerException if a required field is null
     * @throws IllegalArgumentException if a text is blank, the quantity is zero, a sale has a
     *     negative quantity or amount, or a return has a positive quantity or amount
     */
    public Purchase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        product = Check.text(product, "product");
        category = Check.optionalText(category, "category");
        Objects.requireNonNull(amount, "amount");
        location = Check.optionalText(location, "location");
        if (returnOf == null) {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity of a purchase must be positive: " + quantity);
            }
            if (amount.isNegative()) {
                throw new IllegalArgumentException("amount of a purchase must not be negative: " + amount);
            }
        } else {
            if (quantity >= 0) {
                throw new IllegalArgumentException("quantity of a return must be negative: " + quantity);
            }
            if (amount.amount().signum() > 0) {
                throw new IllegalArgumentException("amount of a return must not be positive: " + amount);
            }
            if (returnOf.equals(id)) {
                throw new IllegalArgumentException("a return cannot reference itself: " + id);
            }
        }
    }

    /**
     * Returns a sale line without category, location or return reference.
     *
     * @param id the activity id, not null
     * @param customerId the customer, not null
     * @param timestamp when, not null
     * @param channel the channel, not null
     * @param actor who, not null
     * @param product the product, not blank
     * @param category the category, or null
     * @param quantity positive units
     * @param amount the line total, not negative
     * @return the purchase, never null
     * @throws IllegalArgumentException if a value is invalid
     */
    public static Purchase of(ActivityId id, CustomerId customerId, Instant timestamp, Channel channel, Actor actor,
            String product, String category, int quantity, Money amount) {
        return new Purchase(id, customerId, timestamp, channel, actor, product, category, quantity, amount, null,
                null);
    }

    /**
     * Tells whether this line is a return.
     *
     * @return true if it references an original purchase
     */
    public boolean isReturn() {
        return returnOf != null;
    }

    /**
     * Creates a return of some of this sale's units, valued at this line's unit price.
     *
     * @param returnId the id of the return line, not null
     * @param at when the goods came back, not null, not before this sale
     * @param units how many units come back, 1 to this line's quantity
     * @param by who recorded the return, not null
     * @return the return line, never null
     * @throws IllegalStateException if this line is itself a return
     * @throws IllegalArgumentException if units are out of range, {@code at} precedes the sale,
     *     or the unit price is not exact in the currency's minor unit
     */
    public Purchase returnLine(ActivityId returnId, Instant at, int units, Actor by) {
        if (isReturn()) {
            throw new IllegalStateException("cannot return a return line: " + id);
        }
        Objects.requireNonNull(at, "at");
        if (units < 1 || units > quantity) {
            throw new IllegalArgumentException("units to return must be 1.." + quantity + ": " + units);
        }
        if (at.isBefore(timestamp)) {
            throw new IllegalArgumentException("return at " + at + " precedes the purchase at " + timestamp);
        }
        long minor = amount.minorUnits();
        if ((minor * units) % quantity != 0) {
            throw new IllegalArgumentException("line total " + amount + " does not split exactly into " + quantity
                    + " units");
        }
        Money refund = Money.ofMinor(amount.currency(), -(minor * units / quantity));
        return new Purchase(returnId, customerId, at, channel, by, product, category, -units, refund, location, id);
    }

    @Override
    public Purchase withCustomerId(CustomerId customer) {
        return new Purchase(id, customer, timestamp, channel, actor, product, category, quantity, amount, location,
                returnOf);
    }
}
