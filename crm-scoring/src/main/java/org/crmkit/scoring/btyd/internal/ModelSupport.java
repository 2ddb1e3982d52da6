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
