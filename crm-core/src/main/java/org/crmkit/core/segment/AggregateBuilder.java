package org.crmkit.core.segment;

import java.util.List;
import java.util.Objects;

/**
 * Writes a windowed aggregate over a subject's purchases or interactions with the fluent API.
 * Obtain one from {@link Rules#purchases()} or {@link Rules#interactions()}; the window length
 * must be set.
 *
 * <pre>{@code
 * Rule r = Rules.purchases().lastDays(90).inChannels("web").sum().isAtLeast(500);
 * }</pre>
 *
 * <p>Single-threaded; the terms it produces are immutable. Each option may be set once.
 */
public final class AggregateBuilder {

    private final Operand.Source source;
    private int days;
    private List<String> products;
    private List<String> categories;
    private List<String> channels;

    AggregateBuilder(Operand.Source source) {
        this.source = source;
    }

    /**
     * Sets the window: the last {@code days} days up to and including the as-of date.
     *
     * @param days the length, 1 .. {@link Rules#MAX_WINDOW_DAYS}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public AggregateBuilder lastDays(int days) {
        if (this.days != 0) {
            throw new IllegalStateException("window was already set to " + this.days + " days");
        }
        if (days < 1 || days > Rules.MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("window must be 1.." + Rules.MAX_WINDOW_DAYS + " days, was " + days);
        }
        this.days = days;
        return this;
    }

    /**
     * Keeps only activities for some products.
     *
     * @param values the product codes, at least one
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public AggregateBuilder inProducts(String... values) {
        products = once(products, "products", values);
        return this;
    }

    /**
     * Keeps only activities in some categories.
     *
     * @param values the categories, at least one
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public AggregateBuilder inCategories(String... values) {
        categories = once(categories, "categories", values);
        return this;
    }

    /**
     * Keeps only activities on some channels.
     *
     * @param values the channels, at least one
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public AggregateBuilder inChannels(String... values) {
        channels = once(channels, "channels", values);
        return this;
    }

    private static List<String> once(List<String> old, String what, String[] values) {
        if (old != null) {
            throw new IllegalStateException(what + " were already set to " + old);
        }
        List<String> l = List.of(values);
        if (l.isEmpty()) {
            throw new IllegalArgumentException(what + " need at least one value");
        }
        return l;
    }

    /**
     * Finishes the aggregate as the number of matching activities.
     *
     * @return a term to compare, never null
     * @throws IllegalStateException if the window was not set
     */
    public Term count() {
        return term(Operand.Function.COUNT);
    }

    /**
     * Finishes the aggregate as the sum of matching amounts.
     *
     * @return a term to compare, never null
     * @throws IllegalStateException if the window was not set
     */
    public Term sum() {
        return term(Operand.Function.SUM);
    }

    /**
     * Finishes the aggregate as the mean matching amount (absent if none).
     *
     * @return a term to compare, never null
     * @throws IllegalStateException if the window was not set
     */
    public Term average() {
        return term(Operand.Function.AVERAGE);
    }

    /**
     * Finishes the aggregate as the least matching amount (absent if none).
     *
     * @return a term to compare, never null
     * @throws IllegalStateException if the window was not set
     */
    public Term min() {
        return term(Operand.Function.MIN);
    }

    /**
     * Finishes the aggregate as the greatest matching amount (absent if none).
     *
     * @return a term to compare, never null
     * @throws IllegalStateException if the window was not set
     */
    public Term max() {
        return term(Operand.Function.MAX);
    }

    private Term term(Operand.Function f) {
        if (days == 0) {
            throw new IllegalStateException("set the window with lastDays(n) first");
        }
        return new Term(new Operand.Aggregate(f, source, days, nn(products), nn(categories), nn(channels)));
    }

    private static List<String> nn(List<String> l) {
        return l == null ? List.of() : Objects.requireNonNull(l);
    }
}
