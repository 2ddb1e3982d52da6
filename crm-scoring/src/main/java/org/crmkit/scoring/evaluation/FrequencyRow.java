package org.crmkit.scoring.evaluation;

import java.util.Objects;

/**
 * One row of a table of actual versus expected numbers of customers by purchase count.
 *
 * <pre>{@code
 * for (FrequencyRow row : evaluation.holdoutTable()) {
 *     System.out.println(row.label() + " " + row.actual() + " " + row.expected());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the purchase count, {@code "0"} .. {@code "6"} or {@code "7+"}, never null
 * @param purchases the count, or the lower bound for the last row
 * @param actual the number of customers observed with that count
 * @param expected the number of customers the model expects with that count
 */
public record FrequencyRow(String label, int purchases, double actual, double expected) {

    /**
     * Validates the components.
     *
     * @param label see the record component
     * @param purchases see the record component
     * @param actual see the record component
     * @param expected see the record component
     * @throws NullPointerException if label is null
     * @throws IllegalArgumentException if purchases is negative
     */
    public FrequencyRow {
        Objects.requireNonNull(label, "label");
        if (purchases < 0) {
            throw new IllegalArgumentException("purchases " + purchases + " is negative");
        }
    }
}
