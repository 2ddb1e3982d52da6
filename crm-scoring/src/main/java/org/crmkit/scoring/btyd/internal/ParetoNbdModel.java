package org.crmkit.scoring.btyd.internal;

import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.ParetoNbd;

/**
 * The Pareto/NBD model as a {@link BtydModel} service provider, delegating to
 * {@link ParetoNbd#model()}; users reach it through that method or
 * {@code BtydModels.byName("pareto-nbd")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class ParetoNbdModel extends ModelProvider<ParetoNbd> {

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public ParetoNbdModel() {
        super(ParetoNbd.model());
    }
}
