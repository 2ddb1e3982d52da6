package org.crmkit.scoring.btyd.internal;

import java.util.List;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.ParameterTransform;

/**
 * A {@link java.util.ServiceLoader} provider that forwards to a specification kept
 * package-private in {@code org.crmkit.scoring.btyd}, which ServiceLoader cannot
 * instantiate itself.
 *
 * <p>Thread-safe: stateless apart from the immutable delegate.
 *
 * @param <M> the fitted model type
 */
abstract class ModelProvider<M extends FittedModel> implements BtydModel<M> {

    private final BtydModel<M> delegate;

    ModelProvider(BtydModel<M> delegate) {
        this.delegate = delegate;
    }

    @Override
    public final String name() {
        return delegate.name();
    }

    @Override
    public final List<String> parameterNames() {
        return delegate.parameterNames();
    }

    @Override
    public final List<ParameterTransform> transforms() {
        return delegate.transforms();
    }

    @Override
    public final double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        return delegate.logLikelihood(parameters, data, gradient);
    }

    @Override
    public final List<double[]> startingPoints(BtydData data) {
        return delegate.startingPoints(data);
    }

    @Override
    public final M withParameters(double[] parameters) {
        return delegate.withParameters(parameters);
    }

    @Override
    public final String toString() {
        return name();
    }
}
