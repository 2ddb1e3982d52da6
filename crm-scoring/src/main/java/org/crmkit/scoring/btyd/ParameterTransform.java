package org.crmkit.scoring.btyd;

/**
 * How the fitter maps a bounded model parameter to the unbounded scale it optimises on.
 *
 * <p>The fitter searches over {@code theta} in R; the parameter is
 * {@code toParameter(theta)}. Standard errors are carried back to the parameter scale by
 * the delta method with {@link #derivative(double)}.
 *
 * <pre>{@code
 * double alpha = ParameterTransform.POSITIVE.toParameter(Math.log(4.4)); // 4.4
 * }</pre>
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum ParameterTransform {
    /** A parameter in (0, infinity), optimised as its logarithm. */
    POSITIVE {
        @Override
        public double toParameter(double theta) {
            return Math.exp(theta);
        }

        @Override
        public double toUnbounded(double parameter) {
            return Math.log(parameter);
        }

        @Override
        public double derivative(double theta) {
            return Math.exp(theta);
        }
    },
    /** A parameter in (0, 1), optimised as its logit. */
    UNIT_INTERVAL {
        @Override
        public double toParameter(double theta) {
            return 1 / (1 + Math.exp(-theta));
        }

        @Override
        public double toUnbounded(double parameter) {
            return Math.log(parameter / (1 - parameter));
        }

        @Override
        public double derivative(double theta) {
            double p = toParameter(theta);
            return p * (1 - p);
        }
    },
    /** An unbounded parameter, optimised as it is. */
    REAL {
        @Override
        public double toParameter(double theta) {
            return theta;
        }

        @Override
        public double toUnbounded(double parameter) {
            return parameter;
        }

        @Override
        public double derivative(double theta) {
            return 1;
        }
    };

    /**
     * Maps the unbounded value to the parameter.
     *
     * @param theta the unbounded value
     * @return the parameter value
     */
    public abstract double toParameter(double theta);

    /**
     * Maps a parameter value to the unbounded scale.
     *
     * @param parameter the parameter value, inside the bounds
     * @return the unbounded value
     */
    public abstract double toUnbounded(double parameter);

    /**
     * Returns {@code d parameter / d theta} at {@code theta}.
     *
     * @param theta the unbounded value
     * @return the derivative of {@link #toParameter(double)}
     */
    public abstract double derivative(double theta);

    /**
     * Returns whether {@code parameter} lies inside the bounds.
     *
     * @param parameter the value to check
     * @return true if finite and inside the bounds
     */
    public boolean contains(double parameter) {
        if (!Double.isFinite(parameter)) {
            return false;
        }
        switch (this) {
            case POSITIVE:
                return parameter > 0;
            case UNIT_INTERVAL:
                return parameter > 0 && parameter < 1;
            default:
                return true;
        }
    }
}
