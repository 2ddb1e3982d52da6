package org.crmkit.scoring.concentration;

/**
 * A point of a Lorenz curve: the poorest {@code populationShare} of customers hold
 * {@code valueShare} of the total.
 *
 * <p>Immutable and thread-safe.
 *
 * @param populationShare the share of customers, in [0, 1]
 * @param valueShare the share of the total they hold, in [0, 1]
 */
public record LorenzPoint(double populationShare, double valueShare) {
    /**
     * Validates the point.
     *
     * @param populationShare see the record component
     * @param valueShare see the record component
     * @throws IllegalArgumentException if a share is outside [0, 1]
     */
    public LorenzPoint {
        if (!(populationShare >= 0 && populationShare <= 1 && valueShare >= 0 && valueShare <= 1)) {
            throw new IllegalArgumentException("shares must be in [0, 1]: " + populationShare
                    + ", " + valueShare);
        }
    }
}
