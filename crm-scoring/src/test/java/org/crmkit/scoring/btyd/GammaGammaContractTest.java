package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.contract.BtydModelContractTest;

/** {@link BtydModelContractTest} for Gamma-Gamma on seeded simulated spend. */
class GammaGammaContractTest extends BtydModelContractTest<GammaGamma> {

    @Override
    protected BtydModel<GammaGamma> model() {
        return GammaGamma.model();
    }

    @Override
    protected BtydData data() {
        double[] ages = new double[400];
        java.util.Arrays.fill(ages, 39);
        SimulatedCohort cohort = BgNbd.of(0.5, 4, 0.8, 2.5).simulate(ages, 0, 3);
        double[] m = GammaGamma.of(6, 4, 15).simulateMeanSpend(cohort.frequency(), 5);
        return BtydData.withMonetary(cohort.frequency(), cohort.recency(), cohort.age(), m);
    }

    @Override
    protected List<double[]> parameterPoints() {
        return List.of(new double[] {6, 4, 15}, new double[] {0.5, 1.5, 100}, new double[] {40, 0.2, 0.01});
    }
}
