package org.crmkit.scoring.summary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;
import org.crmkit.core.activity.Purchase;

/**
 * A columnar, immutable log of purchase transactions: for each transaction a customer,
 * a date and a net amount, held in primitive arrays.
 *
 * <p>Customers are identified by a dense index {@code 0 .. customerCount() - 1} into a
 * dictionary of customer id strings; the dictionary lists ids in order of first
 * appearance. Dates are epoch days ({@link LocalDate#toEpochDay()}). Amounts are
 * finite doubles in one currency; a negative amount is a return. The log may be in any
 * order.
 *
 * <pre>{@code
 * TransactionLog log = TransactionLog.builder()
 *         .add("c1", LocalDate.of(2024, 1, 5), 20.0)
 *         .add("c1", LocalDate.of(2024, 2, 1), 35.5)
 *         .add("c2", LocalDate.of(2024, 1, 9), 12.0)
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TransactionLog {
    final IdDictionary ids;
    final int[] customer;
    final int[] day;
    final double[] amount;
    private final int minDay;
    private final int maxDay;

    private TransactionLog(IdDictionary ids, int[] customer, int[] day, double[] amount) {
        this.ids = ids;
        this.customer = customer;
        this.day = day;
        this.amount = amount;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int d : day) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        this.minDay = lo;
        this.maxDay = hi;
    }

    /**
     * Creates a log from columns; the arrays are copied.
     *
     * @param customerIds the customer id dictionary, not null, without null or duplicate
     *     entries
     * @param customerIndex for each transaction the index of its customer in
     *     {@code customerIds}, not null
     * @param epochDays for each transaction its date as epoch day, not null, same length
     * @param amounts for each transaction its net amount, not null, same length, finite
     * @return the log, never null
     * @throws IllegalArgumentException if lengths differ, an index is out of range, an id
     *     is duplicated or an amount is not finite (the message names the transaction)
     */
    public static TransactionLog of(
            String[] customerIds, int[] customerIndex, int[] epochDays, double[] amounts) {
        Objects.requireNonNull(customerIds, "customerIds");
        Objects.requireNonNull(customerIndex, "customerIndex");
        Objects.requireNonNull(epochDays, "epochDays");
        Objects.requireNonNull(amounts, "amounts");
        int n = customerIndex.length;
        if (epochDays.length != n || amounts.length != n) {
            throw new IllegalArgumentException("column lengths differ: customerIndex " + n
                    + ", epochDays " + epochDays.length + ", amounts " + amounts.length);
        }
        IdDictionary dictionary = IdDictionary.of(customerIds, "customerIds");
        int c = customerIds.length;
        for (int i = 0; i < n; i++) {
            if (customerIndex[i] < 0 || customerIndex[i] >= c) {
                throw new IllegalArgumentException("transaction " + i + ": customer index "
                        + customerIndex[i] + " outside 0.." + (c - 1));
            }
            if (!Double.isFinite(amounts[i])) {
                throw new IllegalArgumentException(
                        "transaction " + i + ": amount is not finite: " + amounts[i]);
            }
        }
        return new TransactionLog(dictionary.trimmed(), customerIndex.clone(), epochDays.clone(),
                amounts.clone());
    }

    /**
     * Creates a log from crm-core purchase lines; return lines enter with their negative
     * amounts. The date of a line is the calendar day of its timestamp in {@code zone}.
     *
     * <pre>{@code
     * TransactionLog log = TransactionLog.fromPurchases(purchases,
     *         Currency.getInstance("EUR"), ZoneId.of("Europe/Berlin"));
     * }</pre>
     *
     * @param purchases the purchase and return lines, not null, no null elements
     * @param currency the currency every line must be in, not null
     * @param zone the time zone that defines the calendar day, not null
     * @return the log, never null
     * @throws IllegalArgumentException if a line is in another currency (the message names
     *     the line and both currencies)
     */
    public static TransactionLog fromPurchases(Iterable<Purchase> purchases, Currency currency,
            ZoneId zone) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        Builder b = builder();
        for (Purchase p : purchases) {
            Objects.requireNonNull(p, "purchase");
            if (!p.amount().currency().equals(currency)) {
                throw new IllegalArgumentException("purchase " + p.id() + " is in "
                        + p.amount().currency() + ", expected " + currency);
            }
            b.add(p.customerId().value(), p.timestamp().atZone(zone).toLocalDate(),
                    p.amount().amount().doubleValue());
        }
        return b.build();
    }

    /**
     * Returns a new, empty builder.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder whose id dictionary starts with room for about {@code expectedCustomers}
     * customers (a reader that knows its input's size avoids the dictionary's repeated growth).
     */
    static Builder builder(int expectedCustomers) {
        return new Builder(Math.max(16, expectedCustomers));
    }

    /**
     * Returns the number of transactions.
     *
     * @return the number of transactions, zero or more
     */
    public int size() {
        return customer.length;
    }

    /**
     * Returns the number of distinct customers.
     *
     * @return the size of the customer id dictionary
     */
    public int customerCount() {
        return ids.size();
    }

    /**
     * Returns the id of the customer with a dense index.
     *
     * @param customerIndex the index, {@code 0 <= customerIndex < customerCount()}
     * @return the customer id, never null
     */
    public String customerId(int customerIndex) {
        return ids.get(customerIndex);
    }

    /**
     * Returns the dense customer index of a transaction.
     *
     * @param transaction the transaction, {@code 0 <= transaction < size()}
     * @return the customer index
     */
    public int customerIndex(int transaction) {
        return customer[transaction];
    }

    /**
     * Returns the date of a transaction as epoch day.
     *
     * @param transaction the transaction, {@code 0 <= transaction < size()}
     * @return the epoch day
     */
    public int epochDay(int transaction) {
        return day[transaction];
    }

    /**
     * Returns the date of a transaction.
     *
     * @param transaction the transaction, {@code 0 <= transaction < size()}
     * @return the date, never null
     */
    public LocalDate date(int transaction) {
        return LocalDate.ofEpochDay(day[transaction]);
    }

    /**
     * Returns the net amount of a transaction; negative for a return.
     *
     * @param transaction the transaction, {@code 0 <= transaction < size()}
     * @return the finite amount
     */
    public double amount(int transaction) {
        return amount[transaction];
    }

    /**
     * Returns the date of the latest transaction.
     *
     * @return the latest date, never null
     * @throws IllegalStateException if the log is empty
     */
    public LocalDate lastDate() {
        if (size() == 0) {
            throw new IllegalStateException("the transaction log is empty");
        }
        return LocalDate.ofEpochDay(maxDay);
    }

    /**
     * Returns the date of the earliest transaction.
     *
     * @return the earliest date, never null
     * @throws IllegalStateException if the log is empty
     */
    public LocalDate firstDate() {
        if (size() == 0) {
            throw new IllegalStateException("the transaction log is empty");
        }
        return LocalDate.ofEpochDay(minDay);
    }

    int maxEpochDay() {
        return maxDay;
    }

    /**
     * Returns a summary of the form {@code TransactionLog[transactions=N, customers=M]}.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "TransactionLog[transactions=" + size() + ", customers=" + customerCount() + "]";
    }

    /**
     * Accumulates transactions one by one and builds a {@link TransactionLog}.
     *
     * <p>Customer ids are interned into a dictionary as they arrive. Transactions are
     * stored in fixed-size chunks of primitive arrays, so growing never copies what is
     * already stored, and {@link #build()} assembles the columns one at a time, releasing
     * each column's chunks as it goes (peak memory about 1.5 times the log's own 16 bytes
     * per transaction). A builder is not thread-safe and builds once; its product is
     * immutable.
     */
    public static final class Builder {
        private static final int CHUNK_BITS = 15; // 256 KB double chunks stay below G1's humongous size
        private static final int CHUNK = 1 << CHUNK_BITS;

        private final IdDictionary ids;
        private int[][] customer = new int[16][];
        private int[][] day = new int[16][];
        private double[][] amount = new double[16][];
        private int size;
        private int lastIndex = -1;
        private boolean built;

        private Builder() {
            this(1024);
        }

        private Builder(int expectedCustomers) {
            ids = new IdDictionary(expectedCustomers);
        }

        /**
         * Adds one transaction.
         *
         * @param customerId the customer id, not null
         * @param date the transaction date, not null
         * @param amount the net amount, finite; negative for a return
         * @return this builder
         * @throws IllegalArgumentException if the amount is not finite
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder add(String customerId, LocalDate date, double amount) {
            Objects.requireNonNull(date, "date");
            long epochDay = date.toEpochDay();
            if (epochDay < Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("date out of range: " + date);
            }
            return add(customerId, (int) epochDay, amount);
        }

        /**
         * Adds one transaction with its date given as epoch day.
         *
         * @param customerId the customer id, not null
         * @param epochDay the transaction date as {@link LocalDate#toEpochDay()}
         * @param amount the net amount, finite; negative for a return
         * @return this builder
         * @throws IllegalArgumentException if the amount is not finite
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public Builder add(String customerId, int epochDay, double amount) {
            Objects.requireNonNull(customerId, "customerId");
            check(amount, customerId, epochDay);
            append(ids.intern(customerId), epochDay, amount);
            return this;
        }

        /** Adds a transaction whose customer id is the UTF-8 bytes {@code b[s, e)}. */
        void add(byte[] b, int s, int e, int epochDay, double amount) {
            if (lastIndex < 0 || !ids.sameAs(lastIndex, b, s, e)) {
                lastIndex = ids.intern(b, s, e);
            }
            check(amount, null, epochDay);
            append(lastIndex, epochDay, amount);
        }

        private void check(double amount, String customerId, int epochDay) {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (!Double.isFinite(amount)) {
                throw new IllegalArgumentException("amount is not finite: " + amount
                        + (customerId == null ? "" : " (customer '" + customerId + "', date "
                        + LocalDate.ofEpochDay(epochDay) + ")"));
            }
        }

        private void append(int c, int epochDay, double value) {
            int chunk = size >>> CHUNK_BITS;
            int at = size & (CHUNK - 1);
            if (at == 0) {
                if (size == Integer.MAX_VALUE - CHUNK) {
                    throw new IllegalStateException("too many transactions: " + size);
                }
                if (chunk == customer.length) {
                    customer = Arrays.copyOf(customer, chunk * 2);
                    day = Arrays.copyOf(day, chunk * 2);
                    amount = Arrays.copyOf(amount, chunk * 2);
                }
                customer[chunk] = new int[CHUNK];
                day[chunk] = new int[CHUNK];
                amount[chunk] = new double[CHUNK];
            }
            customer[chunk][at] = c;
            day[chunk][at] = epochDay;
            amount[chunk][at] = value;
            size++;
        }

        /**
         * Returns the number of transactions added so far.
         *
         * @return the number of transactions
         */
        public int size() {
            return size;
        }

        /**
         * Builds the log.
         *
         * @return the log, never null
         * @throws IllegalStateException if {@link #build()} was already called
         */
        public TransactionLog build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            int[] c = new int[size];
            gather(customer, c);
            customer = null;
            int[] d = new int[size];
            gather(day, d);
            day = null;
            double[] a = new double[size];
            for (int k = 0, from = 0; from < size; k++, from += CHUNK) {
                System.arraycopy(amount[k], 0, a, from, Math.min(CHUNK, size - from));
                amount[k] = null;
            }
            amount = null;
            return new TransactionLog(ids.trimmed(), c, d, a);
        }

        /**
         * Joins builders filled from consecutive parts of one input, in that order: the log
         * equals the one a single builder fed every part in turn would build (customers
         * indexed in order of first appearance, transactions in input order). The first
         * part's dictionary is kept and the other parts' ids are added to it, so only those
         * are hashed again. Every part is used up.
         *
         * @throws IllegalStateException if a part was already built, or the parts hold
         *     more transactions than one log can
         */
        static TransactionLog concatenate(java.util.List<Builder> parts) {
            if (parts.isEmpty()) {
                return builder().build();
            }
            long total = 0;
            for (Builder p : parts) {
                if (p.built) {
                    throw new IllegalStateException("build() was already called");
                }
                total += p.size;
            }
            if (total > Integer.MAX_VALUE - CHUNK) {
                throw new IllegalStateException("too many transactions: " + total);
            }
            int n = (int) total;
            int[] c = new int[n];
            int[] d = new int[n];
            double[] a = new double[n];
            IdDictionary all = parts.get(0).ids;
            long ids = 0;
            for (Builder p : parts) {
                ids += p.ids.size();
            }
            all.reserve((int) Math.min(Integer.MAX_VALUE - 16, ids));
            int at = 0;
            for (int q = 0; q < parts.size(); q++) {
                Builder p = parts.get(q);
                p.built = true;
                int[] map = null;
                if (q > 0) {
                    IdDictionary local = p.ids;
                    map = new int[local.size()];
                    byte[] bytes = local.bytes();
                    for (int i = 0; i < map.length; i++) {
                        map[i] = all.intern(bytes, local.start(i), local.end(i));
                    }
                }
                for (int k = 0, from = 0; from < p.size; k++, from += CHUNK) {
                    int len = Math.min(CHUNK, p.size - from);
                    int[] pc = p.customer[k];
                    if (map == null) {
                        System.arraycopy(pc, 0, c, at, len);
                    } else {
                        for (int j = 0; j < len; j++) {
                            c[at + j] = map[pc[j]];
                        }
                    }
                    System.arraycopy(p.day[k], 0, d, at, len);
                    System.arraycopy(p.amount[k], 0, a, at, len);
                    p.customer[k] = null;
                    p.day[k] = null;
                    p.amount[k] = null;
                    at += len;
                }
                p.customer = null;
                p.day = null;
                p.amount = null;
            }
            return new TransactionLog(all.trimmed(), c, d, a);
        }

        private void gather(int[][] chunks, int[] out) {
            for (int k = 0, from = 0; from < size; k++, from += CHUNK) {
                System.arraycopy(chunks[k], 0, out, from, Math.min(CHUNK, size - from));
                chunks[k] = null;
            }
        }
    }
}
