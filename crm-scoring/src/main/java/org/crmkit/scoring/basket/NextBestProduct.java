package org.crmkit.scoring.basket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recommends the next best products for a customer: the top-k items the customer does not
 * own yet, ranked by the association rules that fire on what they own.
 *
 * <p>A rule {@code X => Y} fires when the customer owns every item of {@code X} (a rule with
 * an empty lhs always fires); each item of {@code Y} not owned becomes a candidate scored by
 * the {@link Ranking}: confidence, lift, or expected value = confidence x margin(item) x
 * P(alive). An item keeps the best-scoring rule that recommends it (ties: higher confidence,
 * lift, support, then the longer lhs, then the rule text); items are ranked by that score,
 * ties by confidence, then by item name. Under {@link Ranking#EXPECTED_VALUE} items without a
 * margin are not offered.
 *
 * <pre>{@code
 * NextBestProduct nbp = NextBestProduct.builder(rules.toList()).ranking(Ranking.LIFT).build();
 * for (Recommendation r : nbp.recommend(Set.of("garden", "paint"), 3)) {
 *     System.out.println(r.item() + " because " + r.rule());
 * }
 * NextBestProduct value = NextBestProduct.builder(rules.toList())
 *         .ranking(Ranking.EXPECTED_VALUE).margins(Map.of("tools", 12.0, "seeds", 2.5)).build();
 * value.recommend(owned, 3, bgnbd.probabilityAlive(x, tx, age));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NextBestProduct {
    private final List<AssociationRule> rules;
    private final Map<String, int[]> byFirstLhsItem;
    private final int[] alwaysFiring;
    private final Ranking ranking;
    private final Map<String, Double> margins;

    private NextBestProduct(Builder b) {
        this.rules = b.rules;
        this.ranking = b.ranking == null ? Ranking.CONFIDENCE : b.ranking;
        this.margins = b.margins;
        if (ranking == Ranking.EXPECTED_VALUE && margins == null) {
            throw new IllegalStateException("expected-value ranking needs margins");
        }
        Map<String, List<Integer>> index = new HashMap<>();
        List<Integer> always = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            AssociationRule r = rules.get(i);
            if (r.lhs().isEmpty()) {
                always.add(i);
            } else {
                index.computeIfAbsent(r.lhs().get(0), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> compact = new HashMap<>(index.size() * 2);
        index.forEach((k, v) -> compact.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.byFirstLhsItem = compact;
        this.alwaysFiring = always.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Returns a builder over a list of rules (for example {@link RuleSet#toList()} or
     * {@link RuleCsv#read}).
     *
     * @param rules the rules, not null, no null element
     * @return a builder, never null
     */
    public static Builder builder(Collection<AssociationRule> rules) {
        return new Builder(rules);
    }

    /**
     * Returns the ranking.
     *
     * @return the ranking, never null
     */
    public Ranking ranking() {
        return ranking;
    }

    /**
     * Recommends up to {@code k} items, with P(alive) = 1 for the expected-value ranking.
     *
     * @param owned the items the customer owns, not null, no null element
     * @param k the number of offers wanted, {@code >= 1}
     * @return the offers, best first, at most {@code k}, never null
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public List<Recommendation> recommend(Collection<String> owned, int k) {
        return recommend(owned, k, 1.0);
    }

    /**
     * Recommends up to {@code k} items.
     *
     * @param owned the items the customer owns, not null, no null element
     * @param k the number of offers wanted, {@code >= 1}
     * @param probabilityAlive the customer's probability of being alive, in [0, 1]; used by
     *     the expected-value ranking only
     * @return the offers, best first, at most {@code k}, never null
     * @throws IllegalArgumentException if {@code k < 1} or the probability is out of range
     */
    public List<Recommendation> recommend(Collection<String> owned, int k, double probabilityAlive) {
        Objects.requireNonNull(owned, "owned");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        if (!(probabilityAlive >= 0 && probabilityAlive <= 1)) {
            throw new IllegalArgumentException("probability alive must be in [0, 1]: " + probabilityAlive);
        }
        Set<String> have = owned instanceof Set<String> s ? s : new HashSet<>(owned);
        Map<String, Recommendation> best = new HashMap<>();
        for (int i : alwaysFiring) {
            consider(rules.get(i), have, probabilityAlive, best);
        }
        for (String item : have) {
            int[] candidates = byFirstLhsItem.get(Objects.requireNonNull(item, "owned item"));
            if (candidates == null) {
                continue;
            }
            for (int i : candidates) {
                AssociationRule r = rules.get(i);
                if (have.containsAll(r.lhs())) {
                    consider(r, have, probabilityAlive, best);
                }
            }
        }
        List<Recommendation> list = new ArrayList<>(best.values());
        list.sort(Comparator.comparingDouble(Recommendation::score).reversed()
                .thenComparing(Comparator.comparingDouble(
                        (Recommendation r) -> r.rule().confidence()).reversed())
                .thenComparing(Recommendation::item));
        return List.copyOf(list.subList(0, Math.min(k, list.size())));
    }

    private void consider(AssociationRule r, Set<String> have, double pAlive,
            Map<String, Recommendation> best) {
        for (String item : r.rhs()) {
            if (have.contains(item)) {
                continue;
            }
            double score;
            switch (ranking) {
                case LIFT:
                    score = r.lift();
                    break;
                case EXPECTED_VALUE:
                    Double margin = margins.get(item);
                    if (margin == null) {
                        continue;
                    }
                    score = r.confidence() * margin * pAlive;
                    break;
                default:
                    score = r.confidence();
                    break;
            }
            Recommendation candidate = new Recommendation(item, score, r);
            Recommendation current = best.get(item);
            if (current == null || BETTER_RULE.compare(candidate, current) < 0) {
                best.put(item, candidate);
            }
        }
    }

    private static final Comparator<Recommendation> BETTER_RULE = Comparator
            .comparingDouble(Recommendation::score).reversed()
            .thenComparing(Comparator.comparingDouble((Recommendation r) -> r.rule().confidence()).reversed())
            .thenComparing(Comparator.comparingDouble((Recommendation r) -> r.rule().lift()).reversed())
            .thenComparing(Comparator.comparingDouble((Recommendation r) -> r.rule().support()).reversed())
            .thenComparing(Comparator.comparingInt((Recommendation r) -> r.rule().lhs().size()).reversed())
            .thenComparing(r -> r.rule().toString());

    /**
     * Configures a {@link NextBestProduct}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private final List<AssociationRule> rules;
        private Ranking ranking;
        private Map<String, Double> margins;

        private Builder(Collection<AssociationRule> rules) {
            Objects.requireNonNull(rules, "rules");
            this.rules = List.copyOf(rules);
        }

        /**
         * Sets the ranking (default {@link Ranking#CONFIDENCE}).
         *
         * @param ranking the ranking, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder ranking(Ranking ranking) {
            Objects.requireNonNull(ranking, "ranking");
            if (this.ranking != null) {
                throw new IllegalStateException("ranking is already set");
            }
            this.ranking = ranking;
            return this;
        }

        /**
         * Sets the item margins for {@link Ranking#EXPECTED_VALUE}: profit per unit, in the one
         * currency of all margins.
         *
         * @param margins margin by item, not null, finite and {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if a margin is negative or not finite
         * @throws IllegalStateException if already set
         */
        public Builder margins(Map<String, Double> margins) {
            Objects.requireNonNull(margins, "margins");
            if (this.margins != null) {
                throw new IllegalStateException("margins are already set");
            }
            margins.forEach((item, m) -> {
                Objects.requireNonNull(item, "item");
                Objects.requireNonNull(m, "margin");
                if (!(m >= 0 && Double.isFinite(m))) {
                    throw new IllegalArgumentException("margin of " + item + " must be finite and >= 0: " + m);
                }
            });
            this.margins = Map.copyOf(margins);
            return this;
        }

        /**
         * Builds the recommender.
         *
         * @return the recommender, never null
         * @throws IllegalStateException if the expected-value ranking has no margins
         */
        public NextBestProduct build() {
            return new NextBestProduct(this);
        }
    }
}
