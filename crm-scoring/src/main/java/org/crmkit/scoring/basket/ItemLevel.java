package org.crmkit.scoring.basket;

import org.crmkit.core.activity.Purchase;

/**
 * What a basket item is: the product bought, or its category (a roll-up that finds
 * cross-category affinities such as garden -&gt; tools).
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ItemLevel {
    /** The product code or name, {@link Purchase#product()}. */
    PRODUCT {
        @Override
        String itemOf(Purchase p) {
            return p.product();
        }
    },
    /** The product category, {@link Purchase#category()}; lines without one are left out. */
    CATEGORY {
        @Override
        String itemOf(Purchase p) {
            return p.category();
        }
    };

    abstract String itemOf(Purchase p);
}
