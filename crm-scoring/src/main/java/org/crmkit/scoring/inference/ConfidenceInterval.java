package org.crmkit.scoring.inference;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A two-sided confidence interval {@code [low, high]} at a stated confidence level.
 *
 * <pre>{@code
 * ConfidenceInterval ci = ConfidenceInterval.normal(0.12, 0.03, 0.95);   // 0.12 -/+ 1.96 x 0.03
 * ci.contains(0.10);                                                     // true
 * }</pre>
 *
 * <p>{@code equals} compares the doubles bit for bit ({@link Double#compare}), as records do.
 * Immutable and thread-safe.
 *
 * @param low the lower end, finite
 * @param high the upper end, finite, at least low
 * @param confidence the confidence level, in (0, 1)
 */
public record ConfidenceInterval(double low, double high, double confidence) {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    /**
     * Validates the interval.
     *
     * @param low see the record component
     * @param high see the record component
     * @param confidence see the record component
     * @throws IllegalArgumentException if an end is not finite, high is below low, or the
     *     confidence is not in (0, 1)
     */
    public ConfidenceInterval {
        if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
            throw new IllegalArgumentException("interval ends must be finite with low <= high: [" + low + ", "
                    + high + "]");
        }
        checkConfidence(confidence);
    }

    /**
     * The normal-approximation (Wald) interval {@code estimate -/+ z * standardError} with
     * {@code z} the {@code (1 + confidence) / 2} quantile of the standard normal.
     *
     * @param estimate the point estimate, finite
     * @param standardError its standard error, finite, not negative
     * @param confidence the confidence level, in (0, 1)
     * @return the interval, never null
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static ConfidenceInterval normal(double estimate, double standardError, double confidence) {
        if (!Double.isFinite(estimate) || !Double.isFinite(standardError) || standardError < 0) {
            throw new IllegalArgumentException("estimate and standard error must be finite, the error not "
                    + "negative: " + estimate + ", " + standardError);
        }
        double half = z(confidence) * standardError;
        return new ConfidenceInterval(estimate - half, estimate + half, confidence);
    }

    /**
     * Returns the two-sided critical value {@code z} of the standard normal distribution:
     * the {@code (1 + confidence) / 2} quantile (1.959964 for 0.95).
     *
     * @param confidence the confidence level, in (0, 1)
     * @return z, positive
     * @throws IllegalArgumentException if the confidence is not in (0, 1)
     */
    public static double z(double confidence) {
        checkConfidence(confidence);
        return STANDARD_NORMAL.inverseCumulativeProbability((1 + confidence) / 2);
    }

    /**
     * Returns the two-sided p-value of a standard normal test statistic:
     * {@code 2 (1 - Phi(|z|))}.
     *
     * @param z the statistic, finite
     * @return the p-value in [0, 1]
     * @throws IllegalArgumentException if z is not finite
     */
    public static double twoSidedPValue(double z) {
        if (!Double.isFinite(z)) {
            throw new IllegalArgumentException("z must be finite: " + z);
        }
        return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /**
     * Returns the interval cut to {@code [min, max]}, for quantities with a natural range
     * (a share, a net promoter score).
     *
     * @param min the smallest possible value
     * @param max the largest possible value, at least min
     * @return the clipped interval, never null
     * @throws IllegalArgumentException if max is below min
     */
    public ConfidenceInterval clip(double min, double max) {
        if (max < min) {
            throw new IllegalArgumentException("max below min: " + min + ", " + max);
        }
        double lo = Math.min(Math.max(low, min), max);
        double hi = Math.max(Math.min(high, max), min);
        return new ConfidenceInterval(lo, hi, confidence);
    }

    /**
     * Tells whether a value lies in the closed interval.
     *
     * @param value the value
     * @return true if {@code low <= value <= high}
     */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /**
     * Returns the width {@code high - low}.
     *
     * @return the width, not negative
     */
    public double width() {
        return high - low;
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }
}
