package org.crmkit.scoring.uncertainty;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An interval for a predicted quantity: its level, its ends, the point prediction, and what
 * it lets vary.
 *
 * <p>The ends are empirical quantiles of simulated values (Hyndman and Fan 1996, definition
 * 7: linear interpolation between order statistics), {@code low} at {@code (1 - level) / 2}
 * and {@code high} at {@code (1 + level) / 2} (an equal-tailed percentile interval, Efron
 * and Tibshirani 1993, ch. 13). {@code point} is the prediction at the estimates, not the
 * mean of the draws, so it may lie slightly outside {@code [low, high]} for a quantity the
 * draws push against a bound (a P(alive) near 1).
 *
 * <pre>{@code
 * Interval i = intervals.totalPurchases(durations, x, tx, age, true, 7L);
 * System.out.println(i); // 0.9 interval [1694.2, 1938.7], point 1788.4, includes [PARAMETERS, PURCHASE_PROCESS] (...)
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code equals} compares the doubles exactly.
 *
 * @param level the coverage the interval aims at, in (0, 1)
 * @param low the lower end, finite
 * @param point the prediction at the estimates, finite
 * @param high the upper end, finite and {@code >= low}
 * @param includes what the interval lets vary, never null (empty: a degenerate interval)
 * @param method how the values were made, e.g. {@code 200 draws from the fitted covariance (log scale)}, never null
 */
public record Interval(double level, double low, double point, double high, Set<UncertaintySource> includes,
        String method) {

    /**
     * Validates and copies the components.
     *
     * @param level see the record component
     * @param low see the record component
     * @param point see the record component
     * @param high see the record component
     * @param includes see the record component
     * @param method see the record component
     * @throws IllegalArgumentException if level is not in (0, 1), an end or the point is not
     *     finite, or {@code low > high}
     * @throws NullPointerException if includes or method is null
     */
    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " is not in (0, 1)");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || !Double.isFinite(point)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] with point " + point
                    + " is not finite");
        }
        if (low > high) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
        Objects.requireNonNull(includes, "includes");
        Objects.requireNonNull(method, "method");
        includes = includes.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(includes));
    }

    /**
     * Returns whether {@code value} lies in {@code [low, high]}.
     *
     * @param value the value
     * @return true when inside, ends included
     */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /**
     * Returns {@code high - low}.
     *
     * @return the width, {@code >= 0}
     */
    public double width() {
        return high - low;
    }

    /**
     * Returns {@code <level> interval [<low>, <high>], point <point>, includes [..] (<method>)}.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return level + " interval [" + low + ", " + high + "], point " + point + ", includes " + includes
                + " (" + method + ")";
    }
}
