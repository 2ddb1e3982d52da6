package org.crmkit.scoring.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;

/**
 * Formulas against independent computations: the analytic gradient against central finite
 * differences, DERL against brute-force sums of the survival function, the sBG recursion
 * against the beta-function closed forms, BdW at c = 1 against sBG, and a sweep for
 * non-finite values.
 */
class RetentionNumericsTest {
    private static final long[] DATA = {1000, 869, 743, 653, 593, 551, 517, 491};

    private static void assertGradient(RetentionModelKind kind, SurvivalData data, double[] theta) {
        RetentionLikelihood f = new RetentionLikelihood(kind, data);
        double[] g = new double[theta.length];
        f.value(theta, g);
        for (int i = 0; i < theta.length; i++) {
            double h = 1e-6;
            double[] p = theta.clone();
            double[] m = theta.clone();
            p[i] += h;
            m[i] -= h;
            double numeric = (f.value(p, new double[theta.length]) - f.value(m, new double[theta.length])) / (2 * h);
            assertThat(g[i]).as("%s d/dtheta_%d at %s", kind, i, java.util.Arrays.toString(theta))
                    .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void gradient_matchesFiniteDifferences() {
        Random random = new Random(5);
        SurvivalData one = SurvivalData.ofCurve(DATA);
        SurvivalData many = SurvivalData.builder().cohort("a", DATA).cohort("b", 500, 400, 330, 300).build();
        for (int i = 0; i < 40; i++) {
            double[] sbg = {random.nextGaussian() * 1.5, random.nextGaussian() * 1.5};
            double[] bdw = {random.nextGaussian() * 1.5, random.nextGaussian() * 1.5, random.nextGaussian() * 0.7};
            assertGradient(RetentionModelKind.SBG, one, sbg);
            assertGradient(RetentionModelKind.SBG, many, sbg);
            assertGradient(RetentionModelKind.BDW, one, bdw);
            assertGradient(RetentionModelKind.BDW, many, bdw);
        }
    }

    /** The recursion of the likelihood against P(T = t) and S(t) as beta-function ratios. */
    @Test
    void sbgLikelihood_equalsTheBetaFunctionForm() {
        double a = 0.668;
        double b = 3.806;
        double expected = 0;
        for (int t = 1; t < DATA.length; t++) {
            double lnP = Beta.logBeta(a + 1, b + t - 1) - Beta.logBeta(a, b);
            expected += (DATA[t - 1] - DATA[t]) * lnP;
        }
        expected += DATA[DATA.length - 1] * (Beta.logBeta(a, b + 7) - Beta.logBeta(a, b));
        double ll = new RetentionLikelihood(RetentionModelKind.SBG, SurvivalData.ofCurve(DATA)).logLikelihood(a, b);
        assertThat(ll).isCloseTo(expected, within(1e-9));
    }

    @Test
    void bdwAtCOne_isSbg() {
        ShiftedBetaGeometric sbg = ShiftedBetaGeometric.of(0.704, 1.182);
        BetaDiscreteWeibull bdw = BetaDiscreteWeibull.of(0.704, 1.182, 1);
        for (int t = 0; t <= 40; t++) {
            assertThat(bdw.survival(t)).isCloseTo(sbg.survival(t), within(1e-13));
            if (t > 0) {
                assertThat(bdw.retentionRate(t)).isCloseTo(sbg.retentionRate(t), within(1e-12));
                assertThat(bdw.churnProbability(t)).isCloseTo(sbg.churnProbability(t), within(1e-13));
            }
        }
        SurvivalData data = SurvivalData.ofCurve(DATA);
        assertThat(new RetentionLikelihood(RetentionModelKind.BDW, data).logLikelihood(0.7, 1.2, 1))
                .isCloseTo(new RetentionLikelihood(RetentionModelKind.SBG, data).logLikelihood(0.7, 1.2), within(1e-8));
        // the 2F1 series of sBG against the generic survival sum
        for (int m : new int[] {0, 1, 5, 30}) {
            assertThat(bdw.derl(0.1, m)).isCloseTo(sbg.derl(0.1, m), within(1e-10));
            assertThat(bdw.expectedRenewals(m, 50)).isCloseTo(sbg.expectedRenewals(m, 50), within(1e-10));
        }
    }

    /** DERL against sum_{k=0}^{K} S(m+1+k)/S(m) (1+d)^-k with S from Beta.logBeta and K = ln(1e-18) / ln(1 / (1 + d)) terms. */
    @Test
    void derl_matchesBruteForceSums() {
        Random random = new Random(8);
        for (int i = 0; i < 30; i++) {
            double a = Math.exp(random.nextGaussian());
            double b = Math.exp(random.nextGaussian());
            double c = Math.exp(0.5 * random.nextGaussian());
            double d = 0.02 + 0.3 * random.nextDouble();
            int m = random.nextInt(10);
            double sbg = 0;
            double bdw = 0;
            int terms = (int) Math.ceil(Math.log(1e-18) / -Math.log1p(d));
            for (int k = 0; k < terms; k++) {
                double z = Math.pow(1 + d, -k);
                sbg += Math.exp(Beta.logBeta(a, b + m + 1 + k) - Beta.logBeta(a, b + m)) * z;
                bdw += Math.exp(Beta.logBeta(a, b + Math.pow(m + 1 + k, c)) - Beta.logBeta(a, b + Math.pow(m, c))) * z;
            }
            assertThat(ShiftedBetaGeometric.of(a, b).derl(d, m)).isCloseTo(sbg, within(1e-9 * sbg));
            assertThat(BetaDiscreteWeibull.of(a, b, c).derl(d, m)).isCloseTo(bdw, within(1e-9 * bdw));
        }
    }

    /** As the discount rate falls, DERL rises towards the mean residual lifetime (beta + m) / (alpha - 1). */
    @Test
    void derl_approachesTheMeanResidualLifetime() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.of(2.5, 4.0);
        double mean = m.meanResidualLifetime(3).orElseThrow();
        assertThat(mean).isCloseTo(7.0 / 1.5, within(1e-12));
        assertThat(m.derl(1e-4, 3)).isLessThan(mean).isCloseTo(mean, within(0.01));
        assertThat(ShiftedBetaGeometric.of(0.9, 1).meanResidualLifetime(0)).isEmpty();
        // expected renewals over a long horizon approach the same mean
        assertThat(m.expectedRenewals(3, RetentionModel.MAX_HORIZON)).isCloseTo(mean, within(0.01));
    }

    /** A hand-computable case: alpha = beta = 1 gives S(t) = 1 / (t + 1) and r(t) = t / (t + 1). */
    @Test
    void sbg_uniformChurnProbability_byHand() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.of(1, 1);
        assertThat(m.survival(3)).isCloseTo(0.25, within(1e-15));
        assertThat(m.retentionRate(3)).isCloseTo(0.75, within(1e-15));
        assertThat(m.churnProbability(3)).isCloseTo(1.0 / 12, within(1e-15));
        // DERL(d, 0) = sum_k S(k+1) z^k = sum_k z^k / (k + 2) = (-ln(1 - z) - z) / z^2
        double z = 1 / 1.1;
        assertThat(m.derl(0.1, 0)).isCloseTo((-Math.log(1 - z) - z) / (z * z), within(1e-12));
        assertThat(m.residualValue(50, 0.1, 0)).isCloseTo(50 * (-Math.log(1 - z) - z) / (z * z), within(1e-10));
        // expected renewals to period 3 of a new customer: 1/2 + 1/3 + 1/4
        assertThat(m.expectedRenewals(0, 3)).isCloseTo(13.0 / 12, within(1e-15));
    }

