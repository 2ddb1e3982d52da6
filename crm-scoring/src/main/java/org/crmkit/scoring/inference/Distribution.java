package org.crmkit.scoring.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * The distribution of a sample, not only its mean: count, mean, standard deviation,
 * minimum, the 10th, 25th, 50th, 75th and 90th percentiles and maximum.
 *
 * <p>Percentiles use linear interpolation between order statistics, definition 7 of
 * Hyndman and Fan (1996, "Sample quantiles in statistical packages", <i>The American
 * Statistician</i> 50(4)), the default of R's {@code quantile} and of NumPy: for
 * probability {@code p} and sorted values {@code x[0..n-1]}, {@code h = (n - 1) p},
 * {@code Q(p) = x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}. Each
 * percentile is found by selection (expected linear time, no full sort: ten million
 * values take tens of milliseconds), which is why this is not Hipparchus'
 * {@code Percentile} (a sort per data set). The standard deviation is the sample one ({@code n - 1} in
 * the denominator), 0 for fewer than two values.
 *
 * <p>An empty sample has {@code n = 0} and every other component 0 (see
 * {@link #isEmpty()}); no component is ever NaN.
 *
 * <pre>{@code
 * Distribution d = Distribution.of(new double[] {1, 2, 3, 4});
 * d.median();   // 2.5
 * d.p25();      // 1.75
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param n the number of values
 * @param mean the arithmetic mean
 * @param standardDeviation the sample standard deviation
 * @param min the smallest value
 * @param p10 the 10th percentile
 * @param p25 the 25th percentile
 * @param median the 50th percentile
 * @param p75 the 75th percentile
 * @param p90 the 90th percentile
 * @param max the largest value
 */
public record Distribution(long n, double mean, double standardDeviation, double min, double p10, double p25,
        double median, double p75, double p90, double max) {
    private static final double[] PROBABILITIES = {0.10, 0.25, 0.50, 0.75, 0.90};

    /**
     * Validates the components.
     *
     * @param n see the record component
     * @param mean see the record component
     * @param standardDeviation see the record component
     * @param min see the record component
     * @param p10 see the record component
     * @param p25 see the record component
     * @param median see the record component
     * @param p75 see the record component
     * @param p90 see the record component
     * @param max see the record component
     * @throws IllegalArgumentException if n is negative, a value is not finite or the
     *     percentiles are out of order
     */
    public Distribution {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        double[] all = {mean, standardDeviation, min, p10, p25, median, p75, p90, max};
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("distribution values must be finite: " + Arrays.toString(all));
            }
        }
        if (!(min <= p10 && p10 <= p25 && p25 <= median && median <= p75 && p75 <= p90 && p90 <= max)
                || standardDeviation < 0) {
            throw new IllegalArgumentException("percentiles out of order: " + Arrays.toString(all));
        }
    }

    /**
     * Describes a sample; the array is not changed.
     *
     * @param values the sample, not null, every value finite
     * @return the distribution, never null
     * @throws IllegalArgumentException if a value is not finite (naming its index)
     */
    public static Distribution of(double[] values) {
        Objects.requireNonNull(values, "values");
        return describe(values, values.length);
    }

    /**
     * Describes the first {@code count} values of an array; the array is not changed.
     *
     * @param values the array, not null
     * @param count how many leading values form the sample, 0..values.length
     * @return the distribution, never null
     * @throws IllegalArgumentException if count is out of range or a value is not finite
     */
    public static Distribution of(double[] values, int count) {
        Objects.requireNonNull(values, "values");
        Objects.checkFromToIndex(0, count, values.length);
        return describe(values, count);
    }

    private static Distribution describe(double[] values, int count) {
        double[] s = Arrays.copyOf(values, count);
        double mean = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double v = s[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + v);
            }
            // Welford's update keeps the variance accurate for values far from 0
            double delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (count == 0) {
            return new Distribution(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        double sd = count < 2 ? 0 : Math.sqrt(Math.max(0, m2 / (count - 1)));
        mean = Math.min(Math.max(mean, min), max);
        double[] q = new double[PROBABILITIES.length];
        Selection.quantiles(s, PROBABILITIES, q);
        return new Distribution(count, mean, sd, min, q[0], q[1], q[2], q[3], q[4], max);
    }

    /**
     * Returns the quantile of sorted values by Hyndman and Fan's definition 7.
     *
     * @param sorted ascending values, not null, not empty
     * @param p the probability, in [0, 1]
     * @return the quantile
     * @throws IllegalArgumentException if the array is empty or p is out of range
     */
    public static double quantile(double[] sorted, double p) {
        Objects.requireNonNull(sorted, "sorted");
        if (sorted.length == 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("need values and p in [0, 1]: " + sorted.length + ", " + p);
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double v = sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
        return Math.min(Math.max(v, sorted[lo]), sorted[lo + 1]);
    }

    /**
     * Tells whether the sample is empty.
     *
     * @return true if n is 0
     */
    public boolean isEmpty() {
        return n == 0;
    }
}
