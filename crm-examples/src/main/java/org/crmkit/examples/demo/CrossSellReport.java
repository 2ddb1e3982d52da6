package org.crmkit.examples.demo;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.customer.ContactChannel;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.scoring.basket.AssociationRule;
import org.crmkit.scoring.basket.Baskets;
import org.crmkit.scoring.basket.FrequentItemsets;
import org.crmkit.scoring.basket.ItemLevel;
import org.crmkit.scoring.basket.ItemsetMiner;
import org.crmkit.scoring.basket.NextBestProduct;
import org.crmkit.scoring.basket.Recommendation;
import org.crmkit.scoring.basket.RuleMiner;
import org.crmkit.scoring.basket.RuleSet;
import org.crmkit.scoring.basket.TargetList;
import org.crmkit.scoring.basket.TopKEvaluation;
import org.crmkit.scoring.basket.TopKMetrics;

/**
 * The cross-selling part of the demo: baskets simulated by {@link BasketSimulator} for the
 * store's customers, rolled up to categories, mined for association rules, next-best-product
 * offers for three customers with the rule behind each, a holdout check of the offers
 * (hit-rate, precision and recall at 3 against the popularity baseline) and a consent-aware
 * e-mail target list.
 *
 * <pre>{@code
 * CrossSellReport r = CrossSellReport.of(store.all(), seed, start, split, end);
 * r.topRules();      // by lift
 * r.rules();         // hit-rate@3 of the rules
 * }</pre>
 *
 * <p>Settings: minimum support 0.005, minimum confidence 0.05, rules of 1 to 4 items (so the
 * rules {@code {} => {category}} are in the set: they offer popular categories when nothing
 * better fires), redundant rules removed (arules semantics, see {@link RuleMiner}; with the
 * empty-lhs rules present this also drops every rule with lift at most 1); offers ranked by
 * confidence.
 *
 * <p>Immutable and thread-safe.
 *
 * @param baskets the calibration baskets (customer and day, items rolled up to categories)
 * @param itemsets the number of frequent itemsets
 * @param ruleCount the number of rules
 * @param topRules the ten rules with the highest lift
 * @param examples three customers' owned categories and offers
 * @param rules the holdout metrics of the rule-based offers
 * @param popularity the holdout metrics of the popularity baseline
 * @param targets the e-mail target list
 */
