package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.contract.BtydModelContractTest;

/** {@link BtydModelContractTest} for BG/BB on a seeded simulated cohort. */
class BgBbContractTest extends BtydModelContractTest<BgBb> {

    @Override
    protected BtydModel<BgBb> model() {
        return BgBb.model();
    }

    @Override
    protected BtydData data() {
        double[] opportunities = new double[300];
        for (int i = 0; i < opportunities.length; i++) {
            opportunities[i] = 3 + i % 8;
        }
        return BgBb.of(1.2, 0.75, 0.66, 2.8).simulate(opportunities, 0, 7).calibration();
    }

    @Override
    protected List<double[]> parameterPoints() {
        return List.of(new double[] {1.2, 0.75, 0.66, 2.8}, new double[] {0.05, 3, 20, 0.4},
                new double[] {30, 10, 0.05, 0.1});
    }
}