    @Test
    void sweep_everyMethodFiniteAndInRange() {
        Random random = new Random(3);
        int[] periods = {0, 1, 2, 7, 100, 10_000, 1_000_000, Integer.MAX_VALUE};
        for (int i = 0; i < 150; i++) {
            double a = Math.exp(random.nextDouble() * 24 - 12);
            double b = Math.exp(random.nextDouble() * 24 - 12);
            double c = Math.exp(random.nextDouble() * 12 - 6);
            double d = i % 2 == 0 ? 0.05 : 0.5 + random.nextDouble() * 100;
            for (RetentionModel m : new RetentionModel[] {ShiftedBetaGeometric.of(a, b), BetaDiscreteWeibull.of(a, b, c)}) {
                double previous = 1;
                for (int t : periods) {
                    double s = m.survival(t);
                    assertThat(s).as("%s S(%d)", m, t).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                    assertThat(m.logSurvival(t)).as("%s ln S(%d)", m, t).isFinite().isLessThanOrEqualTo(0);
                    previous = s;
                    if (t > 0) {
                        assertThat(m.retentionRate(t)).as("%s r(%d)", m, t).isBetween(0.0, 1.0);
                        assertThat(m.churnProbability(t)).as("%s P(%d)", m, t).isBetween(0.0, 1.0);
                    }
                }
                for (int renewals : new int[] {0, 3, 1_000_000, Integer.MAX_VALUE - 1}) {
                    assertThat(m.derl(d, renewals)).as("%s DERL(%s, %d)", m, d, renewals).isFinite()
                            .isGreaterThanOrEqualTo(0).isLessThanOrEqualTo((1 + d) / d * (1 + 1e-9));
                    assertThat(m.expectedRenewals(Math.min(renewals, 5), 200)).isFinite().isGreaterThanOrEqualTo(0);
                }
            }
        }
    }
}
