package org.crmkit.scoring.btyd.internal;

import java.util.List;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.ParameterTransform;
import org.crmkit.scoring.btyd.ParetoNbd;

/**
 * The Pareto/NBD model as a {@link BtydModel} service provider, delegating to
 * {@link ParetoNbd#model()}; users reach it through that method or
 * {@code BtydModels.byName("pareto-nbd")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class ParetoNbdModel implements BtydModel<ParetoNbd> {

    private final BtydModel<ParetoNbd> delegate = ParetoNbd.model();

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public ParetoNbdModel() {
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<String> parameterNames() {
        return delegate.parameterNames();
    }

    @Override
    public List<ParameterTransform> transforms() {
        return delegate.transforms();
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        return delegate.logLikelihood(parameters, data, gradient);
    }

    @Override
    public List<double[]> startingPoints(BtydData data) {
        return delegate.startingPoints(data);
    }

    @Override
    public ParetoNbd withParameters(double[] parameters) {
        return delegate.withParameters(parameters);
    }

    @Override
    public String toString() {
        return name();
    }
}
