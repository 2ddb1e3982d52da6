package org.crmkit.scoring.btyd.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.scoring.btyd.BtydData;

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
     * Checks one history of a bulk call as {@link BtydData#validateRow} does, naming the
     * row: a branch-free test of the usual case first, the full check (and its message)
     * only when that test fails.
     *
     * @param row the row index for the message
     * @param x frequency
     * @param tx recency
     * @param t age T
     * @throws IllegalArgumentException naming the row, field and value when invalid
     */
    public static void requireHistory(int row, double x, double tx, double t) {
        boolean usual = x >= 0 & x <= Double.MAX_VALUE & x == Math.rint(x) & tx >= 0 & tx <= t
                & t > 0 & t <= Double.MAX_VALUE & (x > 0) == (tx > 0);
        if (!usual) {
            BtydData.validateRow(row, x, tx, t, 0, 1);
        }
    }

    /**
     * Returns {@code ln(1 + u)} for {@code u >= 0}: {@link Math#log} (an intrinsic) where
     * that is as accurate, {@link Math#log1p} (several times slower) near zero.
     *
     * @param u the argument, {@code >= 0}
     * @return {@code ln(1 + u)}
     */
    public static double log1p(double u) {
        return u >= 0.25 ? Math.log(1.0 + u) : Math.log1p(u);
    }

    /**
     * Returns {@code e^v - 1}: {@link Math#exp} where that is as accurate, {@link Math#expm1}
     * near zero.
     *
     * @param v the argument
     * @return {@code e^v - 1}
     */
    public static double expm1(double v) {
        return Math.abs(v) >= 0.25 ? Math.exp(v) - 1.0 : Math.expm1(v);
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
    public static void requireDiscounting(long periods, double discountRate) {
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
