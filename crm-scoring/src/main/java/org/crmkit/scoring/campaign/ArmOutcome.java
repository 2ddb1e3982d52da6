package org.crmkit.scoring.campaign;

import java.util.Objects;

/**
 * What happened in one arm of a campaign (the targets, or the control group): how many
 * customers, how many responded, and the sum and sum of squares of the value per
 * customer (revenue or margin in the outcome window, 0 for those who bought nothing).
 *
 * <pre>{@code
 * ArmOutcome.Accumulator acc = ArmOutcome.accumulator();
 * acc.add(true, 42.0);      // a responder worth 42
 * acc.add(false, 0);
 * ArmOutcome arm = acc.snapshot();
 * arm.responseRate();       // 0.5
 * arm.valuePerCustomer();   // 21.0
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@link Accumulator} is mutable and not thread-safe.
 *
 * @param n the number of customers, not negative
 * @param responders the number who responded, 0..n
 * @param valueSum the sum of the value over the customers, finite
 * @param valueSumOfSquares the sum of the squared values, finite, not negative
 */
public record ArmOutcome(long n, long responders, double valueSum, double valueSumOfSquares) {
    /**
     * Validates the components.
     *
     * @param n see the record component
     * @param responders see the record component
     * @param valueSum see the record component
     * @param valueSumOfSquares see the record component
     * @throws IllegalArgumentException if a component is out of range
     */
    public ArmOutcome {
        if (n < 0 || responders < 0 || responders > n || !Double.isFinite(valueSum)
                || !Double.isFinite(valueSumOfSquares) || valueSumOfSquares < 0) {
            throw new IllegalArgumentException("invalid arm: n " + n + ", responders " + responders
                    + ", value sum " + valueSum + ", sum of squares " + valueSumOfSquares);
        }
    }

    /**
     * Returns an empty accumulator.
     *
     * @return the accumulator, never null
     */
    public static Accumulator accumulator() {
        return new Accumulator();
    }

    /**
     * Tallies per-customer outcomes.
     *
     * @param responded whether each customer responded, not null
     * @param value each customer's value, not null, same length, finite
     * @return the outcome, never null
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public static ArmOutcome of(boolean[] responded, double[] value) {
        Objects.requireNonNull(responded, "responded");
        Objects.requireNonNull(value, "value");
        if (responded.length != value.length) {
            throw new IllegalArgumentException("lengths differ: " + responded.length + ", " + value.length);
        }
        Accumulator acc = new Accumulator();
        for (int i = 0; i < value.length; i++) {
            acc.add(responded[i], value[i]);
        }
        return acc.snapshot();
    }

    /**
     * Returns the share of customers who responded, 0 for an empty arm.
     *
     * @return the response rate in [0, 1]
     */
    public double responseRate() {
        return n == 0 ? 0 : (double) responders / n;
    }

    /**
     * Returns the mean value per customer, 0 for an empty arm.
     *
     * @return the mean value
     */
    public double valuePerCustomer() {
        return n == 0 ? 0 : valueSum / n;
    }

    /**
     * Returns the sample variance of the value per customer ({@code n - 1} in the
     * denominator), 0 for fewer than two customers.
     *
     * @return the variance, not negative
     */
    public double valueVariance() {
        if (n < 2) {
            return 0;
        }
        double mean = valueSum / n;
        return Math.max(0, (valueSumOfSquares - n * mean * mean) / (n - 1));
    }

    /**
     * Pools two arms.
     *
     * @param other the other arm, not null
     * @return the pooled outcome, never null
     */
    public ArmOutcome plus(ArmOutcome other) {
        Objects.requireNonNull(other, "other");
        return new ArmOutcome(n + other.n, responders + other.responders, valueSum + other.valueSum,
                valueSumOfSquares + other.valueSumOfSquares);
    }

    /**
     * Adds customers' outcomes one at a time. Mutable and not thread-safe.
     */
    public static final class Accumulator {
        private long n;
        private long responders;
        private double sum;
        private double sumSquares;

        private Accumulator() {
        }

        /**
         * Adds one customer.
         *
         * @param responded whether the customer responded
         * @param value the customer's value, finite
         * @return this accumulator
         * @throws IllegalArgumentException if the value is not finite
         */
        public Accumulator add(boolean responded, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value must be finite: " + value);
            }
            n++;
            if (responded) {
                responders++;
            }
            sum += value;
            sumSquares += value * value;
            return this;
        }

        /**
         * Returns what was added so far.
         *
         * @return the outcome, never null
         */
        public ArmOutcome snapshot() {
            return new ArmOutcome(n, responders, sum, sumSquares);
        }
    }
}
