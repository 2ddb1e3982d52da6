package org.crmkit.scoring.btyd.internal;

import java.util.List;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;

/**
 * The BG/NBD model as a {@link BtydModel} service provider; users reach it through
 * {@link BgNbd#model()} or {@code BtydModels.byName("bg-nbd")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class BgNbdModel implements BtydModel<BgNbd> {

    private static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public BgNbdModel() {
    }

    @Override
    public String name() {
        return BgNbd.NAME;
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        return BetaGeometricNbd.logLikelihood(parameters, data, gradient, false);
    }

    @Override
    public List<double[]> startingPoints(BtydData data) {
        return BetaGeometricNbd.startingPoints(data);
    }

    @Override
    public BgNbd withParameters(double[] parameters) {
        ModelSupport.requireLength(name(), parameters, 4);
        return BgNbd.of(parameters[0], parameters[1], parameters[2], parameters[3]);
    }

    @Override
    public String toString() {
        return name();
    }
}
