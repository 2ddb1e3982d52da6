package org.crmkit.scoring.btyd.internal;

import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.MbgNbd;

/**
 * The MBG/NBD model as a {@link BtydModel} service provider; users reach it through
 * {@link MbgNbd#model()} or {@code BtydModels.byName("mbg-nbd")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class MbgNbdModel extends BetaGeometricSpecification<MbgNbd> {

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public MbgNbdModel() {
        super(MbgNbd.NAME, true);
    }

    @Override
    protected MbgNbd create(double[] parameters) {
        return MbgNbd.of(parameters[0], parameters[1], parameters[2], parameters[3]);
    }
}
