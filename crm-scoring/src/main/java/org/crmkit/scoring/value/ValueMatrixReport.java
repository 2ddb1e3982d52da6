package org.crmkit.scoring.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Customers placed in the current-versus-potential value matrix: the quadrant counts and
 * the customers in each. Current value is what a customer brought in the last period
 * (margin); potential value is measured, for example the expected discounted lifetime
 * value from a fitted purchase and spend model
 * ({@link org.crmkit.scoring.btyd.PurchaseModel} with
 * {@link org.crmkit.scoring.btyd.SpendModel}).
 *
 * <pre>{@code
 * ValueMatrixReport r = ValueMatrixReport.of(ids, lastYearMargin, clv, ValueMatrix.atMedians(lastYearMargin, clv));
 * r.count(ValueQuadrant.GROWTH);       // low today, high potential: develop them
 * r.customers(ValueQuadrant.MOST_VALUABLE);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ValueMatrixReport {
    private final ValueMatrix matrix;
    private final Map<ValueQuadrant, List<String>> members;

    private ValueMatrixReport(ValueMatrix matrix, Map<ValueQuadrant, List<String>> members) {
        this.matrix = matrix;
        this.members = members;
    }

    /**
     * Places customers in the matrix.
     *
     * @param customerIds the customers, not null, no null element
     * @param current current value per customer, not null, same length, finite
     * @param potential potential value per customer, not null, same length, finite
     * @param matrix the thresholds, not null
     * @return the report, never null
     * @throws IllegalArgumentException if lengths differ or a value is not finite
     */
    public static ValueMatrixReport of(List<String> customerIds, double[] current, double[] potential,
            ValueMatrix matrix) {
        Objects.requireNonNull(customerIds, "customerIds");
        Objects.requireNonNull(matrix, "matrix");
        ValueQuadrant[] q = matrix.classify(current, potential);
        if (q.length != customerIds.size()) {
            throw new IllegalArgumentException("lengths differ: " + customerIds.size() + " ids, " + q.length
                    + " values");
        }
        Map<ValueQuadrant, List<String>> m = new EnumMap<>(ValueQuadrant.class);
        for (ValueQuadrant v : ValueQuadrant.values()) {
            m.put(v, new ArrayList<>());
        }
        for (int i = 0; i < q.length; i++) {
            m.get(q[i]).add(Objects.requireNonNull(customerIds.get(i), "customer id"));
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        return new ValueMatrixReport(matrix, Collections.unmodifiableMap(m));
    }

    /**
     * Returns the thresholds used.
     *
     * @return the matrix, never null
     */
    public ValueMatrix matrix() {
        return matrix;
    }

    /**
     * Returns the number of customers in a quadrant.
     *
     * @param quadrant the quadrant, not null
     * @return the count
     */
    public int count(ValueQuadrant quadrant) {
        return customers(quadrant).size();
    }

    /**
     * Returns the customers in a quadrant, in input order.
     *
     * @param quadrant the quadrant, not null
     * @return the ids, unmodifiable, never null
     */
    public List<String> customers(ValueQuadrant quadrant) {
        return members.get(Objects.requireNonNull(quadrant, "quadrant"));
    }
}
