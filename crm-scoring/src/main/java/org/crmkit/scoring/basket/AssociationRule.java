package org.crmkit.scoring.basket;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An association rule {@code lhs => rhs} with the interest measures of R arules.
 *
 * <p>With {@code n} baskets, {@code n(X)} the number holding every item of {@code X}, and
 * {@code supp(X) = n(X) / n}:
 * <ul>
 *   <li>{@code count = n(lhs ∪ rhs)}; {@code support = supp(lhs ∪ rhs)} (Agrawal, Imielinski
 *       and Swami 1993, "Mining association rules between sets of items in large databases",
 *       SIGMOD);</li>
 *   <li>{@code confidence = supp(lhs ∪ rhs) / supp(lhs)} (ibid.); for an empty lhs,
 *       {@code supp({}) = 1};</li>
 *   <li>{@code lift = confidence / supp(rhs)} (Brin, Motwani, Ullman and Tsur 1997, "Dynamic
 *       itemset counting and implication rules for market basket data", SIGMOD, there called
 *       interest);</li>
 *   <li>{@code leverage = supp(lhs ∪ rhs) - supp(lhs) supp(rhs)} (Piatetsky-Shapiro 1991,
 *       "Discovery, analysis, and presentation of strong rules");</li>
 *   <li>{@code conviction = (1 - supp(rhs)) / (1 - confidence)} (Brin et al. 1997). It is
 *       unbounded when the confidence is 1 (arules prints {@code Inf}): crmkit represents
 *       that as an empty {@link OptionalDouble}, written {@code inf} in CSV, so that no
 *       infinity escapes. (When {@code supp(rhs) = 1} too, R computes 0/0 = NaN; crmkit
 *       reports it as unbounded like any rule of confidence 1.)</li>
 * </ul>
 *
 * <pre>{@code
 * AssociationRule r = AssociationRule.fromCounts(List.of("rake"), List.of("gloves"),
 *         30, 40, 50, 100);   // n(lhs ∪ rhs), n(lhs), n(rhs), n
 * r.confidence();   // 0.75
 * r.lift();         // 1.5
 * r.leverage();     // 0.10
 * r.conviction();   // OptionalDouble[2.0]
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code equals} compares the doubles exactly.
 *
 * @param lhs the left-hand side items, sorted and distinct, possibly empty, unmodifiable
 * @param rhs the right-hand side items, sorted and distinct, not empty, disjoint from lhs
 * @param support the support of lhs and rhs together, in (0, 1]
 * @param confidence the confidence, in (0, 1]
 * @param lift the lift, finite and positive
 * @param leverage the leverage, in [-0.25, 0.25] (checked as [-1, 1], leaving room for rounding)
 * @param conviction the conviction, empty when unbounded (confidence 1)
 * @param count the number of baskets holding lhs and rhs, {@code >= 1}
 */
public record AssociationRule(List<String> lhs, List<String> rhs, double support,
        double confidence, double lift, double leverage, OptionalDouble conviction, long count) {
    /**
     * Validates the rule.
     *
     * @throws IllegalArgumentException if the sides are not sorted and distinct, overlap, the
     *     rhs is empty, or a measure is out of range or not finite
     */
    public AssociationRule {
        lhs = List.copyOf(Objects.requireNonNull(lhs, "lhs"));
        rhs = List.copyOf(Objects.requireNonNull(rhs, "rhs"));
        Objects.requireNonNull(conviction, "conviction");
        if (rhs.isEmpty()) {
            throw new IllegalArgumentException("the rhs of a rule is not empty");
        }
        checkSorted(lhs, "lhs");
        checkSorted(rhs, "rhs");
        if (!java.util.Collections.disjoint(new HashSet<>(lhs), rhs)) {
            throw new IllegalArgumentException("lhs and rhs share items: " + lhs + " => " + rhs);
        }
        if (!(support > 0 && support <= 1)) {
            throw new IllegalArgumentException("support must be in (0, 1]: " + support);
        }
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1]: " + confidence);
        }
        if (!(lift > 0 && Double.isFinite(lift))) {
            throw new IllegalArgumentException("lift must be finite and positive: " + lift);
        }
        if (!(leverage >= -1 && leverage <= 1)) {
            throw new IllegalArgumentException("leverage must be in [-0.25, 0.25]: " + leverage);
        }
        if (conviction.isPresent() && !(conviction.getAsDouble() >= 0
                && Double.isFinite(conviction.getAsDouble()))) {
            throw new IllegalArgumentException("conviction must be finite and >= 0: " + conviction);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
    }

    private static void checkSorted(List<String> items, String side) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isBlank()) {
                throw new IllegalArgumentException(side + " has a blank item");
            }
            if (i > 0 && items.get(i - 1).compareTo(items.get(i)) >= 0) {
                throw new IllegalArgumentException(side + " must be sorted and distinct: " + items);
            }
        }
    }

    /**
     * Computes a rule's measures from counts, as the class description defines them.
     *
     * @param lhs the left-hand side items, sorted, possibly empty, not null
     * @param rhs the right-hand side items, sorted, not empty, not null
     * @param count {@code n(lhs ∪ rhs)}, {@code >= 1}
     * @param lhsCount {@code n(lhs)} ({@code n} for an empty lhs), {@code >= count}
     * @param rhsCount {@code n(rhs)}, {@code >= count}
     * @param baskets {@code n}, {@code >= lhsCount} and {@code >= rhsCount}
     * @return the rule, never null
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public static AssociationRule fromCounts(List<String> lhs, List<String> rhs, long count,
            long lhsCount, long rhsCount, long baskets) {
        if (count < 1 || lhsCount < count || rhsCount < count || baskets < lhsCount
                || baskets < rhsCount || (lhs.isEmpty() && lhsCount != baskets)) {
            throw new IllegalArgumentException("inconsistent counts: n(lhs ∪ rhs) = " + count
                    + ", n(lhs) = " + lhsCount + ", n(rhs) = " + rhsCount + ", n = " + baskets);
        }
        double n = baskets;
        double support = count / n;
        double confidence = (double) count / lhsCount;
        double lift = count * n / ((double) lhsCount * rhsCount);
        double leverage = (count * n - (double) lhsCount * rhsCount) / (n * n);
        OptionalDouble conviction = lhsCount == count ? OptionalDouble.empty()
                : OptionalDouble.of((baskets - rhsCount) * (double) lhsCount
                        / (n * (lhsCount - count)));
        return new AssociationRule(lhs, rhs, support, confidence, lift, leverage, conviction, count);
    }

    /**
     * Returns the number of items of the whole rule, the length that {@code minLen} and
     * {@code maxLen} bound.
     *
     * @return {@code lhs().size() + rhs().size()}
     */
    public int length() {
        return lhs.size() + rhs.size();
    }

    /**
     * Returns the rule as arules prints it, {@code {a,b} => {c}}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "{" + String.join(",", lhs) + "} => {" + String.join(",", rhs) + "}";
    }
}
