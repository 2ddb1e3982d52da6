package org.crmkit.scoring.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parameter recovery: data simulated from known parameters (seeded), 50,000 customers, fitted
 * back; every estimate within 3 standard errors of the truth.
 */
class RetentionRecoveryTest {

    private static void assertRecovered(RetentionFit fit, Map<String, Double> truth) {
        assertThat(fit.converged()).as(fit.convergence()).isTrue();
        truth.forEach((name, value) -> {
            double estimate = fit.model().parameters().get(name);
            double se = fit.standardErrors().get(name);
            assertThat(Math.abs(estimate - value)).as("%s: estimate %s, truth %s, se %s", name, estimate, value, se)
                    .isLessThanOrEqualTo(3 * se);
        });
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1.2, 11", "0.67, 3.8, 12", "2.5, 8.0, 13"})
    void sbg_singleCohort(double alpha, double beta, long seed) {
        SurvivalData data = SurvivalData.ofCurve(RetentionSimulation.cohort(alpha, beta, 1, 50_000, 8, seed));
        assertRecovered(RetentionFitter.fit(RetentionModelKind.SBG, data), Map.of("alpha", alpha, "beta", beta));
    }

    @ParameterizedTest
    @CsvSource({"0.6, 2.0, 1.4, 21", "0.8, 1.5, 0.7, 22", "1.5, 4.0, 1.0, 23"})
    void bdw_singleCohort(double gamma, double delta, double c, long seed) {
        SurvivalData data = SurvivalData.ofCurve(RetentionSimulation.cohort(gamma, delta, c, 50_000, 10, seed));
        assertRecovered(RetentionFitter.fit(RetentionModelKind.BDW, data),
                Map.of("gamma", gamma, "delta", delta, "c", c));
    }

    /** Cohorts acquired in successive periods, each observed for fewer periods: each right-censored at its end. */
    @Test
    void bdw_cohortsOfDifferentLengths() {
        SurvivalData.Builder b = SurvivalData.builder();
        for (int k = 0; k < 5; k++) {
            b.cohort("cohort " + k, RetentionSimulation.cohort(0.9, 2.5, 1.3, 10_000, 10 - 2 * k, 31 + k));
        }
        SurvivalData data = b.build();
        assertThat(data.customers()).isEqualTo(50_000);
        assertRecovered(RetentionFitter.fit(RetentionModelKind.BDW, data), Map.of("gamma", 0.9, "delta", 2.5, "c", 1.3));
    }

    /** Pooling cohorts that share parameters gives the same fit as the sum of their likelihoods. */
    @Test
    void sbg_cohortLikelihoodsAdd() {
        long[] a = RetentionSimulation.cohort(0.7, 1.2, 1, 3000, 6, 41);
        long[] b = RetentionSimulation.cohort(0.7, 1.2, 1, 2000, 3, 42);
        SurvivalData both = SurvivalData.builder().cohort("a", a).cohort("b", b).build();
        RetentionFit fit = RetentionFitter.fit(RetentionModelKind.SBG, both);
        ShiftedBetaGeometric m = (ShiftedBetaGeometric) fit.model();
        double separate = new RetentionLikelihood(RetentionModelKind.SBG, SurvivalData.ofCurve(a))
                .logLikelihood(m.alpha(), m.beta())
                + new RetentionLikelihood(RetentionModelKind.SBG, SurvivalData.ofCurve(b))
                        .logLikelihood(m.alpha(), m.beta());
        assertThat(fit.logLikelihood()).isCloseTo(separate, org.assertj.core.api.Assertions.within(1e-8));
    }
}
