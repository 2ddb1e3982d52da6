package org.crmkit.scoring.btyd;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.crmkit.scoring.btyd.internal.ModelSupport;

/**
 * The parameter vector of a built-in model and the value semantics that follow from it:
 * validation, the named parameter map, {@code equals}, {@code hashCode} and
 * {@code toString}. Subclasses keep their own scalar copies for the formulas; this vector
 * serves only identity and reporting, never a likelihood or prediction loop.
 *
 * <p>Instances are immutable and thread-safe.
 */
abstract class ParametricModel {

    private final BtydModel<?> specification;
    private final double[] values;

    /**
     * Validates and stores the parameters.
     *
     * @param specification the model's specification, naming the parameters in order
     * @param values the parameters in the order of {@link BtydModel#parameterNames()}
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    ParametricModel(BtydModel<?> specification, double... values) {
        List<String> names = specification.parameterNames();
        for (int i = 0; i < values.length; i++) {
            ModelSupport.requirePositive(names.get(i), values[i]);
        }
        this.specification = specification;
        this.values = values;
    }

    /**
     * Returns the model name of the specification, as {@link FittedModel#modelName()}.
     *
     * @return the name, never null
     */
    public final String modelName() {
        return specification.name();
    }

    /**
     * Returns the parameters by name in the specification's order, as
     * {@link FittedModel#parameters()}.
     *
     * @return an unmodifiable ordered map, never null
     */
    public final Map<String, Double> parameters() {
        return ModelSupport.parameterMap(specification.parameterNames(), values);
    }

    /** The parameter values in order, for the subclasses' {@code parameterValues()}. */
    final List<Double> valueList() {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return List.of(boxed);
    }

    /**
     * Compares the model class and the parameter values exactly (as
     * {@link Arrays#equals(double[], double[])}).
     */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && Arrays.equals(values, ((ParametricModel) o).values);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(values);
    }

    /**
     * Returns the format {@code name{p1=.., p2=..}}, for example
     * {@code bg-nbd{r=0.243, alpha=4.414, a=0.793, b=2.426}}.
     *
     * @return the model and its parameters, never null
     */
    @Override
    public final String toString() {
        return modelName() + parameters();
    }
}
