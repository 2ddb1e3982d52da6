package org.crmkit.core.segment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The left-hand side of a comparison: an attribute of the subject or a windowed aggregate over
 * its activities.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Operand permits Operand.AttributeRef, Operand.Aggregate {

    /**
     * A reference to a registered attribute by name.
     *
     * @param name the attribute name, not null
     */
    record AttributeRef(String name) implements Operand {
        /**
         * Validates the name.
         *
         * @param name the name, see the record
         */
        public AttributeRef {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Aggregate functions over the activities in a window. */
    enum Function {
        /** Number of matching activities; never absent. */
        COUNT,
        /** Sum of amounts; 0 and never absent when nothing matches. */
        SUM,
        /** Mean amount; absent when nothing matches. */
        AVERAGE,
        /** Least amount; absent when nothing matches. */
        MIN,
        /** Greatest amount; absent when nothing matches. */
        MAX;

        /**
         * Returns the JSON name, e.g. {@code "average"}.
         *
         * @return the name, never null
         */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kind of activity an aggregate reads. */
    enum Source {
        /** Purchases (transactions). */
        PURCHASES,
        /** Interactions (contacts, complaints, service requests, campaign responses). */
        INTERACTIONS;

        /**
         * Returns the JSON name, e.g. {@code "purchases"}.
         *
         * @return the name, never null
         */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A windowed aggregate: {@code function} of the amounts of the {@code source} activities dated
     * in the last {@code days} days up to and including the subject's as-of date (activity day
     * {@code d} with {@code asOf - days < d <= asOf}), optionally restricted to some products,
     * categories or channels (an empty list means no restriction).
     *
     * <pre>{@code
     * Operand spend90 = Rules.purchases().lastDays(90).inCategories("books").sum().operand();
     * }</pre>
     *
     * @param function the function, not null
     * @param source the activities read, not null
     * @param days the window length in days, 1 .. {@link Rules#MAX_WINDOW_DAYS}
     * @param products the products to keep, empty for all
     * @param categories the categories to keep, empty for all
     * @param channels the channels to keep, empty for all
     */
    record Aggregate(Function function, Source source, int days, List<String> products,
            List<String> categories, List<String> channels) implements Operand {
        /**
         * Validates the aggregate.
         *
         * @param function the function, see the record
         * @param source the source, see the record
         * @param days the days, see the record
         * @param products the products, see the record
         * @param categories the categories, see the record
         * @param channels the channels, see the record
         * @throws IllegalArgumentException if days is outside 1 .. {@link Rules#MAX_WINDOW_DAYS}
         */
        public Aggregate {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(source, "source");
            products = List.copyOf(products);
            categories = List.copyOf(categories);
            channels = List.copyOf(channels);
            if (days < 1 || days > Rules.MAX_WINDOW_DAYS) {
                throw new IllegalArgumentException("aggregate window must be 1.." + Rules.MAX_WINDOW_DAYS
                        + " days, was " + days);
            }
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder().append(function.jsonName()).append(" of ")
                    .append(source.jsonName()).append(" in last ").append(days).append(" days");
            if (!products.isEmpty()) {
                b.append(" products ").append(products);
            }
            if (!categories.isEmpty()) {
                b.append(" categories ").append(categories);
            }
            if (!channels.isEmpty()) {
                b.append(" channels ").append(channels);
            }
            return b.toString();
        }
    }
}
