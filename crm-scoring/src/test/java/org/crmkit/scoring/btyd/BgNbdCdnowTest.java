package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * BG/NBD on the CDNOW sample (2,357 customers, 39-week calibration) against the estimates
 * published by Fader, Hardie and Lee (2005), "'Counting your customers' the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284: r = 0.243,
 * alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4 (the section, page and table of the
 * paper that report them are not cited because they could not be checked). CLVTools'
 * correctness test (tests/testthat/test_correctness_bgnbd.R) checks the same four values
 * and LL "as reported in Fader, Hardie, Lee (2005)" and gets r = 0.2425945,
 * alpha = 4.4136019, a = 0.7929199, b = 2.4258881, LL = -9582.429 itself; lifetimes'
 * test_params_out_is_close_to_Hardie_paper checks the four values to 3 decimals.
 */
class BgNbdCdnowTest {

    @Test
    void fit_cdnowSample_matchesPublishedEstimates() {
        Cdnow cdnow = Cdnow.load();
        FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), cdnow.data());

        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.customers()).isEqualTo(2357);
        // 3 significant digits
        assertThat(fit.parameters().get("r")).isCloseTo(0.243, within(0.0005));
        assertThat(fit.parameters().get("alpha")).isCloseTo(4.414, within(0.005));
        assertThat(fit.parameters().get("a")).isCloseTo(0.793, within(0.0005));
        assertThat(fit.parameters().get("b")).isCloseTo(2.426, within(0.005));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
        assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "a", "b");
        assertThat(fit.aic()).isCloseTo(2 * 4 + 2 * 9582.4, within(0.1));
        assertThat(fit.bic()).isCloseTo(4 * Math.log(2357) + 2 * 9582.4, within(0.1));
    }
}
