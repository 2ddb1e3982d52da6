package org.crmkit.scoring.btyd.internal;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.FittedModel;

/**
 * The naming, parameter checks and construction that every built-in model specification
 * shares; subclasses add the likelihood, the starting points and the factory call.
 *
 * <p>Thread-safe: immutable.
 *
 * @param <M> the fitted model type
 */
public abstract class ModelSpecification<M extends FittedModel> implements BtydModel<M> {

    private final String name;
    private final List<String> parameterNames;

    /**
     * Creates the specification.
     *
     * @param name the model name
     * @param parameterNames the parameter names in order, immutable
     */
    protected ModelSpecification(String name, List<String> parameterNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.parameterNames = Objects.requireNonNull(parameterNames, "parameterNames");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * Checks that the parameter vector has one value per name and that each is positive
     * and finite.
     *
     * @param parameters the parameter vector
     * @throws IllegalArgumentException naming the first bad parameter
     */
    protected final void requirePositiveParameters(double[] parameters) {
        ModelSupport.requireLength(name, parameters, parameterNames.size());
        for (int i = 0; i < parameters.length; i++) {
            ModelSupport.requirePositive(parameterNames.get(i), parameters[i]);
        }
    }

    /**
     * {@inheritDoc} Here: the four-argument form on {@link Parallelism#defaults()}. A subclass
     * overrides at least one of the two forms (the built-in models that evaluate in chunks
     * override the four-argument form, which {@link BtydModel} otherwise sends here).
     */
    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        return logLikelihood(parameters, data, gradient, Parallelism.defaults());
    }

    @Override
    public final M withParameters(double[] parameters) {
        ModelSupport.requireLength(name, parameters, parameterNames.size());
        return create(parameters);
    }

    /**
     * Creates the model from a vector of the right length.
     *
     * @param parameters the values, one per name
     * @return the model
     */
    protected abstract M create(double[] parameters);

    @Override
    public final String toString() {
        return name;
    }
}
