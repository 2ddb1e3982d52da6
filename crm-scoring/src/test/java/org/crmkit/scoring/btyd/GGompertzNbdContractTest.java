package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.contract.BtydModelContractTest;

/** {@link BtydModelContractTest} for GGompertz/NBD on a seeded simulated cohort. */
class GGompertzNbdContractTest extends BtydModelContractTest<GGompertzNbd> {

    @Override
    protected BtydModel<GGompertzNbd> model() {
        return GGompertzNbd.model();
    }

    @Override
    protected BtydData data() {
        double[] ages = new double[300];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 20 + i % 30;
        }
        return GGompertzNbd.of(0.55, 10.6, 0.05, 0.6, 0.8).simulate(ages, 0, 7).calibration();
    }

    @Override
    protected List<double[]> parameterPoints() {
        return List.of(new double[] {0.55, 10.6, 0.05, 0.6, 0.8}, new double[] {2, 0.5, 1.5, 3, 40},
                new double[] {0.01, 100, 1e-4, 0.05, 0.01}, new double[] {1.2, 1e-3, 0.3, 0.8, 1e-3});
    }
}
