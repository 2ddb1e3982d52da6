package org.crmkit.consumertest.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.crmkit.scoring.btyd.BgNbd;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.BtydModels;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.crmkit.scoring.btyd.contract.BtydModelContractTest;
import org.junit.jupiter.api.Test;

/**
 * How a plug-in author tests a model: extend the published contract test (crm-scoring's test jar)
 * and supply the model, a little data and a few parameter points; the contract's tests run as
 * this class's own.
 */
class PoissonRateContractTest extends BtydModelContractTest<PoissonRate> {

    @Override
    protected BtydModel<PoissonRate> model() {
        return new PoissonRateModel();
    }

    @Override
    protected BtydData data() {
        double[] ages = new double[300];
        java.util.Arrays.fill(ages, 52);
        SimulatedCohort cohort = BgNbd.of(0.5, 4, 0.8, 2.5).simulate(ages, 0, 11);
        return BtydData.of(cohort.frequency(), cohort.recency(), cohort.age());
    }

    @Override
    protected List<double[]> parameterPoints() {
        return List.of(new double[] {0.05}, new double[] {2.5}, new double[] {1e-3});
    }

    @Test
    void fit_findsTheClosedFormRate() {
        double[] x = {0, 3, 10, 1};
        double[] tx = {0, 20, 50, 5};
        double[] t = {30, 40, 52, 10};
        FitResult<PoissonRate> fit = BtydFitter.standard().fit(new PoissonRateModel(), BtydData.of(x, tx, t));
        assertThat(fit.converged()).isTrue();
        // sum(x) / sum(T) = 14 / 132, worked by hand
        assertThat(fit.model().lambda()).isCloseTo(14.0 / 132, within(1e-6));
    }

    @Test
    void registry_listsThePlugInBesideTheBuiltInModels() {
        assertThat(BtydModels.all()).extracting(BtydModel::name).contains("poisson-rate", "bg-nbd", "gamma-gamma");
    }
}
