package org.crmkit.scoring.loyalty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Dick and Basu cells of a customer base: the loyal-customer list and counts per cell
 * and per segment.
 *
 * <pre>{@code
 * LoyaltyReport r = LoyaltyIdentifier.defaults().assessAll(evidence);
 * r.countByCell();                                  // {TRUE_LOYALTY=.., LATENT=.., ...}
 * r.loyalCustomers();                               // most repeat purchases first
 * r.countBySegment(id -> segmentOf.get(id));        // {"Champions"={TRUE_LOYALTY=..}, ...}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LoyaltyReport {

    private final List<LoyaltyEvidence> evidence;
    private final List<LoyaltyAssessment> assessments;

    LoyaltyReport(List<LoyaltyEvidence> evidence, List<LoyaltyAssessment> assessments) {
        this.evidence = List.copyOf(evidence);
        this.assessments = List.copyOf(assessments);
    }

    /**
     * Returns every assessment in input order.
     *
     * @return an unmodifiable list, never null
     */
    public List<LoyaltyAssessment> assessments() {
        return assessments;
    }

    /**
     * Returns the customers of {@link LoyaltyCell#TRUE_LOYALTY}, most repeat purchases
     * first, then longest tenure, then by id.
     *
     * @return an unmodifiable list, never null
     */
    public List<LoyaltyAssessment> loyalCustomers() {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < assessments.size(); i++) {
            if (assessments.get(i).cell() == LoyaltyCell.TRUE_LOYALTY) {
                rows.add(i);
            }
        }
        rows.sort(Comparator.<Integer>comparingInt(i -> -evidence.get(i).repeatPurchases())
                .thenComparingDouble(i -> -evidence.get(i).tenure())
                .thenComparing(i -> evidence.get(i).customerId()));
        List<LoyaltyAssessment> out = new ArrayList<>(rows.size());
        rows.forEach(i -> out.add(assessments.get(i)));
        return Collections.unmodifiableList(out);
    }

    /**
     * Returns the number of customers per cell, every cell present.
     *
     * @return an unmodifiable map in cell order, never null
     */
    public Map<LoyaltyCell, Integer> countByCell() {
        Map<LoyaltyCell, Integer> m = emptyCounts();
        assessments.forEach(a -> m.merge(a.cell(), 1, Integer::sum));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Returns the number of customers per segment and cell.
     *
     * @param segmentOf the segment name of a customer id, never returning null, not null
     * @return an unmodifiable map sorted by segment name, each with every cell, never null
     * @throws NullPointerException if the function returns null
     */
    public Map<String, Map<LoyaltyCell, Integer>> countBySegment(Function<String, String> segmentOf) {
        Objects.requireNonNull(segmentOf, "segmentOf");
        Map<String, Map<LoyaltyCell, Integer>> m = new TreeMap<>();
        for (LoyaltyAssessment a : assessments) {
            String segment = Objects.requireNonNull(segmentOf.apply(a.customerId()), "segment of a customer");
            m.computeIfAbsent(segment, k -> emptyCounts()).merge(a.cell(), 1, Integer::sum);
        }
        Map<String, Map<LoyaltyCell, Integer>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Map<LoyaltyCell, Integer> emptyCounts() {
        Map<LoyaltyCell, Integer> m = new EnumMap<>(LoyaltyCell.class);
        for (LoyaltyCell c : LoyaltyCell.values()) {
            m.put(c, 0);
        }
        return m;
    }

    @Override
    public String toString() {
        return "LoyaltyReport[" + assessments.size() + " customers, " + countByCell() + "]";
    }
}
