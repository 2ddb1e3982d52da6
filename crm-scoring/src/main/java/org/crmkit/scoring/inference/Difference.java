package org.crmkit.scoring.inference;

/**
 * The difference {@code first - second} of two independent estimates with its standard
 * error, z statistic, two-sided p-value and confidence interval.
 *
 * <p>For independent estimates the variance of a difference is the sum of the variances,
 * so {@code standardError = sqrt(se1^2 + se2^2)} and {@code z = estimate / standardError}
 * (the two-sample z test; see e.g. Agresti, <i>Categorical Data Analysis</i>, 3rd ed.,
 * section 3.1.2 for two proportions). Where the standard error is 0 (both groups without
 * variation) z is 0 when the estimate is 0 and the p-value 1; otherwise z is reported as
 * {@code +/-Double.MAX_VALUE} with p-value 0, never infinity.
 *
 * <pre>{@code
 * Difference d = Difference.of(0.12, 0.01, 0.08, 0.012, 0.95);
 * d.estimate();      // 0.04
 * d.interval();      // [0.0094, 0.0706]
 * d.pValue();        // 0.0105
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param estimate the difference first - second, finite
 * @param standardError its standard error, finite, not negative
 * @param z the test statistic estimate / standardError, finite
 * @param pValue the two-sided p-value of the hypothesis of no difference, in [0, 1]
 * @param interval the normal-approximation interval of the difference, not null
 */
public record Difference(double estimate, double standardError, double z, double pValue,
        ConfidenceInterval interval) {
    /**
     * Validates the components.
     *
     * @param estimate see the record component
     * @param standardError see the record component
     * @param z see the record component
     * @param pValue see the record component
     * @param interval see the record component
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if interval is null
     */
    public Difference {
        if (!Double.isFinite(estimate) || !Double.isFinite(standardError) || standardError < 0
                || !Double.isFinite(z) || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("invalid difference: estimate " + estimate + ", standard error "
                    + standardError + ", z " + z + ", p " + pValue);
        }
        java.util.Objects.requireNonNull(interval, "interval");
    }

    /**
     * Compares two independent estimates.
     *
     * @param first the first estimate, finite
     * @param firstError its standard error, finite, not negative
     * @param second the second estimate, finite
     * @param secondError its standard error, finite, not negative
     * @param confidence the confidence level of the interval, in (0, 1)
     * @return the difference first - second, never null
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Difference of(double first, double firstError, double second, double secondError,
            double confidence) {
        if (!Double.isFinite(firstError) || !Double.isFinite(secondError) || firstError < 0 || secondError < 0) {
            throw new IllegalArgumentException("standard errors must be finite and not negative: " + firstError
                    + ", " + secondError);
        }
        double estimate = first - second;
        double se = Math.hypot(firstError, secondError);
        return ofStandardError(estimate, se, confidence);
    }

    /**
     * Builds the test and interval of a difference whose standard error is known.
     *
     * @param estimate the difference, finite
     * @param standardError its standard error, finite, not negative
     * @param confidence the confidence level, in (0, 1)
     * @return the difference, never null
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Difference ofStandardError(double estimate, double standardError, double confidence) {
        if (!Double.isFinite(estimate) || !Double.isFinite(standardError) || standardError < 0) {
            throw new IllegalArgumentException("estimate and standard error must be finite, the error not "
                    + "negative: " + estimate + ", " + standardError);
        }
        double z;
        if (standardError > 0) {
            z = estimate / standardError;
            if (!Double.isFinite(z)) {
                z = Math.copySign(Double.MAX_VALUE, estimate);
            }
        } else {
            z = estimate == 0 ? 0 : Math.copySign(Double.MAX_VALUE, estimate);
        }
        double p = estimate == 0 && standardError == 0 ? 1 : ConfidenceInterval.twoSidedPValue(z);
        return new Difference(estimate, standardError, z, p,
                ConfidenceInterval.normal(estimate, standardError, confidence));
    }
}
