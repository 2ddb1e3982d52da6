package org.crmkit.scoring.loyalty;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every customer's purchases as a sequence of brands (or products, or categories: whatever
 * the caller chooses to compare), in date order, stored column-wise: the input of
 * {@link BrandPatternClassifier#classify(BrandSequences)}.
 *
 * <p>Purchases of one customer on the same date keep the order in which they were added.
 *
 * <pre>{@code
 * BrandSequences s = BrandSequences.builder()
 *         .add("C-1", LocalDate.of(2026, 1, 5), "Acme")
 *         .add("C-1", LocalDate.of(2026, 2, 9), "Brio")
 *         .build();
 * s.brands(0);   // [Acme, Brio]
 * }</pre>
 *
 * <p>Immutable and thread-safe; the builder is single-threaded.
 */
public final class BrandSequences {

    private final String[] customers;
    private final int[] offsets;
    private final int[] brandCodes;
    private final String[] brandNames;

    private BrandSequences(String[] customers, int[] offsets, int[] brandCodes, String[] brandNames) {
        this.customers = customers;
        this.offsets = offsets;
        this.brandCodes = brandCodes;
        this.brandNames = brandNames;
    }

    /**
     * Returns a new builder.
     *
     * @return the builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of customers.
     *
     * @return the count, {@code >= 0}
     */
    public int size() {
        return customers.length;
    }

    /**
     * Returns the number of purchases of all customers.
     *
     * @return the count, {@code >= 0}
     */
    public int purchases() {
        return brandCodes.length;
    }

    /**
     * Returns a customer's id, customers in order of first appearance.
     *
     * @param i the customer's row, {@code 0 <= i < size()}
     * @return the id, never null
     * @throws IndexOutOfBoundsException if out of range
     */
    public String customerId(int i) {
        return customers[i];
    }

    /**
     * Returns a customer's brands in date order.
     *
     * @param i the customer's row
     * @return the brands, never null
     * @throws IndexOutOfBoundsException if out of range
     */
    public List<String> brands(int i) {
        String[] out = new String[offsets[i + 1] - offsets[i]];
        for (int k = 0; k < out.length; k++) {
            out[k] = brandNames[brandCodes[offsets[i] + k]];
        }
        return List.of(out);
    }

    /** The start of customer i's purchases in {@link #brandCodes()}; offsets[size()] = purchases(). */
    int[] offsets() {
        return offsets;
    }

    int[] brandCodes() {
        return brandCodes;
    }

    String brandName(int code) {
        return brandNames[code];
    }

    int brandCount() {
        return brandNames.length;
    }

    @Override
    public String toString() {
        return "BrandSequences[" + customers.length + " customers, " + brandCodes.length + " purchases, "
                + brandNames.length + " brands]";
    }

    /** Collects purchases; single-threaded. */
    public static final class Builder {
        private final Map<String, Integer> customerIndex = new HashMap<>();
        private final Map<String, Integer> brandIndex = new HashMap<>();
        private String[] customerNames = new String[16];
        private String[] brandNames = new String[16];
        private int[] customer = new int[64];
        private int[] brand = new int[64];
        private long[] day = new long[64];
        private int size;

        private Builder() {
        }

        /**
         * Adds one purchase.
         *
         * @param customerId the customer, not null nor blank
         * @param date the purchase date, not null
         * @param brandName the brand (product, category...), not null nor blank
         * @return this builder
         * @throws IllegalArgumentException if an id or brand is blank
         */
        public Builder add(String customerId, LocalDate date, String brandName) {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(brandName, "brand");
            if (customerId.isBlank() || brandName.isBlank()) {
                throw new IllegalArgumentException("customer id and brand must not be blank");
            }
            return add(customerId, date.toEpochDay(), brandName);
        }

        /**
         * Adds one purchase dated by its epoch day, without the {@link LocalDate}.
         *
         * @param customerId the customer, not null nor blank
         * @param epochDay the purchase date as days since 1970-01-01
         * @param brandName the brand, not null nor blank
         * @return this builder
         * @throws IllegalArgumentException if an id or brand is blank
         */
        public Builder add(String customerId, long epochDay, String brandName) {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(brandName, "brand");
            if (customerId.isBlank() || brandName.isBlank()) {
                throw new IllegalArgumentException("customer id and brand must not be blank");
            }
            Integer c = customerIndex.get(customerId);
            if (c == null) {
                c = customerIndex.size();
                customerIndex.put(customerId, c);
                if (c == customerNames.length) {
                    customerNames = Arrays.copyOf(customerNames, c * 2);
                }
                customerNames[c] = customerId;
            }
            Integer b = brandIndex.get(brandName);
            if (b == null) {
                b = brandIndex.size();
                brandIndex.put(brandName, b);
                if (b == brandNames.length) {
                    brandNames = Arrays.copyOf(brandNames, b * 2);
                }
                brandNames[b] = brandName;
            }
            if (size == customer.length) {
                int n = size * 2;
                customer = Arrays.copyOf(customer, n);
                brand = Arrays.copyOf(brand, n);
                day = Arrays.copyOf(day, n);
            }
            customer[size] = c;
            brand[size] = b;
            day[size] = epochDay;
            size++;
            return this;
        }

        /**
         * Builds the sequences: a stable counting sort by customer, then a stable sort by
         * date within each customer.
         *
         * @return the sequences, never null
         */
        public BrandSequences build() {
            int customers = customerIndex.size();
            int[] offsets = new int[customers + 1];
            for (int i = 0; i < size; i++) {
                offsets[customer[i] + 1]++;
            }
            for (int c = 0; c < customers; c++) {
                offsets[c + 1] += offsets[c];
            }
            int[] next = Arrays.copyOf(offsets, customers);
            int[] codes = new int[size];
            long[] days = new long[size];
            for (int i = 0; i < size; i++) {
                int at = next[customer[i]]++;
                codes[at] = brand[i];
                days[at] = day[i];
            }
            for (int c = 0; c < customers; c++) {
                sortByDay(codes, days, offsets[c], offsets[c + 1]);
            }
            return new BrandSequences(Arrays.copyOf(customerNames, customers), offsets, codes,
                    Arrays.copyOf(brandNames, brandIndex.size()));
        }

        /** Stable insertion sort, or a merge through Integer indexes for long sequences. */
        private static void sortByDay(int[] codes, long[] days, int from, int to) {
            boolean sorted = true;
            for (int i = from + 1; i < to && sorted; i++) {
                sorted = days[i - 1] <= days[i];
            }
            if (sorted) {
                return;
            }
            if (to - from <= 64) {
                for (int i = from + 1; i < to; i++) {
                    long d = days[i];
                    int b = codes[i];
                    int j = i - 1;
                    while (j >= from && days[j] > d) {
                        days[j + 1] = days[j];
                        codes[j + 1] = codes[j];
                        j--;
                    }
                    days[j + 1] = d;
                    codes[j + 1] = b;
                }
                return;
            }
            Integer[] order = new Integer[to - from];
            for (int i = 0; i < order.length; i++) {
                order[i] = from + i;
            }
            Arrays.sort(order, (x, y) -> Long.compare(days[x], days[y])); // stable merge sort
            int[] c = new int[order.length];
            long[] d = new long[order.length];
            for (int i = 0; i < order.length; i++) {
                c[i] = codes[order[i]];
                d[i] = days[order[i]];
            }
            System.arraycopy(c, 0, codes, from, c.length);
            System.arraycopy(d, 0, days, from, d.length);
        }
    }
}
