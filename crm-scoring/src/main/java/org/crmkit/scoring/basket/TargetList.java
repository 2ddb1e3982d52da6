package org.crmkit.scoring.basket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;

/**
 * A consent-aware target list for a cross-selling campaign on one channel: every customer
 * who may be contacted on the channel, with their next best products, best first.
 *
 * <p>A customer is left out when they have not consented to the channel or opted out of it
 * ({@link org.crmkit.core.customer.Consents#permits}: opting out takes effect at once), when
 * no contact point reaches them on it ({@link Customer#contactable}), or when no rule offers
 * them anything; each reason is counted. Targets are ordered by the score of their best offer,
 * descending, then by customer id.
 *
 * <pre>{@code
 * TargetList list = TargetList.of(store.all(), ContactChannel.EMAIL,
 *         id -> ownedItems.get(id), nbp, 3, id -> 1.0);
 * list.targets();          // customers with offers
 * list.optedOut();         // left out for want of consent
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the campaign channel
 * @param targets the customers to contact with their offers, best first, unmodifiable
 * @param optedOut customers left out because the channel is not permitted
 * @param unreachable customers left out because no contact point serves the channel
 * @param withoutOffer contactable customers for whom no rule fired
 */
public record TargetList(ContactChannel channel, List<Target> targets, int optedOut,
        int unreachable, int withoutOffer) {
    /**
     * Validates the list.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public TargetList {
        Objects.requireNonNull(channel, "channel");
        targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
        if (optedOut < 0 || unreachable < 0 || withoutOffer < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + optedOut + ", " + unreachable
                    + ", " + withoutOffer);
        }
    }

    /**
     * One customer on the list.
     *
     * @param customer the customer id, not null
     * @param offers the offers, best first, not empty, unmodifiable
     */
    public record Target(CustomerId customer, List<Recommendation> offers) {
        /**
         * Validates the target.
         *
         * @throws IllegalArgumentException if there is no offer
         */
        public Target {
            Objects.requireNonNull(customer, "customer");
            offers = List.copyOf(Objects.requireNonNull(offers, "offers"));
            if (offers.isEmpty()) {
                throw new IllegalArgumentException("a target has at least one offer");
            }
        }
    }

    /**
     * Builds the list.
     *
     * @param customers the candidates, not null, no null element
     * @param channel the campaign channel, not null
     * @param owned the items each customer owns, not null; may return null for none
     * @param nbp the recommender, not null
     * @param k offers per customer, {@code >= 1}
     * @param probabilityAlive each customer's P(alive) in [0, 1] (used by the expected-value
     *     ranking), not null
     * @return the list, never null
     * @throws IllegalArgumentException if {@code k < 1} or a probability is out of range
     */
    public static TargetList of(Iterable<Customer> customers, ContactChannel channel,
            Function<CustomerId, ? extends Collection<String>> owned, NextBestProduct nbp, int k,
            ToDoubleFunction<CustomerId> probabilityAlive) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(owned, "owned");
        Objects.requireNonNull(nbp, "nbp");
        Objects.requireNonNull(probabilityAlive, "probabilityAlive");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        List<Target> targets = new ArrayList<>();
        int optedOut = 0;
        int unreachable = 0;
        int without = 0;
        for (Customer c : customers) {
            Objects.requireNonNull(c, "customer");
            if (!c.consents().permits(channel)) {
                optedOut++;
                continue;
            }
            if (!c.contactable(channel)) {
                unreachable++;
                continue;
            }
            Collection<String> items = owned.apply(c.id());
            List<Recommendation> offers = nbp.recommend(items == null ? List.of() : items, k,
                    probabilityAlive.applyAsDouble(c.id()));
            if (offers.isEmpty()) {
                without++;
            } else {
                targets.add(new Target(c.id(), offers));
            }
        }
        targets.sort(Comparator.comparingDouble((Target t) -> -t.offers().get(0).score())
                .thenComparing(Target::customer));
        return new TargetList(channel, targets, optedOut, unreachable, without);
    }
}
