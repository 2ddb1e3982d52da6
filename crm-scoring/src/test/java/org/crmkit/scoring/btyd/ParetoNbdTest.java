package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoNbdTest {

    private static final ParetoNbd CDNOW = ParetoNbd.of(0.553, 10.578, 0.606, 11.669);

    /**
     * Fader, Hardie &amp; Lee (2005), Marketing Science 24(2), Pareto/NBD on the CDNOW sample:
     * r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0 (as quoted by
     * CLVTools' tests/testthat/test_correctness_pnbd.R and lifetimes'
     * test_params_out_is_close_to_Hardie_paper; section, page and table not checked). The
     * LL is compared with -9594.98, the unrounded optimum (CLVTools' own fit: r = 0.55315,
     * alpha = 10.57633, s = 0.60625, beta = 11.67150, LL = -9594.976).
     */
    @Test
    void fit_cdnowSample_matchesPublishedEstimates() {
        Cdnow cdnow = Cdnow.load();
        FitResult<ParetoNbd> fit = BtydFitter.standard().fit(ParetoNbd.model(), cdnow.data());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.parameters().get("r")).isCloseTo(0.553, within(0.0005));
        assertThat(fit.parameters().get("alpha")).isCloseTo(10.578, within(0.005));
        assertThat(fit.parameters().get("s")).isCloseTo(0.606, within(0.0005));
        assertThat(fit.parameters().get("beta")).isCloseTo(11.669, within(0.05));
        assertThat(fit.logLikelihood()).isCloseTo(-9594.98, within(0.01));
        assertThat(fit.customers()).isEqualTo(2357.0);
        // standard errors from an independent implementation: CLVTools' correctness test
        // (tests/testthat/test_correctness_pnbd.R) gives 0.0476264, 0.8427222, 0.1872594, 6.2105448
        assertThat(fit.standardErrors().get("r")).isCloseTo(0.0476264, within(0.0005));
        assertThat(fit.standardErrors().get("alpha")).isCloseTo(0.8427222, within(0.008));
        assertThat(fit.standardErrors().get("s")).isCloseTo(0.1872594, within(0.002));
        assertThat(fit.standardErrors().get("beta")).isCloseTo(6.2105448, within(0.06));
        // loading the stored fit back gives identical predictions
        ParetoNbd loaded = BtydModelJson.read(BtydModelJson.write(fit, "weeks")).as(ParetoNbd.model());
        assertThat(loaded.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
                .isEqualTo(fit.model().conditionalExpectedPurchases(39, 2, 30.43, 38.86));
    }

    @Test
    void fit_simulated50000Customers_recoversParametersWithin3StandardErrors() {
        Random random = new Random(77);
        double[] ages = new double[50_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 13 + 39 * random.nextDouble();
        }
        ParetoNbd truth = ParetoNbd.of(0.6, 8, 0.8, 12);
        FitResult<ParetoNbd> fit = BtydFitter.standard().fit(ParetoNbd.model(),
                truth.simulate(ages, 0, 5).calibration());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        for (String name : truth.parameters().keySet()) {
            assertThat(fit.parameters().get(name)).as(name)
                    .isCloseTo(truth.parameters().get(name), within(3 * fit.standardErrors().get(name)));
        }
    }

    /** The conditional distribution of future purchases sums to one with the right mean. */
    @Test
    void conditionalProbabilityOfPurchases_isADistributionWithConditionalMean() {
        double total = 0;
        double mean = 0;
        for (int n = 0; n <= 400; n++) {
            double p = CDNOW.conditionalProbabilityOfPurchases(n, 39, 3, 25, 38);
            total += p;
            mean += n * p;
        }
        assertThat(total).isCloseTo(1, within(1e-10));
        assertThat(mean).isCloseTo(CDNOW.conditionalExpectedPurchases(39, 3, 25, 38), within(1e-9));
    }

    /** The per-period discounting of PurchaseModel, here in one pass, equals the generic sum. */
    @Test
    void discountedExpectedPurchases_matchesPerPeriodDefinition() {
        double expected = 0;
        double previous = 0;
        for (int k = 1; k <= 104; k++) {
            double cumulative = CDNOW.conditionalExpectedPurchases(k, 2, 30.43, 38.86);
            expected += (cumulative - previous) / Math.pow(1.01, k);
            previous = cumulative;
        }
        assertThat(CDNOW.discountedExpectedPurchases(104, 0.01, 2, 30.43, 38.86)).isCloseTo(expected, within(1e-12));
        // continuous discounting at the equivalent force of interest is slightly larger
        assertThat(CDNOW.discountedResidualPurchases(104, 0.01, 2, 30.43, 38.86)).isBetween(expected, expected * 1.01);
    }

    @Test
    void predictions_invalidInput_isRejectedWithTheValue() {
        assertThatThrownBy(() -> ParetoNbd.of(0.5, -1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha").hasMessageContaining("-1");
        assertThatThrownBy(() -> CDNOW.probabilityAlive(2, 40, 38)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40");
        assertThatThrownBy(() -> CDNOW.conditionalExpectedPurchases(Double.NaN, 2, 30, 38))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> CDNOW.discountedResidualPurchases(Double.POSITIVE_INFINITY, 0, 2, 30, 38))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discount");
        assertThatThrownBy(() -> CDNOW.probabilityOfPurchases(-1, 39)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void registry_andJson_knowParetoNbd() {
        assertThat(BtydModels.require("pareto-nbd").parameterNames()).containsExactly("r", "alpha", "s", "beta");
        String typedIn = "{\"model\":\"pareto-nbd\",\"parameters\":{\"r\":0.553,\"alpha\":10.578,\"s\":0.606,\"beta\":11.669}}";
        assertThat(BtydModelJson.read(typedIn).toModel()).isEqualTo(CDNOW);
    }
}