public record CrossSellReport(Baskets baskets, int itemsets, int ruleCount, List<AssociationRule> topRules,
        List<Example> examples, TopKMetrics rules, TopKMetrics popularity, TargetList targets) {
    /** Offers per customer in the holdout check and the examples. */
    public static final int K = 3;

    /**
     * Validates the report.
     *
     * @throws NullPointerException if a component is null
     */
    public CrossSellReport {
        Objects.requireNonNull(baskets, "baskets");
        topRules = List.copyOf(topRules);
        examples = List.copyOf(examples);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(popularity, "popularity");
        Objects.requireNonNull(targets, "targets");
    }

    /**
     * One customer's offers.
     *
     * @param customer the customer
     * @param owned the categories bought in the calibration period
     * @param offers the offers, best first
     */
    public record Example(CustomerId customer, Set<String> owned, List<Recommendation> offers) {
        /**
         * Copies the collections.
         *
         * @throws NullPointerException if a component is null
         */
        public Example {
            Objects.requireNonNull(customer, "customer");
            owned = Set.copyOf(owned);
            offers = List.copyOf(offers);
        }
    }

    /**
     * Simulates, mines and evaluates.
     *
     * @param customers the store's customers, not null
     * @param seed the demo seed
     * @param start the calibration start, not null
     * @param split the calibration end and holdout start, not null
     * @param end the holdout end, not null
     * @return the report, never null
     */
    public static CrossSellReport of(List<Customer> customers, long seed, Instant start, Instant split, Instant end) {
        List<CustomerId> ids = customers.stream().map(Customer::id).toList();
        BasketSimulator.Simulated sim = BasketSimulator.simulate(ids, seed, start, split, end);
        Baskets baskets = Baskets.fromPurchases(sim.calibration(), ZoneOffset.UTC, ItemLevel.CATEGORY);
        FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.005).maxLen(4).build().mine(baskets);
        RuleSet ruleSet = RuleMiner.builder().minConfidence(0.05).maxLen(4).removeRedundant().build()
                .collect(sets);
        List<AssociationRule> all = ruleSet.toList();
        NextBestProduct nbp = NextBestProduct.builder(all).build();
        Map<CustomerId, Set<String>> owned = categories(sim.calibration());
        Map<CustomerId, Set<String>> later = categories(sim.holdout());
        TopKMetrics byRules = TopKEvaluation.evaluate(owned, later, TopKEvaluation.of(nbp), K);
        TopKMetrics byPopularity = TopKEvaluation.evaluate(owned, later, TopKEvaluation.popularity(owned), K);
        List<Example> examples = new ArrayList<>();
        for (Map.Entry<CustomerId, Set<String>> e : owned.entrySet()) {
            if (examples.size() == 3) {
                break;
            }
            List<Recommendation> offers = nbp.recommend(e.getValue(), K);
            boolean newFirstRule = examples.stream().noneMatch(x -> x.offers().get(0).rule()
                    .equals(offers.isEmpty() ? null : offers.get(0).rule()));
            if (offers.size() == K && newFirstRule) {
                examples.add(new Example(e.getKey(), e.getValue(), offers));
            }
        }
        TargetList targets = TargetList.of(customers, ContactChannel.EMAIL, owned::get, nbp, K, id -> 1.0);
        return new CrossSellReport(baskets, sets.size(), ruleSet.size(),
                all.subList(0, Math.min(10, all.size())), examples, byRules, byPopularity, targets);
    }

    /**
     * Prints the report.
     *
     * @param out where to print, not null
     */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%nCross-selling (crm-scoring basket): %,d baskets (customer and day) over %d"
                + " categories in the calibration half-year;%n  %,d frequent itemsets at support 0.005, %,d rules"
                + " (confidence >= 0.05, 1 to 4 items, redundant rules removed)%n", baskets.size(),
                baskets.itemCount(), itemsets, ruleCount);
        out.printf(Locale.ROOT, "Top rules by lift:%n");
        out.printf(Locale.ROOT, "  %-34s %8s %10s %6s %9s %10s%n", "rule", "support", "confidence", "lift",
                "leverage", "conviction");
        for (AssociationRule r : topRules) {
            out.printf(Locale.ROOT, "  %-34s %8.4f %10.3f %6.2f %9.4f %10s%n", r, r.support(), r.confidence(),
                    r.lift(), r.leverage(), r.conviction().isPresent()
                            ? String.format(Locale.ROOT, "%.3f", r.conviction().getAsDouble()) : "inf");
        }
        out.printf(Locale.ROOT, "Next best offers (by confidence) for three customers:%n");
        for (Example e : examples) {
            out.printf(Locale.ROOT, "  %s owns %s:%n", e.customer(), new java.util.TreeSet<>(e.owned()));
            int rank = 1;
            for (Recommendation r : e.offers()) {
                out.printf(Locale.ROOT, "    %d. %-12s confidence %.3f, lift %.2f, because %s%n", rank++, r.item(),
                        r.rule().confidence(), r.rule().lift(), r.rule());
            }
        }
        out.printf(Locale.ROOT, "Holdout check: categories first bought in the next half-year by %,d customers%n",
                rules.customers());
        out.printf(Locale.ROOT, "  %-22s %10s %12s %9s%n", "", "hit-rate@3", "precision@3", "recall@3");
        out.printf(Locale.ROOT, "  %-22s %10.3f %12.3f %9.3f%n", "association rules", rules.hitRate(),
                rules.precision(), rules.recall());
        out.printf(Locale.ROOT, "  %-22s %10.3f %12.3f %9.3f%n", "popularity baseline", popularity.hitRate(),
                popularity.precision(), popularity.recall());
        out.printf(Locale.ROOT, "E-mail cross-sell campaign: %,d customers to contact; left out %,d without e-mail"
                + " consent or opted out, %,d without an e-mail address, %,d with no offer%n",
                targets.targets().size(), targets.optedOut(), targets.unreachable(), targets.withoutOffer());
    }

    private static Map<CustomerId, Set<String>> categories(List<Purchase> lines) {
        Map<CustomerId, Set<String>> m = new LinkedHashMap<>();
        for (Purchase p : lines) {
            m.computeIfAbsent(p.customerId(), k -> new LinkedHashSet<>()).add(p.category());
        }
        return m;
    }
}
