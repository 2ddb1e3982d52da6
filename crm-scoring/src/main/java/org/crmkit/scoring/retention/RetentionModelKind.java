package org.crmkit.scoring.retention;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The retention models crmkit fits, with their JSON names and parameter names.
 *
 * <pre>{@code
 * RetentionModelKind kind = RetentionModelKind.parse("bdw");
 * }</pre>
 */
public enum RetentionModelKind {
    /** The shifted beta-geometric model, {@link ShiftedBetaGeometric}. */
    SBG("sbg", List.of("alpha", "beta")),
    /** The beta-discrete-Weibull model, {@link BetaDiscreteWeibull}. */
    BDW("bdw", List.of("gamma", "delta", "c"));

    private final String modelName;
    private final List<String> parameterNames;

    RetentionModelKind(String modelName, List<String> parameterNames) {
        this.modelName = modelName;
        this.parameterNames = parameterNames;
    }

    /**
     * Returns the name used in JSON and on the command line.
     *
     * @return {@code sbg} or {@code bdw}, never null
     */
    public String modelName() {
        return modelName;
    }

    /**
     * Returns the parameter names in the model's order.
     *
     * @return an unmodifiable list, never null
     */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * Builds the model of this kind from parameters in {@link #parameterNames()} order.
     *
     * @param values the parameters, not null, of the right length
     * @return the model, never null
     * @throws IllegalArgumentException if the length is wrong or a value is not positive and finite
     */
    public RetentionModel create(double... values) {
        Objects.requireNonNull(values, "values");
        if (values.length != parameterNames.size()) {
            throw new IllegalArgumentException(modelName + " has " + parameterNames.size() + " parameters "
                    + parameterNames + ", got " + values.length);
        }
        return this == SBG ? ShiftedBetaGeometric.of(values[0], values[1])
                : BetaDiscreteWeibull.of(values[0], values[1], values[2]);
    }

    /**
     * Returns the kind of a model name, ignoring case.
     *
     * @param name {@code sbg} or {@code bdw}, not null
     * @return the kind, never null
     * @throws IllegalArgumentException if the name is neither
     */
    public static RetentionModelKind parse(String name) {
        Objects.requireNonNull(name, "name");
        for (RetentionModelKind k : values()) {
            if (k.modelName.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown retention model \"" + name + "\"; expected sbg or bdw");
    }
}
