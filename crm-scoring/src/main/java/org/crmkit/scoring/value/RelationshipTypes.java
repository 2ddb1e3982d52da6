package org.crmkit.scoring.value;

import java.util.Objects;
import org.crmkit.core.customer.RelationshipType;

/**
 * Chooses the relationship to keep with a kind of customer from how many customers of
 * that kind there are and the margin they bring, after Kotler's levels of relationship
 * marketing (Kotler and Keller, <i>Marketing Management</i>, "building customer
 * relationships"; Kotler and Armstrong, <i>Principles of Marketing</i>):
 *
 * <pre>
 *                     high margin    medium margin   low margin
 *   many customers    accountable    reactive        basic
 *   medium number     proactive      accountable     reactive
 *   few customers     partnership    proactive       accountable
 * </pre>
 *
 * <p>The bands are configurable cut-points: a count up to {@code fewAtMost} is few, up to
 * {@code mediumAtMost} medium, above it many; a margin below {@code mediumMarginFrom} is
 * low, below {@code highMarginFrom} medium, from it high.
 *
 * <pre>{@code
 * RelationshipTypes grid = RelationshipTypes.of(50, 5_000, 0.10, 0.30);
 * grid.classify(12, 0.35);       // PARTNERSHIP: few customers, high margin
 * grid.classify(80_000, 0.05);   // BASIC
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param fewAtMost the largest customer count that is few, at least 1
 * @param mediumAtMost the largest count that is medium, above fewAtMost
 * @param mediumMarginFrom the smallest margin that is medium, finite
 * @param highMarginFrom the smallest margin that is high, finite, above mediumMarginFrom
 */
public record RelationshipTypes(long fewAtMost, long mediumAtMost, double mediumMarginFrom,
        double highMarginFrom) {
    private static final RelationshipType[][] GRID = {
        // high, medium, low margin
        {RelationshipType.PARTNERSHIP, RelationshipType.PROACTIVE, RelationshipType.ACCOUNTABLE},  // few
        {RelationshipType.PROACTIVE, RelationshipType.ACCOUNTABLE, RelationshipType.REACTIVE},     // medium
        {RelationshipType.ACCOUNTABLE, RelationshipType.REACTIVE, RelationshipType.BASIC},         // many
    };

    /**
     * Validates the cut-points.
     *
     * @param fewAtMost see the record component
     * @param mediumAtMost see the record component
     * @param mediumMarginFrom see the record component
     * @param highMarginFrom see the record component
     * @throws IllegalArgumentException if the bands are empty or out of order
     */
    public RelationshipTypes {
        if (fewAtMost < 1 || mediumAtMost <= fewAtMost) {
            throw new IllegalArgumentException("need 1 <= fewAtMost < mediumAtMost: " + fewAtMost + ", "
                    + mediumAtMost);
        }
        if (!Double.isFinite(mediumMarginFrom) || !Double.isFinite(highMarginFrom)
                || highMarginFrom <= mediumMarginFrom) {
            throw new IllegalArgumentException("need finite mediumMarginFrom < highMarginFrom: " + mediumMarginFrom
                    + ", " + highMarginFrom);
        }
    }

    /**
     * Creates the grid.
     *
     * @param fewAtMost the largest count that is few, at least 1
     * @param mediumAtMost the largest count that is medium, above fewAtMost
     * @param mediumMarginFrom the smallest medium margin, finite
     * @param highMarginFrom the smallest high margin, above mediumMarginFrom
     * @return the grid, never null
     * @throws IllegalArgumentException if the bands are empty or out of order
     */
    public static RelationshipTypes of(long fewAtMost, long mediumAtMost, double mediumMarginFrom,
            double highMarginFrom) {
        return new RelationshipTypes(fewAtMost, mediumAtMost, mediumMarginFrom, highMarginFrom);
    }

    /**
     * Chooses the relationship type.
     *
     * @param customers the number of customers of the kind, not negative
     * @param margin their margin (a rate such as 0.25, or an amount: the unit of the
     *     cut-points), finite
     * @return the type, never null
     * @throws IllegalArgumentException if customers is negative or margin is not finite
     */
    public RelationshipType classify(long customers, double margin) {
        if (customers < 0 || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("need customers >= 0 and a finite margin: " + customers + ", "
                    + margin);
        }
        int row = customers <= fewAtMost ? 0 : customers <= mediumAtMost ? 1 : 2;
        int col = margin >= highMarginFrom ? 0 : margin >= mediumMarginFrom ? 1 : 2;
        return GRID[row][col];
    }
}
