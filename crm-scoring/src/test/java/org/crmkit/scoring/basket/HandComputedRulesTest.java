package org.crmkit.scoring.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed examples on the five market baskets of Tan, Steinbach and Kumar,
 * "Introduction to Data Mining" (2006), table 6.1; every number below is worked out by hand
 * in the comments from the baskets, not by the code under test.
 */
class HandComputedRulesTest {
    // item counts: bread 4, milk 4, diapers 4, beer 3, cola 2, eggs 1 (n = 5)
    // {diapers,beer} 3 (baskets 2,3,4); {milk,diapers} 3 (3,4,5); {bread,milk} 3 (1,4,5);
    // {milk,beer} 2 (3,4); {milk,diapers,beer} 2 (3,4); {bread,diapers} 3 (2,4,5)
    private static final Baskets TSK = Baskets.builder()
            .add("bread", "milk")
            .add("bread", "diapers", "beer", "eggs")
            .add("milk", "diapers", "beer", "cola")
            .add("bread", "milk", "diapers", "beer")
            .add("bread", "milk", "diapers", "cola")
            .build();

    private static List<AssociationRule> rules(RuleMiner miner, double minSupport) {
        List<AssociationRule> out = new ArrayList<>();
        miner.mine(ItemsetMiner.builder().minSupport(minSupport).build().mine(TSK), out::add);
        return out;
    }

    private static Optional<AssociationRule> find(List<AssociationRule> rules, List<String> lhs, String rhs) {
        return rules.stream().filter(r -> r.lhs().equals(lhs) && r.rhs().equals(List.of(rhs))).findFirst();
    }

