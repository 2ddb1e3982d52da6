package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.contract.BtydModelContractTest;

/** {@link BtydModelContractTest} for MBG/NBD on a seeded simulated cohort. */
class MbgNbdContractTest extends BtydModelContractTest<MbgNbd> {

    @Override
    protected BtydModel<MbgNbd> model() {
        return MbgNbd.model();
    }

    @Override
    protected BtydData data() {
        double[] ages = new double[300];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 20 + i % 30;
        }
        return MbgNbd.of(0.3, 5, 0.8, 2.5).simulate(ages, 0, 7).calibration();
    }

    @Override
    protected List<double[]> parameterPoints() {
        return List.of(new double[] {0.3, 5, 0.8, 2.5}, new double[] {2, 0.5, 3, 0.4},
                new double[] {0.01, 100, 0.05, 30});
    }
}
