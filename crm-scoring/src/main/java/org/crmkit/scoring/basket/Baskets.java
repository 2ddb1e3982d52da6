package org.crmkit.scoring.basket;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.activity.Purchase;

/**
 * A set of market baskets: each basket is the set of distinct items bought together (one
 * order, or one customer's purchases on one day).
 *
 * <p>Stored compactly: an item dictionary and one {@code int} per item occurrence (compressed
 * sparse rows), so ten million item occurrences take about 40 MB. Items within a basket are
 * a set: an item added twice to one basket counts once, as in R arules' {@code transactions}.
 * An empty basket is allowed and counts towards the number of baskets (the denominator of
 * every support).
 *
 * <pre>{@code
 * Baskets baskets = Baskets.builder()
 *         .add(List.of("rake", "gloves"))
 *         .add(List.of("rake", "seeds", "gloves"))
 *         .build();
 * baskets.size();        // 2
 * baskets.itemCount();   // 3
 * baskets.basket(1);     // [rake, seeds, gloves] in the order items were first seen
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Baskets {
    private final String[] items;
    private final int[] offsets;
    private final int[] codes;

    private Baskets(String[] items, int[] offsets, int[] codes) {
        this.items = items;
        this.offsets = offsets;
        this.codes = codes;
    }

    /**
     * Returns a new builder.
     *
     * @return a builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds baskets from crm-core purchase lines: one basket per customer and calendar day
     * in {@code zone}; the items are the products, or their categories with
     * {@link ItemLevel#CATEGORY}. Return lines are left out (a basket records what was bought
     * together); a sale line without a category is left out at the category level.
     *
     * <pre>{@code
     * Baskets baskets = Baskets.fromPurchases(purchases, ZoneOffset.UTC, ItemLevel.CATEGORY);
     * }</pre>
     *
     * @param purchases the purchase lines, not null, no null element
     * @param zone the zone that defines a calendar day, not null
     * @param level products or categories, not null
     * @return the baskets in the order of their first line, never null
     */
    public static Baskets fromPurchases(Iterable<Purchase> purchases, ZoneId zone, ItemLevel level) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(level, "level");
        Map<BasketKey, List<String>> grouped = new LinkedHashMap<>();
        for (Purchase p : purchases) {
            Objects.requireNonNull(p, "purchase");
            if (p.isReturn()) {
                continue;
            }
            String item = level.itemOf(p);
            if (item == null) {
                continue;
            }
            BasketKey key = new BasketKey(p.customerId().value(),
                    LocalDate.ofInstant(p.timestamp(), zone));
            grouped.computeIfAbsent(key, k -> new ArrayList<>(4)).add(item);
        }
        Builder b = builder();
        grouped.values().forEach(b::add);
        return b.build();
    }

    private record BasketKey(String customer, LocalDate day) {
    }

    /**
     * Returns the number of baskets, the denominator of support.
     *
     * @return the number of baskets, {@code >= 0}
     */
    public int size() {
        return offsets.length - 1;
    }

    /**
     * Returns the number of distinct items.
     *
     * @return the number of items, {@code >= 0}
     */
    public int itemCount() {
        return items.length;
    }

    /**
     * Returns the total number of item occurrences (the sum of the basket sizes).
     *
     * @return the number of occurrences, {@code >= 0}
     */
    public long occurrences() {
        return codes.length;
    }

    /**
     * Returns the distinct items in the order they were first seen.
     *
     * @return an unmodifiable list, never null
     */
    public List<String> items() {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    /**
     * Returns one basket's items, in the order the items were first seen in the data.
     *
     * @param index the 0-based basket index
     * @return an unmodifiable list, never null
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public List<String> basket(int index) {
        Objects.checkIndex(index, size());
        List<String> list = new ArrayList<>(offsets[index + 1] - offsets[index]);
        for (int i = offsets[index]; i < offsets[index + 1]; i++) {
            list.add(items[codes[i]]);
        }
        return Collections.unmodifiableList(list);
    }

    String[] itemArray() {
        return items;
    }

    int[] offsetArray() {
        return offsets;
    }

    int[] codeArray() {
        return codes;
    }

    /**
     * Returns a summary, {@code Baskets[baskets=N, items=M, occurrences=K]}.
     *
     * @return the summary, never null
     */
    @Override
    public String toString() {
        return "Baskets[baskets=" + size() + ", items=" + itemCount() + ", occurrences="
                + occurrences() + "]";
    }

    /**
     * Collects baskets one at a time. Not thread-safe; the product is immutable.
     */
    public static final class Builder {
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final List<String> names = new ArrayList<>();
        private final IntList offsets = new IntList(1024);
        private final IntList codes = new IntList(4096);

        private Builder() {
            offsets.add(0);
        }

        /**
         * Adds a basket; repeated items count once.
         *
         * @param items the items, not null, no null or blank element
         * @return this builder
         * @throws IllegalArgumentException if an item is blank
         */
        public Builder add(Collection<String> items) {
            Objects.requireNonNull(items, "items");
            int start = codes.size();
            for (String item : items) {
                addItem(item);
            }
            finishBasket(start);
            return this;
        }

        /**
         * Adds a basket; repeated items count once.
         *
         * @param items the items, not null, no null or blank element
         * @return this builder
         * @throws IllegalArgumentException if an item is blank
         */
        public Builder add(String... items) {
            return add(Arrays.asList(Objects.requireNonNull(items, "items")));
        }

        private void addItem(String item) {
            Objects.requireNonNull(item, "item");
            if (item.isBlank()) {
                throw new IllegalArgumentException("item is blank: '" + item + "'");
            }
            Integer code = dictionary.get(item);
            if (code == null) {
                code = names.size();
                dictionary.put(item, code);
                names.add(item);
            }
            codes.add(code);
        }

        private void finishBasket(int start) {
            int[] raw = codes.raw();
            int end = codes.size();
            Arrays.sort(raw, start, end);
            int w = start;
            for (int r = start; r < end; r++) {
                if (r == start || raw[r] != raw[w - 1]) {
                    raw[w++] = raw[r];
                }
            }
            codes.truncate(w);
            offsets.add(w);
        }

        /**
         * Returns the number of baskets added so far.
         *
         * @return the count, {@code >= 0}
         */
        public int size() {
            return offsets.size() - 1;
        }

        /**
         * Builds the baskets.
         *
         * @return the baskets, never null
         */
        public Baskets build() {
            return new Baskets(names.toArray(new String[0]), offsets.toArray(), codes.toArray());
        }
    }
}
