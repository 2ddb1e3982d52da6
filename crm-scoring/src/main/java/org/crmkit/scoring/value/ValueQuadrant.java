package org.crmkit.scoring.value;

/**
 * The four cells of the current-value versus potential-value matrix (客户价值矩阵).
 *
 * <p>Immutable and thread-safe.
 */
public enum ValueQuadrant {
    /** High current and high potential value: the most valuable customers; invest. */
    MOST_VALUABLE(true, true),
    /** High current, low potential value: keep and harvest. */
    HARVEST(true, false),
    /** Low current, high potential value: develop. */
    GROWTH(false, true),
    /** Low current and low potential value: serve at low cost. */
    LOW_VALUE(false, false);

    private final boolean highCurrent;
    private final boolean highPotential;

    ValueQuadrant(boolean highCurrent, boolean highPotential) {
        this.highCurrent = highCurrent;
        this.highPotential = highPotential;
    }

    /**
     * Tells whether current value is high in this quadrant.
     *
     * @return true for MOST_VALUABLE and HARVEST
     */
    public boolean highCurrent() {
        return highCurrent;
    }

    /**
     * Tells whether potential value is high in this quadrant.
     *
     * @return true for MOST_VALUABLE and GROWTH
     */
    public boolean highPotential() {
        return highPotential;
    }

    static ValueQuadrant of(boolean highCurrent, boolean highPotential) {
        if (highCurrent) {
            return highPotential ? MOST_VALUABLE : HARVEST;
        }
        return highPotential ? GROWTH : LOW_VALUE;
    }
}
