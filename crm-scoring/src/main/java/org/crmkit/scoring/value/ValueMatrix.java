package org.crmkit.scoring.value;

import java.util.Arrays;
import java.util.Objects;

/**
 * The current-versus-potential value matrix: customers are placed in four quadrants by
 * whether their current value (actual profit) and their potential (strategic) value
 * reach a threshold: the customer value matrix (客户价值矩阵) of CRM course material,
 * which contrasts current (actual profit) with strategic (potential) value.
 *
 * <p>A value equal to its threshold counts as high. Thresholds are set explicitly or
 * from the medians of the data ({@link #atMedians}).
 *
 * <pre>{@code
 * ValueMatrix m = ValueMatrix.of(1_000, 5_000);
 * ValueQuadrant q = m.classify(1_200, 800);   // HARVEST
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param currentThreshold current values at or above it are high, finite
 * @param potentialThreshold potential values at or above it are high, finite
 */
public record ValueMatrix(double currentThreshold, double potentialThreshold) {
    /**
     * Validates the thresholds.
     *
     * @param currentThreshold see the record component
     * @param potentialThreshold see the record component
     * @throws IllegalArgumentException if a threshold is not finite
     */
    public ValueMatrix {
        if (!Double.isFinite(currentThreshold) || !Double.isFinite(potentialThreshold)) {
            throw new IllegalArgumentException("thresholds must be finite: " + currentThreshold
                    + ", " + potentialThreshold);
        }
    }

    /**
     * Creates a matrix with explicit thresholds.
     *
     * @param currentThreshold current values at or above it are high, finite
     * @param potentialThreshold potential values at or above it are high, finite
     * @return the matrix, never null
     * @throws IllegalArgumentException if a threshold is not finite
     */
    public static ValueMatrix of(double currentThreshold, double potentialThreshold) {
        return new ValueMatrix(currentThreshold, potentialThreshold);
    }

    /**
     * Creates a matrix whose thresholds are the medians of the given values (the mean of
     * the two middle values for an even count).
     *
     * @param current current value per customer, not null, not empty, finite
     * @param potential potential value per customer, not null, not empty, finite
     * @return the matrix, never null
     * @throws IllegalArgumentException if an array is empty or holds a value that is not
     *     finite
     */
    public static ValueMatrix atMedians(double[] current, double[] potential) {
        return new ValueMatrix(median(current, "current"), median(potential, "potential"));
    }

    private static double median(double[] values, String name) {
        Objects.requireNonNull(values, name);
        if (values.length == 0) {
            throw new IllegalArgumentException(name + ": no values");
        }
        double[] s = values.clone();
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException(name + " value " + i + " is not finite: " + s[i]);
            }
        }
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : s[n / 2 - 1] / 2 + s[n / 2] / 2;
    }

    /**
     * Places one customer.
     *
     * @param current the current value, finite
     * @param potential the potential value, finite
     * @return the quadrant, never null
     * @throws IllegalArgumentException if a value is not finite
     */
    public ValueQuadrant classify(double current, double potential) {
        if (!Double.isFinite(current) || !Double.isFinite(potential)) {
            throw new IllegalArgumentException("values must be finite: " + current + ", "
                    + potential);
        }
        return ValueQuadrant.of(current >= currentThreshold, potential >= potentialThreshold);
    }

    /**
     * Places many customers.
     *
     * @param current current value per customer, not null, finite
     * @param potential potential value per customer, not null, same length, finite
     * @return the quadrant of each customer, never null
     * @throws IllegalArgumentException if lengths differ or a value is not finite
     */
    public ValueQuadrant[] classify(double[] current, double[] potential) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(potential, "potential");
        if (current.length != potential.length) {
            throw new IllegalArgumentException("lengths differ: " + current.length + ", "
                    + potential.length);
        }
        ValueQuadrant[] out = new ValueQuadrant[current.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classify(current[i], potential[i]);
        }
        return out;
    }
}
