package org.crmkit.scoring.btyd.internal;

import java.util.List;
import org.crmkit.scoring.btyd.MbgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;

/**
 * The MBG/NBD model as a {@link BtydModel} service provider; users reach it through
 * {@link MbgNbd#model()} or {@code BtydModels.byName("mbg-nbd")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class MbgNbdModel implements BtydModel<MbgNbd> {

    private static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public MbgNbdModel() {
    }

    @Override
    public String name() {
        return MbgNbd.NAME;
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        return BetaGeometricNbd.logLikelihood(parameters, data, gradient, true);
    }

    @Override
    public List<double[]> startingPoints(BtydData data) {
        return BetaGeometricNbd.startingPoints(data);
    }

    @Override
    public MbgNbd withParameters(double[] parameters) {
        ModelSupport.requireLength(name(), parameters, 4);
        return MbgNbd.of(parameters[0], parameters[1], parameters[2], parameters[3]);
    }

    @Override
    public String toString() {
        return name();
    }
}
