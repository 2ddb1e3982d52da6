package org.crmkit.scoring.basket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.crmkit.core.activity.ActivityId;
import org.crmkit.core.activity.Actor;
import org.crmkit.core.activity.Channel;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.Consents;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.ContactPoints;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.PersonName;
import org.crmkit.core.customer.PersonProfile;
import org.crmkit.core.money.Money;
import org.junit.jupiter.api.Test;

/** Keeps the cross-selling section of README.md true: the same calls on seeded simulated purchases. */
class ReadmeCrossSellExampleTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void readmeCrossSelling_runsAsWritten() {
        SplittableRandom rnd = new SplittableRandom(12);
        List<Purchase> purchases = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        Map<CustomerId, Set<String>> owned = new HashMap<>();
        String[] other = {"kitchen", "books", "toys", "food"};
        for (int c = 0; c < 300; c++) {
            CustomerId id = CustomerId.of("C-" + c);
            customers.add(Customer.builder(id, PersonProfile.builder(PersonName.of("Ann", "Lee"),
                            Clock.fixed(T0, ZoneOffset.UTC)).build())
                    .contacts(ContactPoints.empty().withEmail(Email.of("c" + c + "@example.com")))
                    .consents(c % 4 == 0 ? Consents.none() : Consents.none().grant(ContactChannel.EMAIL, T0))
                    .build());
            for (int day = 0; day < 3; day++) {
                List<String> basket = new ArrayList<>();
                if (rnd.nextDouble() < 0.4) {
                    basket.add("garden");
                    if (rnd.nextDouble() < 0.6) {
                        basket.add("tools");                        // garden -> tools
                    }
                }
                basket.add(other[rnd.nextInt(other.length)]);
                for (String category : basket) {
                    purchases.add(Purchase.of(ActivityId.of("P-" + purchases.size()), id,
                            T0.plusSeconds(86_400L * day), Channel.STORE, Actor.CUSTOMER, category + "-item",
                            category, 1, Money.of("EUR", "9.99")));
                    owned.computeIfAbsent(id, k -> new HashSet<>()).add(category);
                }
            }
        }
        Map<CustomerId, Set<String>> calibration = owned;
        List<String> printed = new ArrayList<>();
        Consumer<AssociationRule> sink = rule -> printed.add(rule.toString());   // {garden} => {tools}
        Map<CustomerId, Set<String>> holdout = Map.of(CustomerId.of("C-1"), Set.of("tools"));

        // --- README: cross-selling (keep in step with README.md) ---
        Baskets baskets = Baskets.fromPurchases(purchases, ZoneOffset.UTC, ItemLevel.CATEGORY); // or BasketFile, BasketCsv
        FrequentItemsets itemsets = ItemsetMiner.builder().minSupport(0.01).maxLen(4).build().mine(baskets);
        FrequentItemsets closed = itemsets.closed();                      // and itemsets.maximal()

        RuleMiner miner = RuleMiner.builder()
                .minConfidence(0.2)
                .minLen(2)                   // items of the whole rule; with 1, {} => {item} rules appear
                .removeRedundant()           // as arules' is.redundant
                .build();
        long n = miner.mine(itemsets, sink);        // streamed to any Consumer<AssociationRule>, none held
        RuleSet rules = miner.collect(itemsets);                          // held compactly, sorted by lift
        AssociationRule top = rules.get(0);
        double lift = top.lift();
        boolean certain = top.conviction().isEmpty();                      // unbounded conviction (confidence 1)

        NextBestProduct nbp = NextBestProduct.builder(rules.toList()).ranking(Ranking.CONFIDENCE).build();
        List<Recommendation> offers = nbp.recommend(Set.of("garden", "kitchen"), 3);  // offers.get(0).rule()

        TargetList campaign = TargetList.of(customers, ContactChannel.EMAIL, owned::get, nbp, 3, id -> 1.0);
        TopKMetrics hits = TopKEvaluation.evaluate(calibration, holdout, TopKEvaluation.of(nbp), 3);
        TopKMetrics baseline = TopKEvaluation.evaluate(calibration, holdout,
                TopKEvaluation.popularity(calibration), 3);
        // --- end of README code ---

        assertThat(baskets.size()).isEqualTo(900);
        assertThat(closed.size()).isPositive().isLessThanOrEqualTo(itemsets.size());
        assertThat(n).isEqualTo(rules.size()).isEqualTo(printed.size());
        assertThat(lift).isGreaterThan(1);
        assertThat(certain).isFalse();
        assertThat(rules.toList()).anyMatch(r -> r.lhs().equals(List.of("garden")) && r.rhs().equals(List.of("tools")));
        assertThat(offers).extracting(Recommendation::item).startsWith("tools");
        assertThat(campaign.optedOut()).isEqualTo(75);                     // every fourth has no consent
        assertThat(hits.customers()).isEqualTo(baseline.customers());
    }
}
