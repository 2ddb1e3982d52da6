package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Gamma-Gamma against the published CDNOW estimates and hand-derived values.
 *
 * <p>Fader and Hardie (2013), "The Gamma-Gamma model of monetary value"
 * (www.brucehardie.com/notes/025/), fit the model to the mean spend of the CDNOW sample
 * customers with repeat purchases in the 39-week calibration period: p = 6.25, q = 3.74,
 * gamma = 15.44, as quoted by CLVTools' tests/testthat/test_correctness_gg.R ("Parameter
 * estimates from Fader &amp; Hardie, 2013") and lifetimes'
 * test_params_out_is_close_to_Hardie_paper. The model is that of Fader, Hardie and Lee
 * (2005), JMR 42(4), 415-430; whether that paper prints the same three values was not
 * checked. lifetimes' README fits 946 subjects and prints p = 6.25, q = 3.74, v = 15.45.
 */
class GammaGammaTest {

    @Test
    void fit_cdnowRepeatCustomers_matchesPublishedEstimates() {
        Cdnow cdnow = Cdnow.load();
        BtydData data = BtydData.withMonetary(cdnow.x, cdnow.tx, cdnow.age, cdnow.zbar);
        FitResult<GammaGamma> fit = BtydFitter.standard().fit(GammaGamma.model(), data);
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(Arrays.stream(cdnow.x).filter(v -> v > 0).count()).isEqualTo(946);
        assertThat(fit.parameters().get("p")).isCloseTo(6.25, within(0.005));
        assertThat(fit.parameters().get("q")).isCloseTo(3.74, within(0.005));
        assertThat(fit.parameters().get("v")).isCloseTo(15.44, within(0.015));
    }

    @Test
    void conditionalExpectedSpend_matchesHandCalculation() {
        GammaGamma gg = GammaGamma.of(6.25, 3.74, 15.44);
        // (v + m x) p / (p x + q - 1) for x = 2, m = 22.35
        assertThat(gg.conditionalExpectedSpend(2, 22.35)).isCloseTo((15.44 + 44.7) * 6.25 / (12.5 + 2.74), within(1e-12));
        assertThat(gg.populationMeanSpend()).isCloseTo(15.44 * 6.25 / 2.74, within(1e-12));
        assertThat(gg.conditionalExpectedSpend(0, 0)).isEqualTo(gg.populationMeanSpend());
    }

    @Test
    void conditionalExpectedSpend_undefinedMean_isRejected() {
        assertThatThrownBy(() -> GammaGamma.of(1, 0.5, 1).populationMeanSpend())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("q = 0.5");
        assertThatThrownBy(() -> GammaGamma.of(1, 2, 1).conditionalExpectedSpend(1.5, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GammaGamma.of(1, 2, 1).conditionalExpectedSpend(2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monetary value 0.0");
    }

    @Test
    void logLikelihood_withoutMonetary_isRejected() {
        BtydData data = BtydData.of(new double[] {1}, new double[] {1}, new double[] {2});
        assertThatThrownBy(() -> GammaGamma.model().logLikelihood(new double[] {1, 2, 3}, data, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monetary");
    }

    @Test
    void lifetimeValue_isDiscountedPurchasesTimesSpend() {
        BgNbd bg = BgNbd.of(0.243, 4.414, 0.793, 2.426);
        GammaGamma gg = GammaGamma.of(6.25, 3.74, 15.44);
        double clv = gg.lifetimeValue(bg, 52, 0.01, 2, 30.43, 38.86, 22.35);
        assertThat(clv).isCloseTo(bg.discountedExpectedPurchases(52, 0.01, 2, 30.43, 38.86)
                * gg.conditionalExpectedSpend(2, 22.35), within(1e-9));
        assertThat(clv).isPositive();
    }

    @Test
    void fit_simulated50000Customers_recoversParametersWithin3StandardErrors() {
        Random random = new Random(5);
        double[] x = new double[50_000];
        double[] tx = new double[x.length];
        double[] age = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + random.nextInt(8);
            age[i] = 39;
            tx[i] = 1 + 37 * random.nextDouble();
        }
        GammaGamma truth = GammaGamma.of(5, 4, 20);
        double[] m = truth.simulateMeanSpend(x, 8);
        FitResult<GammaGamma> fit = BtydFitter.standard().fit(GammaGamma.model(), BtydData.withMonetary(x, tx, age, m));
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        for (String name : truth.parameters().keySet()) {
            assertThat(fit.parameters().get(name)).as(name)
                    .isCloseTo(truth.parameters().get(name), within(3 * fit.standardErrors().get(name)));
        }
    }
}