    @Test
    void mine_countsOfTheTextbookExample() {
        FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.4).build().mine(TSK);
        assertThat(sets.minCount()).isEqualTo(2);
        assertThat(sets.count(List.of("bread"))).hasValue(4);
        assertThat(sets.count(List.of("beer", "diapers"))).hasValue(3);
        assertThat(sets.count(List.of("milk", "diapers", "beer"))).hasValue(2);
        assertThat(sets.count(List.of("eggs"))).isEmpty();               // count 1 < 2
        assertThat(sets.count(List.of())).hasValue(5);
        // 5 items (eggs out); pairs with count >= 2: bread-milk 3, bread-diapers 3, bread-beer 2,
        // milk-diapers 3, milk-beer 2, milk-cola 2, diapers-beer 3, diapers-cola 2 = 8;
        // triples: bread-milk-diapers 2, bread-diapers-beer 2, milk-diapers-beer 2,
        // milk-diapers-cola 2 = 4; no quadruple reaches 2 => 17 itemsets
        assertThat(sets.size()).isEqualTo(17);
    }

    @Test
    void fromCounts_everyMeasureByHand() {
        // {milk, diapers} => {beer}: n(XY) = 2, n(X) = 3, n(Y) = 3, n = 5
        AssociationRule r = find(rules(RuleMiner.builder().minConfidence(0).build(), 0.4),
                List.of("diapers", "milk"), "beer").orElseThrow();
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.support()).isCloseTo(0.4, within(1e-15));              // 2/5
        assertThat(r.confidence()).isCloseTo(2.0 / 3, within(1e-15));       // 2/3
        assertThat(r.lift()).isCloseTo(10.0 / 9, within(1e-15));            // (2/3) / (3/5)
        assertThat(r.leverage()).isCloseTo(0.04, within(1e-15));            // 0.4 - 0.6 * 0.6
        assertThat(r.conviction().getAsDouble()).isCloseTo(1.2, within(1e-14)); // 0.4 / (1/3)
    }

    @Test
    void conviction_emptyWhenConfidenceIsOne() {
        // {beer} => {diapers}: every beer basket has diapers: conf 3/3, lift 1/0.8, leverage 0.6 - 0.36
        AssociationRule r = find(rules(RuleMiner.builder().minConfidence(0).build(), 0.4),
                List.of("beer"), "diapers").orElseThrow();
        assertThat(r.confidence()).isEqualTo(1.0);
        assertThat(r.lift()).isCloseTo(1.25, within(1e-15));
        assertThat(r.leverage()).isCloseTo(0.12, within(1e-15));
        assertThat(r.conviction()).isEmpty();
    }

    @Test
    void emptyLhs_rulesAppearWithMinLenOne_andHaveLiftOne() {
        List<AssociationRule> all = rules(RuleMiner.builder().minConfidence(0.7).build(), 0.4);
        // {} => {bread}: conf = supp(bread) = 0.8, lift 1, leverage 0, conviction (1-0.8)/(1-0.8) = 1
        AssociationRule r = find(all, List.of(), "bread").orElseThrow();
        assertThat(r.confidence()).isCloseTo(0.8, within(1e-15));
        assertThat(r.lift()).isCloseTo(1.0, within(1e-15));
        assertThat(r.leverage()).isCloseTo(0.0, within(1e-15));
        assertThat(r.conviction().getAsDouble()).isCloseTo(1.0, within(1e-14));
        assertThat(find(all, List.of(), "beer")).isEmpty();                 // conf 0.6 < 0.7
        List<AssociationRule> two = rules(RuleMiner.builder().minConfidence(0.7).minLen(2).build(), 0.4);
        assertThat(two).noneMatch(x -> x.lhs().isEmpty());
    }

    @Test
    void maxLen_countsAllItemsOfTheRule() {
        List<AssociationRule> two = rules(RuleMiner.builder().minConfidence(0).maxLen(2).build(), 0.4);
        assertThat(two).allMatch(x -> x.length() <= 2).anyMatch(x -> x.length() == 2);
        List<AssociationRule> one = rules(RuleMiner.builder().minConfidence(0).maxLen(1).build(), 0.4);
        assertThat(one).hasSize(5).allMatch(x -> x.lhs().isEmpty());          // {} => {item} only
    }

    @Test
    void removeRedundant_dropsRulesNoMoreConfidentThanAMoreGeneralOne() {
        RuleMiner keepAll = RuleMiner.builder().minConfidence(0.6).minLen(2).build();
        RuleMiner pruned = RuleMiner.builder().minConfidence(0.6).minLen(2).removeRedundant().build();
        List<AssociationRule> all = rules(keepAll, 0.4);
        List<AssociationRule> kept = rules(pruned, 0.4);
        // {milk, diapers} => {beer}: conf 2/3 < conf({diapers} => {beer}) = 3/4: redundant
        assertThat(find(all, List.of("diapers", "milk"), "beer")).isPresent();
        assertThat(find(kept, List.of("diapers", "milk"), "beer")).isEmpty();
        // {milk, beer} => {diapers}: conf 2/2 = 1, and {beer} => {diapers} has 3/3 = 1: equal is redundant
        assertThat(find(all, List.of("beer", "milk"), "diapers")).isPresent();
        assertThat(find(kept, List.of("beer", "milk"), "diapers")).isEmpty();
        // {bread, diapers} => {milk}: n = 2 of 3, conf 2/3 > conf({bread} => {milk}) = 3/4? no: 2/3 < 3/4
        assertThat(find(kept, List.of("bread", "diapers"), "milk")).isEmpty();
        // {diapers, cola} => {milk}: n(cola,diapers,milk) = 2, n(cola,diapers) = 2: conf 1;
        // {cola} => {milk} conf 2/2 = 1 too: redundant; {diapers} => {milk} 3/4 is not redundant
        assertThat(find(kept, List.of("cola", "diapers"), "milk")).isEmpty();
        assertThat(find(kept, List.of("diapers"), "milk")).isPresent();
        // with min-len 2 the rule {} => {beer} is not in the set and cannot make anything redundant
        assertThat(find(kept, List.of("diapers"), "beer")).isPresent();
    }

    @Test
    void removeRedundant_emptyLhsRuleCountsAsMoreGeneralWithMinLenOne() {
        // {bread} => {milk}: conf 3/4 = 0.75 < conf({} => {milk}) = 4/5 = 0.8: redundant with min-len 1 only
        List<AssociationRule> minLen1 = rules(RuleMiner.builder().minConfidence(0.7).removeRedundant().build(), 0.4);
        List<AssociationRule> minLen2 = rules(RuleMiner.builder().minConfidence(0.7).minLen(2).removeRedundant()
                .build(), 0.4);
        assertThat(find(minLen1, List.of("bread"), "milk")).isEmpty();
        assertThat(find(minLen2, List.of("bread"), "milk")).isPresent();
    }

    @Test
    void rhsAndLhsItems_filter() {
        List<AssociationRule> beer = rules(RuleMiner.builder().minConfidence(0).rhsItems(List.of("beer")).build(), 0.4);
        assertThat(beer).isNotEmpty().allMatch(r -> r.rhs().equals(List.of("beer")));
        List<AssociationRule> milk = rules(RuleMiner.builder().minConfidence(0).lhsItems(List.of("milk")).build(), 0.4);
        assertThat(milk).isNotEmpty().allMatch(r -> r.lhs().contains("milk"));
    }

    @Test
    void closedAndMaximal_byHand() {
        FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.4).build().mine(TSK);
        // maximal (no frequent superset): {bread,milk,diapers}, {bread,diapers,beer},
        // {milk,diapers,beer}, {milk,diapers,cola}, {bread... } every pair lies in one of these
        assertThat(sets.maximal().toList()).extracting(Itemset::items).containsExactlyInAnyOrder(
                List.of("bread", "diapers", "milk"), List.of("beer", "bread", "diapers"),
                List.of("beer", "diapers", "milk"), List.of("cola", "diapers", "milk"));
        // closed: {cola} (2) has superset {cola,milk} (2): not closed; {beer} (3) has {beer,diapers} (3): not
        FrequentItemsets closed = sets.closed();
        assertThat(closed.count(List.of("cola"))).isEqualTo(OptionalInt.empty());
        assertThat(closed.count(List.of("beer"))).isEqualTo(OptionalInt.empty());
        assertThat(closed.count(List.of("bread"))).hasValue(4);
        assertThatThrownBy(closed::maximal).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RuleMiner.builder().minConfidence(0).build().mine(closed, r -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void minimumCount_ceilWithFloatingPointGuard() {
        assertThat(ItemsetMiner.minimumCount(1000, 0.001)).isEqualTo(1);
        assertThat(ItemsetMiner.minimumCount(100, 0.07)).isEqualTo(7);    // 100 * 0.07 = 7.000000000000001
        assertThat(ItemsetMiner.minimumCount(1000, 0.0015)).isEqualTo(2); // ceil(1.5)
        assertThat(ItemsetMiner.minimumCount(9835, 0.001)).isEqualTo(10); // ceil(9.835), arules Groceries
        assertThat(ItemsetMiner.minimumCount(3, 0.1)).isEqualTo(1);       // ceil(0.3...)
        assertThat(ItemsetMiner.minimumCount(0, 0.5)).isEqualTo(1);
        assertThat(ItemsetMiner.minimumCount(1_000_001, 0.001)).isEqualTo(1001); // 1000.001
        assertThatThrownBy(() -> ItemsetMiner.minimumCount(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemsetMiner.minimumCount(10, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ItemsetMiner.minimumCount(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mine_itemsetExactlyAtTheMinimumCountIsFrequent() {
        // support 0.2 of 5 baskets: minimum count 1, so eggs (1 basket) is frequent; at 0.21 it is not
        assertThat(ItemsetMiner.builder().minSupport(0.2).build().mine(TSK).count(List.of("eggs"))).hasValue(1);
        assertThat(ItemsetMiner.builder().minSupport(0.21).build().mine(TSK).count(List.of("eggs"))).isEmpty();
    }

    @Test
    void builders_rejectBadAndRepeatedOptions() {
        assertThatThrownBy(() -> ItemsetMiner.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ItemsetMiner.builder().minSupport(0.1).minSupport(0.2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ItemsetMiner.builder().maxLen(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleMiner.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RuleMiner.builder().minConfidence(1.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleMiner.builder().minConfidence(0).minLen(4).maxLen(3).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleMiner.builder().rhsItems(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleMiner.builder().removeRedundant().removeRedundant())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Baskets.builder().add("a", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Baskets.builder().add((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ItemsetMiner.builder().minSupport(0.1).build().mine(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void baskets_areSetsAndEmptyBasketsCount() {
        Baskets b = Baskets.builder().add("a", "a", "b").add(List.of()).build();
        assertThat(b.size()).isEqualTo(2);
        assertThat(b.basket(0)).containsExactly("a", "b");
        assertThat(b.basket(1)).isEmpty();
        FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.5).build().mine(b);
        assertThat(sets.get(0).support()).isEqualTo(0.5);                    // 1 of 2 baskets
        assertThat(ItemsetMiner.builder().minSupport(0.5).build().mine(Baskets.builder().build()).size()).isZero();
    }
}
