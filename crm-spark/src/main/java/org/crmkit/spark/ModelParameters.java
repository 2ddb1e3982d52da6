package org.crmkit.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.BtydModels;
import org.crmkit.scoring.btyd.FittedModel;

/**
 * A fitted model as what a Spark task needs to rebuild it: the model's name and its
 * parameter values in the order of {@link BtydModel#parameterNames()}. The fitted models
 * themselves need not be serialisable; this small value is broadcast and each executor
 * rebuilds the model through {@link BtydModels}, so a plug-in model must be on the
 * executors' class path.
 *
 * <pre>{@code
 * ModelParameters p = ModelParameters.of(BgNbd.of(0.243, 4.414, 0.793, 2.426));
 * FittedModel again = p.rebuild();   // equal parameters, on any JVM
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@code equals} compares the doubles exactly.
 *
 * @param name the model name, a key of {@link BtydModels}
 * @param values the parameter values in the model's order, copied
 */
public record ModelParameters(String name, double[] values) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if an argument is null
     */
    public ModelParameters {
        Objects.requireNonNull(name, "name");
        values = Objects.requireNonNull(values, "values").clone();
    }

    /**
     * Returns the name and parameters of a fitted model.
     *
     * @param model the fitted model, not null
     * @return the value, never null
     * @throws IllegalArgumentException if no model of that name is known to {@link BtydModels}
     */
    public static ModelParameters of(FittedModel model) {
        Objects.requireNonNull(model, "model");
        BtydModel<?> spec = BtydModels.require(model.modelName());
        Map<String, Double> p = model.parameters();
        double[] v = spec.parameterNames().stream().mapToDouble(p::get).toArray();
        return new ModelParameters(model.modelName(), v);
    }

    /**
     * Rebuilds the fitted model on this JVM.
     *
     * @return the model, never null
     * @throws IllegalArgumentException if the model is unknown here or a value is out of bounds
     */
    public FittedModel rebuild() {
        return BtydModels.require(name).withParameters(values);
    }

    /**
     * Returns the parameter values.
     *
     * @return a copy, never null
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelParameters m && m.name.equals(name) && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    /**
     * Returns the format {@code bg-nbd[0.243, 4.414, 0.793, 2.426]}.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return name + Arrays.toString(values);
    }
}
