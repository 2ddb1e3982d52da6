package org.crmkit.scoring.btyd.internal;

import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydModel;

/**
 * The BG/NBD model as a {@link BtydModel} service provider; users reach it through
 * {@link BgNbd#model()} or {@code BtydModels.byName("bg-nbd")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class BgNbdModel extends BetaGeometricSpecification<BgNbd> {

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public BgNbdModel() {
        super(BgNbd.NAME, false);
    }

    @Override
    protected BgNbd create(double[] parameters) {
        return BgNbd.of(parameters[0], parameters[1], parameters[2], parameters[3]);
    }
}
