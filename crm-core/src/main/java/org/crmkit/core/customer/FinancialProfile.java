package org.crmkit.core.customer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.crmkit.core.internal.Check;
import org.crmkit.core.money.Money;

/**
 * Financial facts about a customer as finance records them. All fields are null when
 * unknown.
 *
 * <pre>{@code
 * FinancialProfile finance = FinancialProfile.builder(clock)
 *         .accountType(AccountType.CREDIT)
 *         .orderDates(LocalDate.of(2020, 1, 5), LocalDate.of(2024, 3, 1))
 *         .averageOrderValue(Money.of("EUR", "84.00"))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param accountType the account type, or null
 * @param bank the customer's bank, or null
 * @param firstOrderDate date of the first order, or null
 * @param lastOrderDate date of the last order (not before the first), or null
 * @param averageOrderValue average order value (not negative), or null
 * @param outstandingBalance amount owed to us (negative means credit), or null
 * @param averagePaymentTermDays average days from invoice to payment (not negative), or null
 * @param creditRating the credit rating, or null
 */
public record FinancialProfile(AccountType accountType, String bank, LocalDate firstOrderDate, LocalDate lastOrderDate,
        Money averageOrderValue, Money outstandingBalance, Integer averagePaymentTermDays,
        CreditRating creditRating) {
    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if the last order precedes the first, the average
     *     order value is negative, the payment term is negative or the bank is blank
     */
    public FinancialProfile {
        bank = Check.optionalText(bank, "bank");
        if (firstOrderDate != null && lastOrderDate != null && lastOrderDate.isBefore(firstOrderDate)) {
            throw new IllegalArgumentException("lastOrderDate " + lastOrderDate + " is before firstOrderDate "
                    + firstOrderDate);
        }
        if (averageOrderValue != null && averageOrderValue.isNegative()) {
            throw new IllegalArgumentException("averageOrderValue must not be negative: " + averageOrderValue);
        }
        Check.optionalNonNegative(averagePaymentTermDays, "averagePaymentTermDays");
    }

    /**
     * Starts a builder; the clock decides what "today" is for the order-date checks.
     *
     * @param clock the clock, not null
     * @return a new builder, never null
     */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /**
     * Builds a {@link FinancialProfile}. Each setter validates and may be called once.
     * A builder is not thread-safe; the profile it builds is immutable.
     */
    public static final class Builder {
        private final Clock clock;
        private AccountType accountType;
        private String bank;
        private LocalDate firstOrderDate;
        private LocalDate lastOrderDate;
        private Money averageOrderValue;
        private Money outstandingBalance;
        private Integer averagePaymentTermDays;
        private CreditRating creditRating;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Sets the account type.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder accountType(AccountType value) {
            Check.once(accountType, "accountType");
            accountType = Objects.requireNonNull(value, "accountType");
            return this;
        }

        /**
         * Sets the bank.
         *
         * @param value not blank
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder bank(String value) {
            Check.once(bank, "bank");
            bank = Check.text(value, "bank");
            return this;
        }

        /**
         * Sets the first and last order dates.
         *
         * @param first the first order date, not null, not in the future
         * @param last the last order date, not null, not before first, not in the future
         * @return this builder
         * @throws IllegalArgumentException if a date is in the future or last precedes first
         * @throws IllegalStateException if already set
         */
        public Builder orderDates(LocalDate first, LocalDate last) {
            Check.once(firstOrderDate, "firstOrderDate");
            Objects.requireNonNull(first, "firstOrderDate");
            Objects.requireNonNull(last, "lastOrderDate");
            LocalDate today = LocalDate.now(clock);
            if (first.isAfter(today)) {
                throw new IllegalArgumentException("firstOrderDate is in the future: " + first + " (today is " + today + ")");
            }
            if (last.isAfter(today)) {
                throw new IllegalArgumentException("lastOrderDate is in the future: " + last + " (today is " + today + ")");
            }
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("lastOrderDate " + last + " is before firstOrderDate " + first);
            }
            firstOrderDate = first;
            lastOrderDate = last;
            return this;
        }

        /**
         * Sets the average order value.
         *
         * @param value not null, not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder averageOrderValue(Money value) {
            Check.once(averageOrderValue, "averageOrderValue");
            Objects.requireNonNull(value, "averageOrderValue");
            if (value.isNegative()) {
                throw new IllegalArgumentException("averageOrderValue must not be negative: " + value);
            }
            averageOrderValue = value;
            return this;
        }

        /**
         * Sets the outstanding balance.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder outstandingBalance(Money value) {
            Check.once(outstandingBalance, "outstandingBalance");
            outstandingBalance = Objects.requireNonNull(value, "outstandingBalance");
            return this;
        }

        /**
         * Sets the average payment term in days.
         *
         * @param days not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws IllegalStateException if already set
         */
        public Builder averagePaymentTermDays(int days) {
            Check.once(averagePaymentTermDays, "averagePaymentTermDays");
            averagePaymentTermDays = Check.nonNegative(days, "averagePaymentTermDays");
            return this;
        }

        /**
         * Sets the credit rating.
         *
         * @param value not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder creditRating(CreditRating value) {
            Check.once(creditRating, "creditRating");
            creditRating = Objects.requireNonNull(value, "creditRating");
            return this;
        }

        /**
         * Builds the profile.
         *
         * @return the profile, never null
         */
        public FinancialProfile build() {
            return new FinancialProfile(accountType, bank, firstOrderDate, lastOrderDate, averageOrderValue,
                    outstandingBalance, averagePaymentTermDays, creditRating);
        }
    }
}
