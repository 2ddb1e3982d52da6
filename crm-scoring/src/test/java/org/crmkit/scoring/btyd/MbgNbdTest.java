package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MBG/NBD against published estimates and independent computations.
 *
 * <p>Batislam, Denizel and Filiztekin (2007), IJRM 24(3), 201-209, estimated MBG/NBD on
 * grocery retail transaction data (paper abstract), not on CDNOW, so their estimates cannot
 * be reproduced here. On the CDNOW sample the reference is r = 0.525, alpha = 6.183,
 * a = 0.891, b = 1.614 from lifetimes' test suite (test_params_out_is_close_to_BTYDplus,
 * whose docstring points to https://github.com/mplatzer/BTYDplus as the source). The
 * values themselves were not found in BTYDplus' stored sources (its CDNOW demo prints no
 * estimates), so they are an independent implementation's fit rather than a published
 * table.
 */
class MbgNbdTest {

    private static final MbgNbd MODEL = MbgNbd.of(0.525, 6.183, 0.891, 1.614);

    @Test
    void fit_cdnowSample_matchesBtydPlusEstimates() {
        Cdnow cdnow = Cdnow.load();
        FitResult<MbgNbd> fit = BtydFitter.standard().fit(MbgNbd.model(), cdnow.data());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.parameters().get("r")).isCloseTo(0.525, within(0.0005));
        assertThat(fit.parameters().get("alpha")).isCloseTo(6.183, within(0.005));
        assertThat(fit.parameters().get("a")).isCloseTo(0.891, within(0.0005));
        assertThat(fit.parameters().get("b")).isCloseTo(1.614, within(0.005));
        // MBG/NBD nests no BG/NBD, but both describe the same data: likelihoods are close
        FitResult<BgNbd> bg = BtydFitter.standard().fit(BgNbd.model(), cdnow.data());
        assertThat(Math.abs(fit.logLikelihood() - bg.logLikelihood())).isLessThan(50);
    }

    @Test
    void logLikelihood_singleCustomer_matchesDirectFormula() {
        // L = B(a,b+x+1)/B(a,b) G(r+x) a^r /(G(r)(alpha+T)^(r+x)) + B(a+1,b+x)/B(a,b) G(r+x) alpha^r/(G(r)(alpha+tx)^(r+x))
        double r = 0.7;
        double alpha = 3;
        double a = 1.3;
        double b = 2.2;
        double x = 2;
        double tx = 4;
        double age = 9;
        double lb = org.hipparchus.special.Beta.logBeta(a, b);
        double common = org.hipparchus.special.Gamma.logGamma(r + x) - org.hipparchus.special.Gamma.logGamma(r) + r * Math.log(alpha);
        double l1 = Math.exp(org.hipparchus.special.Beta.logBeta(a, b + x + 1) - lb + common - (r + x) * Math.log(alpha + age));
        double l2 = Math.exp(org.hipparchus.special.Beta.logBeta(a + 1, b + x) - lb + common - (r + x) * Math.log(alpha + tx));
        double ll = MbgNbd.model().logLikelihood(new double[] {r, alpha, a, b},
                BtydData.of(new double[] {x}, new double[] {tx}, new double[] {age}), null);
        assertThat(ll).isCloseTo(Math.log(l1 + l2), within(1e-12));
    }

    @Test
    void probabilityAlive_noRepeatPurchase_isBelowOne() {
        double expected = 1 / (1 + 0.891 / 1.614 * Math.pow((6.183 + 38.86) / 6.183, 0.525));
        assertThat(MODEL.probabilityAlive(0, 0, 38.86)).isCloseTo(expected, within(1e-14));
    }

    @Test
    void expectedPurchases_matchesBruteForceIntegral() {
        // given (lambda, p): E[X(t)] = (1 - p)/p (1 - e^(-lambda p t)); integrate lambda analytically
        double t = 39;
        double reference = Numeric.betaExpectation(0.891, 1.614,
                p -> (1 - p) * (p == 0 ? 0.525 * t / 6.183 : (1 - Math.pow(6.183 / (6.183 + p * t), 0.525)) / p));
        assertThat(MODEL.expectedPurchases(t)).isCloseTo(reference, within(1e-7 * reference));
    }

    @Test
    void probabilities_sumToOneWithMeansEqualToExpectations() {
        double total = 0;
        double mean = 0;
        double ctotal = 0;
        double cmean = 0;
        for (int n = 0; n < 2000; n++) {
            double p = MODEL.probabilityOfPurchases(n, 39);
            total += p;
            mean += n * p;
            double c = MODEL.conditionalProbabilityOfPurchases(n, 39, 3, 25, 38);
            ctotal += c;
            cmean += n * c;
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        assertThat(mean).isCloseTo(MODEL.expectedPurchases(39), within(1e-7));
        assertThat(ctotal).isCloseTo(1, within(1e-9));
        assertThat(cmean).isCloseTo(MODEL.conditionalExpectedPurchases(39, 3, 25, 38), within(1e-7));
    }

    @Test
    void conditionalExpectedPurchases_matchesClosedFormWithPlainSeries() {
        // Batislam et al.: (a+b+x)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z)] / (1 + a/(b+x) (...)^(r+x))
        double r = 0.525;
        double alpha = 6.183;
        double a = 0.891;
        double b = 1.614;
        double x = 3;
        double tx = 25;
        double age = 38;
        double t = 39;
        double z = t / (alpha + age + t);
        double numerator = (a + b + x) / (a - 1) * (1 - Math.pow((alpha + age) / (alpha + age + t), r + x)
                * Numeric.hyp2f1(r + x, b + x + 1, a + b + x, z));
        double denominator = 1 + a / (b + x) * Math.pow((alpha + age) / (alpha + tx), r + x);
        assertThat(MODEL.conditionalExpectedPurchases(t, x, tx, age)).isCloseTo(numerator / denominator, within(1e-10));
    }

    @Test
    void fit_simulated50000Customers_recoversParametersWithin3StandardErrors() {
        Random random = new Random(77);
        double[] ages = new double[50_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = Math.round((13 + 39 * random.nextDouble()) * 7) / 7.0;
        }
        MbgNbd truth = MbgNbd.of(0.6, 5, 0.9, 2);
        FitResult<MbgNbd> fit = BtydFitter.standard().fit(MbgNbd.model(), truth.simulate(ages, 0, 5).calibration());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        for (String name : truth.parameters().keySet()) {
            assertThat(fit.parameters().get(name)).as(name)
                    .isCloseTo(truth.parameters().get(name), within(3 * fit.standardErrors().get(name)));
        }
    }
}
