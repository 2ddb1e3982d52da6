package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BgBbTest {

    private static final BgBb DONATIONS = BgBb.of(1.204, 0.750, 0.657, 2.783);

    private static BtydData donations() {
        double[][] rows = BtydTestData.csv("donations.csv");
        return BtydData.of(Arrays.stream(rows).mapToDouble(r -> r[0]).toArray(),
                Arrays.stream(rows).mapToDouble(r -> r[1]).toArray(),
                Arrays.stream(rows).mapToDouble(r -> r[2]).toArray(),
                Arrays.stream(rows).mapToDouble(r -> r[3]).toArray());
    }

    /**
     * Fader, Hardie &amp; Shang (2010), Marketing Science 29(6), 1086-1108, donations data
     * (11,104 donors in the data file, 6 annual opportunities): alpha = 1.204, beta = 0.750,
     * gamma = 0.657, delta = 2.783 (also checked by lifetimes'
     * test_params_out_is_close_to_Hardie_paper). LL = -33,225.6 is the value the authors of
     * this test quote from the paper; no independent source was found for it, and the
     * section/table of the paper is not cited because it could not be checked.
     */
    @Test
    void fit_donations_matchesPublishedEstimates() {
        FitResult<BgBb> fit = BtydFitter.standard().fit(BgBb.model(), donations());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.parameters().get("alpha")).isCloseTo(1.204, within(0.0005));
        assertThat(fit.parameters().get("beta")).isCloseTo(0.750, within(0.0005));
        assertThat(fit.parameters().get("gamma")).isCloseTo(0.657, within(0.0005));
        assertThat(fit.parameters().get("delta")).isCloseTo(2.783, within(0.0005));
        assertThat(fit.logLikelihood()).isCloseTo(-33_225.6, within(0.05));
        assertThat(fit.customers()).isEqualTo(11_104.0);
        BgBb loaded = BtydModelJson.read(BtydModelJson.write(fit, "years")).as(BgBb.model());
        assertThat(loaded.discountedExpectedResidualTransactions(0.1, 3, 5, 6))
                .isEqualTo(fit.model().discountedExpectedResidualTransactions(0.1, 3, 5, 6));
    }

    @Test
    void fit_simulated50000Customers_recoversParametersWithin3StandardErrors() {
        double[] opportunities = new double[50_000];
        for (int i = 0; i < opportunities.length; i++) {
            opportunities[i] = 4 + i % 7;
        }
        BgBb truth = BgBb.of(1.2, 0.75, 0.66, 2.8);
        FitResult<BgBb> fit = BtydFitter.standard().fit(BgBb.model(), truth.simulate(opportunities, 0, 11).calibration());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        for (String name : truth.parameters().keySet()) {
            assertThat(fit.parameters().get(name)).as(name)
                    .isCloseTo(truth.parameters().get(name), within(3 * fit.standardErrors().get(name)));
        }
    }

    /**
     * Two routes to the same number: the conditional distribution (posterior-updated
     * BG/BB) has the mean of eq. 13, and sums to one.
     */
    @Test
    void conditionalProbabilityOfPurchases_isADistributionWithConditionalMean() {
        double total = 0;
        double mean = 0;
        for (int k = 0; k <= 10; k++) {
            double p = DONATIONS.conditionalProbabilityOfPurchases(k, 10, 3, 5, 6);
            total += p;
            mean += k * p;
        }
        assertThat(total).isCloseTo(1, within(1e-12));
        assertThat(mean).isCloseTo(DONATIONS.conditionalExpectedPurchases(10, 3, 5, 6), within(1e-12));
    }

    @Test
    void probabilityAlive_isAliveAtLastOpportunityAndEq11IsOnePeriodLater() {
        assertThat(DONATIONS.probabilityAlive(4, 6, 6)).isEqualTo(1.0);
        assertThat(DONATIONS.probabilityAliveAt(1, 3, 5, 6))
                .isCloseTo(org.crmkit.scoring.btyd.internal.BgBbFormulas.probabilityAlive(1.204, 0.750, 0.657, 2.783, 3, 5, 6), within(1e-15));
        assertThat(DONATIONS.probabilityAliveAt(3, 3, 5, 6)).isLessThan(DONATIONS.probabilityAliveAt(1, 3, 5, 6));
    }

    /** Truncated per-period discounting converges to the closed-form DERT. */
    @Test
    void discountedExpectedPurchases_longHorizon_equalsDert() {
        assertThat(DONATIONS.discountedExpectedPurchases(2000, 0.1, 3, 5, 6))
                .isCloseTo(DONATIONS.discountedExpectedResidualTransactions(0.1, 3, 5, 6), within(1e-12));
    }

    @Test
    void invalidHistories_areRejected() {
        assertThatThrownBy(() -> DONATIONS.probabilityAlive(3, 2, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frequency 3.0 > recency 2.0");
        assertThatThrownBy(() -> DONATIONS.probabilityAlive(1, 1.5, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole");
        assertThatThrownBy(() -> DONATIONS.expectedPurchases(2.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.5");
        BtydData continuous = BtydData.of(new double[] {1}, new double[] {0.5}, new double[] {3});
        assertThatThrownBy(() -> BgBb.model().logLikelihood(new double[] {1, 1, 1, 1}, continuous, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
    }
}
