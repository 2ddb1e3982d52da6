package org.crmkit.scoring.btyd.internal;

import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.BtydModel;

/**
 * The BG/BB model as a {@link BtydModel} service provider, delegating to
 * {@link BgBb#model()}; users reach it through that method or
 * {@code BtydModels.byName("bg-bb")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class BgBbModel extends ModelProvider<BgBb> {

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public BgBbModel() {
        super(BgBb.model());
    }
}
