package org.crmkit.scoring.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Counts and measures against exhaustive enumeration on many small seeded random data sets. */
class MiningBruteForceTest {
    private static final double TOL = 1e-12;

    /** Random baskets over up to 9 items with skewed item popularity, some empty. */
    private static List<List<String>> randomBaskets(SplittableRandom rnd) {
        int items = 2 + rnd.nextInt(8);
        int n = 1 + rnd.nextInt(40);
        double[] p = new double[items];
        for (int i = 0; i < items; i++) {
            p[i] = 0.1 + 0.8 * rnd.nextDouble();
        }
        List<List<String>> baskets = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            List<String> b = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                if (rnd.nextDouble() < p[i]) {
                    b.add("item" + (char) ('a' + i));
                }
            }
            baskets.add(b);
        }
        return baskets;
    }

    private static Baskets toBaskets(List<List<String>> data) {
        Baskets.Builder b = Baskets.builder();
        data.forEach(b::add);
        return b.build();
    }

    @Test
    void mine_matchesExhaustiveCountsOnRandomData() {
        SplittableRandom rnd = new SplittableRandom(20261202L);
        for (int run = 0; run < 300; run++) {
            List<List<String>> data = randomBaskets(rnd);
            BruteForce bf = new BruteForce(data);
            double minSupport = 0.05 + 0.5 * rnd.nextDouble();
            int maxLen = 1 + rnd.nextInt(6);
            int minCount = (int) Math.max(1, Math.ceil(data.size() * minSupport - 1e-9));
            FrequentItemsets mined = ItemsetMiner.builder().minSupport(minSupport).maxLen(maxLen).build()
                    .mine(toBaskets(data));
            Map<List<String>, Integer> got = new HashMap<>();
            mined.forEach(s -> got.put(s.items(), s.count()));
            assertThat(got).as("run %d", run).isEqualTo(bf.frequent(minCount, maxLen));
            mined.forEach(s -> assertThat(s.support()).isCloseTo((double) s.count() / data.size(), within(TOL)));
        }
    }

    @Test
    void closedAndMaximal_matchExhaustiveDefinitionsOnRandomData() {
        SplittableRandom rnd = new SplittableRandom(77);
        for (int run = 0; run < 200; run++) {
            List<List<String>> data = randomBaskets(rnd);
            BruteForce bf = new BruteForce(data);
            double minSupport = 0.05 + 0.4 * rnd.nextDouble();
            int minCount = (int) Math.max(1, Math.ceil(data.size() * minSupport - 1e-9));
            Map<List<String>, Integer> frequent = bf.frequent(minCount, 10);
            FrequentItemsets mined = ItemsetMiner.builder().minSupport(minSupport).build().mine(toBaskets(data));
            List<List<String>> closed = new ArrayList<>();
            List<List<String>> maximal = new ArrayList<>();
            frequent.forEach((set, c) -> {
                boolean isClosed = true;
                boolean isMaximal = true;
                for (Map.Entry<List<String>, Integer> other : frequent.entrySet()) {
                    if (other.getKey().size() > set.size() && other.getKey().containsAll(set)) {
                        isMaximal = false;
                        if (other.getValue().equals(c)) {
                            isClosed = false;
                        }
                    }
                }
                if (isClosed) {
                    closed.add(set);
                }
                if (isMaximal) {
                    maximal.add(set);
                }
            });
            assertThat(mined.closed().toList().stream().map(Itemset::items).collect(Collectors.toList()))
                    .as("closed, run %d", run).containsExactlyInAnyOrderElementsOf(closed);
            assertThat(mined.maximal().toList().stream().map(Itemset::items).collect(Collectors.toList()))
                    .as("maximal, run %d", run).containsExactlyInAnyOrderElementsOf(maximal);
        }
    }

    @Test
    void rules_matchExhaustiveMeasuresOnRandomData() {
        SplittableRandom rnd = new SplittableRandom(4242);
        for (int run = 0; run < 300; run++) {
            List<List<String>> data = randomBaskets(rnd);
            BruteForce bf = new BruteForce(data);
            double minSupport = 0.05 + 0.4 * rnd.nextDouble();
            double minConf = rnd.nextDouble() * 0.9;
            int minLen = 1 + rnd.nextInt(3);
            int maxLen = minLen + rnd.nextInt(4);
            int maxRhs = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 0);
            boolean redundant = rnd.nextBoolean();
            int minCount = (int) Math.max(1, Math.ceil(data.size() * minSupport - 1e-9));
            FrequentItemsets sets = ItemsetMiner.builder().minSupport(minSupport).maxLen(maxLen).build()
                    .mine(toBaskets(data));
            RuleMiner.Builder rb = RuleMiner.builder().minConfidence(minConf).minLen(minLen).maxLen(maxLen)
                    .maxRhsSize(maxRhs);
            if (redundant) {
                rb.removeRedundant();
            }
            List<AssociationRule> mined = new ArrayList<>();
            long n = rb.build().mine(sets, mined::add);
            List<BruteForce.Rule> all = bf.rules(minCount, minConf, minLen, maxLen, maxRhs);
            List<BruteForce.Rule> expected = redundant
                    ? all.stream().filter(r -> !BruteForce.redundant(r, all)).toList() : all;
            assertThat(n).isEqualTo(mined.size());
            Map<String, AssociationRule> byText = new HashMap<>();
            mined.forEach(r -> byText.put(r.lhs() + "=>" + r.rhs(), r));
            assertThat(byText.keySet()).as("run %d", run).containsExactlyInAnyOrderElementsOf(
                    expected.stream().map(r -> r.lhs() + "=>" + r.rhs()).toList());
            for (BruteForce.Rule e : expected) {
                AssociationRule r = byText.get(e.lhs() + "=>" + e.rhs());
                assertThat(r.count()).isEqualTo(e.count());
                assertThat(r.support()).isCloseTo(e.support(), within(TOL));
                assertThat(r.confidence()).isCloseTo(e.confidence(), within(TOL));
                assertThat(r.lift()).isCloseTo(e.lift(), within(1e-9));
                assertThat(r.leverage()).isCloseTo(e.leverage(), within(TOL));
                if (e.conviction() == null) {
                    assertThat(r.conviction()).isEmpty();
                } else {
                    assertThat(r.conviction().getAsDouble()).isCloseTo(e.conviction(), within(1e-9));
                }
            }
        }
    }

    @Test
    void collect_sortsByLiftThenSupportDescending() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int run = 0; run < 50; run++) {
            FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.1).build().mine(toBaskets(randomBaskets(rnd)));
            RuleSet rules = RuleMiner.builder().minConfidence(0.2).build().collect(sets);
            List<AssociationRule> streamed = new ArrayList<>();
            RuleMiner.builder().minConfidence(0.2).build().mine(sets, streamed::add);
            assertThat(rules.toList()).containsExactlyInAnyOrderElementsOf(streamed);
            for (int i = 1; i < rules.size(); i++) {
                AssociationRule a = rules.get(i - 1);
                AssociationRule b = rules.get(i);
                assertThat(a.lift() > b.lift() || (a.lift() == b.lift() && a.support() >= b.support()))
                        .as("%s before %s", a, b).isTrue();
            }
        }
    }

    @Test
    void mine_largerQuestData_matchesCountsByScanning() {
        Baskets baskets = QuestGenerator.builder().baskets(2_000).meanBasketSize(6).meanPatternSize(3)
                .items(60).patterns(50).seed(9).build().generate();
        FrequentItemsets sets = ItemsetMiner.builder().minSupport(0.01).build().mine(baskets);
        assertThat(sets.size()).isGreaterThan(100);
        List<List<String>> data = new ArrayList<>();
        for (int t = 0; t < baskets.size(); t++) {
            data.add(baskets.basket(t));
        }
        for (int i = 0; i < sets.size(); i += 7) {
            Itemset s = sets.get(i);
            long scanned = data.stream().filter(b -> b.containsAll(s.items())).count();
            assertThat(s.count()).as("%s", s.items()).isEqualTo((int) scanned);
            assertThat(scanned).isGreaterThanOrEqualTo(20);
        }
    }
}
