package org.crmkit.scoring.btyd.internal;

import java.util.List;
import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.ParameterTransform;

/**
 * The BG/BB model as a {@link BtydModel} service provider, delegating to
 * {@link BgBb#model()}; users reach it through that method or
 * {@code BtydModels.byName("bg-bb")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class BgBbModel implements BtydModel<BgBb> {

    private final BtydModel<BgBb> delegate = BgBb.model();

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public BgBbModel() {
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
    public BgBb withParameters(double[] parameters) {
        return delegate.withParameters(parameters);
    }

    @Override
    public String toString() {
        return name();
    }
}
