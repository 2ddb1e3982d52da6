package org.crmkit.scoring.basket;

import java.util.List;
import java.util.Objects;

/**
 * A frequent itemset with its count and support.
 *
 * <pre>{@code
 * Itemset s = itemsets.get(0);
 * s.items();     // [gloves, rake], sorted
 * s.count();     // baskets that hold every item
 * s.support();   // count / baskets
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code equals} compares the support doubles exactly.
 *
 * @param items the items, sorted by {@link String#compareTo}, not empty, unmodifiable
 * @param count the number of baskets that contain every item, {@code >= 1}
 * @param support {@code count / baskets}, in (0, 1]
 */
public record Itemset(List<String> items, int count, double support) {
    /**
     * Validates the itemset.
     *
     * @throws IllegalArgumentException if the items are empty or not sorted and distinct,
     *     the count is below 1 or the support is not in (0, 1]
     */
    public Itemset {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an itemset has at least one item");
        }
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i - 1).compareTo(items.get(i)) >= 0) {
                throw new IllegalArgumentException("items must be sorted and distinct: " + items);
            }
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        if (!(support > 0 && support <= 1)) {
            throw new IllegalArgumentException("support must be in (0, 1]: " + support);
        }
    }

    /**
     * Returns the number of items.
     *
     * @return the size, {@code >= 1}
     */
    public int size() {
        return items.size();
    }
}
