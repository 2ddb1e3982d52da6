package org.crmkit.scoring.btyd.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Small checks and conversions shared by the built-in models.
 *
 * <p>Thread-safe: stateless.
 */
public final class ModelSupport {

    private ModelSupport() {
    }

    /**
     * Checks the length of a parameter array.
     *
     * @param model the model name for the message
     * @param parameters the array
     * @param expected the expected length
     * @throws IllegalArgumentException if the length differs
     */
    public static void requireLength(String model, double[] parameters, int expected) {
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.length != expected) {
            throw new IllegalArgumentException(model + " has " + expected + " parameters, got "
                    + parameters.length);
        }
    }

    /**
     * Checks that a model parameter is positive and finite.
     *
     * @param name the parameter name for the message
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException if the value is not positive and finite
     */
    public static double requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("parameter " + name + " = " + value
                    + " is not a positive finite number");
        }
        return value;
    }

    /**
     * Checks the number of purchases of a P(X = n) query.
     *
     * @param n the number of purchases
     * @throws IllegalArgumentException if it is negative
     */
    public static void requirePurchaseCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of purchases " + n + " is negative");
        }
    }

    /**
     * Checks the window of a continuous-time P(X = n) query.
     *
     * @param t the window
     * @throws IllegalArgumentException if it is not positive and finite
     */
    public static void requirePositiveWindow(double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("window t " + t + " is not positive and finite");
        }
    }

    /**
     * Checks the horizon and rate of a discounted sum over whole periods.
     *
     * @param periods the number of periods
     * @param discountRate the discount rate per period
     * @throws IllegalArgumentException if periods is negative or the rate is negative or
     *     not finite
     */
    public static void requireDiscounting(int periods, double discountRate) {
        if (periods < 0) {
            throw new IllegalArgumentException("periods " + periods + " is negative");
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("discount rate " + discountRate + " is invalid");
        }
    }

    /**
     * Builds an ordered unmodifiable parameter map.
     *
     * @param names the names
     * @param values the values
     * @return the map
     */
    public static Map<String, Double> parameterMap(List<String> names, double... values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(names.get(i), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }
}
