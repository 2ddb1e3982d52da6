package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.contract.BtydModelContractTest;

/** {@link BtydModelContractTest} for Pareto/NBD on a seeded simulated cohort. */
class ParetoNbdContractTest extends BtydModelContractTest<ParetoNbd> {

    @Override
    protected BtydModel<ParetoNbd> model() {
        return ParetoNbd.model();
    }

    @Override
    protected BtydData data() {
        double[] ages = new double[300];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 20 + i % 30;
        }
        return ParetoNbd.of(0.55, 10.6, 0.6, 11.7).simulate(ages, 0, 7).calibration();
    }

    @Override
    protected List<double[]> parameterPoints() {
        return List.of(new double[] {0.55, 10.6, 0.6, 11.7}, new double[] {2, 0.5, 3, 0.4},
                new double[] {0.01, 100, 0.05, 30}, new double[] {1.2, 1e-3, 0.8, 500});
    }
}
