package org.crmkit.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.crmkit.core.customer.PersonalData;

/**
 * An amount of money in one ISO 4217 currency, with exactly the currency's number of
 * decimal places.
 *
 * <p>Amounts are never rounded silently: a factory given more decimals than the currency
 * allows (for example {@code 1.005 EUR}) throws. Arithmetic across currencies throws
 * {@link CurrencyMismatchException}. The text form is {@code "EUR 12.50"}: the currency
 * code, one space and the plain amount; {@link #parse(String)} reads what
 * {@link #toString()} writes.
 *
 * <pre>{@code
 * Money price = Money.of("EUR", "19.90");
 * Money total = price.multipliedBy(3);              // EUR 59.70
 * Money back = Money.parse(total.toString());       // equal to total
 * }</pre>
 *
 * <p>Equality compares currency and amount (the scale is always the currency's).
 * This class is immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {
    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency;
    }

    /**
     * Returns an amount in the given currency.
     *
     * @param currency the currency, not null
     * @param amount the amount, not null, with at most the currency's decimal places
     * @return the money value, never null
     * @throws IllegalArgumentException if the amount has too many decimal places or the
     *     currency has no minor unit defined
     */
    public static Money of(Currency currency, BigDecimal amount) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        int digits = fractionDigits(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than "
                    + digits + " decimal places allowed for " + currency.getCurrencyCode());
        }
        return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency);
    }

    /**
     * Returns an amount in the currency with the given ISO code.
     *
     * @param currencyCode the ISO 4217 code such as {@code "EUR"}, not null
     * @param amount the decimal amount such as {@code "12.50"}, not null
     * @return the money value, never null
     * @throws IllegalArgumentException if the code is unknown, the amount is not a number
     *     or has too many decimal places
     */
    public static Money of(String currencyCode, String amount) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount is not a decimal number: '" + PersonalData.mask(amount) + "'", e);
        }
        return of(currency(currencyCode), value);
    }

    /**
     * Returns an amount given in minor units (cents for EUR, yen for JPY).
     *
     * @param currency the currency, not null
     * @param minorUnits the amount in minor units
     * @return the money value, never null
     * @throws IllegalArgumentException if the currency has no minor unit defined
     */
    public static Money ofMinor(Currency currency, long minorUnits) {
        Objects.requireNonNull(currency, "currency");
        return new Money(BigDecimal.valueOf(minorUnits, fractionDigits(currency)), currency);
    }

    /**
     * Returns zero in the given currency.
     *
     * @param currency the currency, not null
     * @return zero, never null
     * @throws IllegalArgumentException if the currency has no minor unit defined
     */
    public static Money zero(Currency currency) {
        return ofMinor(currency, 0);
    }

    /**
     * Parses the form written by {@link #toString()}, for example {@code "EUR 12.50"}.
     *
     * @param text the text, not null
     * @return the money value, never null
     * @throws IllegalArgumentException if the text is not a currency code, one space and an
     *     amount, or the amount has too many decimals
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text");
        int space = text.indexOf(' ');
        if (space != 3 || text.length() < 5) {
            throw new IllegalArgumentException("money must look like 'EUR 12.50': '" + PersonalData.mask(text) + "'");
        }
        return of(text.substring(0, 3), text.substring(4));
    }

    private static Currency currency(String code) {
        Objects.requireNonNull(code, "currencyCode");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency code: '" + PersonalData.mask(code) + "'", e);
        }
    }

    private static int fractionDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode() + " has no minor unit");
        }
        return digits;
    }

    /**
     * Returns the amount, with exactly the currency's number of decimal places.
     *
     * @return the amount, never null
     */
    public BigDecimal amount() {
        return amount;
    }

    /**
     * Returns the currency.
     *
     * @return the currency, never null
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Returns the amount in minor units, for example 1250 for {@code EUR 12.50}.
     *
     * @return the amount in minor units
     * @throws ArithmeticException if it does not fit in a long
     */
    public long minorUnits() {
        return amount.movePointRight(amount.scale()).longValueExact();
    }

    /**
     * Returns the sum of this and another amount of the same currency.
     *
     * @param other the amount to add, not null
     * @return the sum, never null
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Returns this amount minus another amount of the same currency.
     *
     * @param other the amount to subtract, not null
     * @return the difference, never null
     * @throws CurrencyMismatchException if the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * Returns this amount multiplied by a whole number (exact).
     *
     * @param factor the factor
     * @return the product, never null
     */
    public Money multipliedBy(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /**
     * Returns the negated amount.
     *
     * @return the negation, never null
     */
    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    /**
     * Tells whether the amount is below zero.
     *
     * @return true if negative
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Tells whether the amount is zero.
     *
     * @return true if zero
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Compares amounts of the same currency.
     *
     * @param other the other amount, not null
     * @return negative, zero or positive as this is less than, equal to or greater than other
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /**
     * Compares currency and amount.
     *
     * @param obj the other object, may be null
     * @return true if both are money of the same currency and amount
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Money other && currency.equals(other.currency) && amount.equals(other.amount);
    }

    @Override
    public int hashCode() {
        return currency.hashCode() * 31 + amount.hashCode();
    }

    /**
     * Returns the text form {@code "EUR 12.50"}, readable by {@link #parse(String)}.
     *
     * @return the currency code, a space and the plain amount, never null
     */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + ' ' + amount.toPlainString();
    }
}
