package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * GGompertz/NBD (Bemmaor and Glady 2012) against numbers this code does not produce: the
 * published CDNOW fit, Simpson's rule on the raw integrands of the paper's expressions, the
 * Pareto/NBD limit {@code b -> 0}, and simulation from the model's assumptions.
 */
class GGompertzNbdTest {

    private static final GGompertzNbd MODEL = GGompertzNbd.of(0.7, 6.0, 0.08, 0.9, 2.5);

    /** The raw likelihood of the paper, integrand as written, integrated by Simpson's rule. */
    private static double referenceLogLikelihood(double r, double alpha, double b, double s, double beta,
            double x, double tx, double age) {
        double c = Math.exp(Gamma.logGamma(r + x) - Gamma.logGamma(r)) * Math.pow(alpha, r) * Math.pow(beta, s);
        double first = Math.pow(alpha + age, -(r + x)) * Math.pow(beta + Math.exp(b * age) - 1, -s);
        double integral = age > tx ? Numeric.simpson(tau -> Math.exp(b * tau) * Math.pow(alpha + tau, -(r + x))
                * Math.pow(beta + Math.exp(b * tau) - 1, -(s + 1)), tx, age, 20_000) : 0;
        return Math.log(c * (first + s * b * integral));
    }

    @Test
    void logLikelihood_matchesSimpsonOnThePapersIntegrand() {
        double[][] histories = {{0, 0, 30}, {1, 2.5, 30}, {4, 20, 39}, {12, 38.9, 39}, {3, 5, 5}, {25, 60, 78}};
        double[][] points = {{0.7, 6, 0.08, 0.9, 2.5}, {0.55, 10.6, 1e-3, 0.6, 0.01}, {2, 0.5, 0.5, 3, 40},
                {0.3, 20, 0.02, 0.2, 0.3}};
        for (double[] p : points) {
            GGompertzNbd m = GGompertzNbd.of(p[0], p[1], p[2], p[3], p[4]);
            for (double[] h : histories) {
                double reference = referenceLogLikelihood(p[0], p[1], p[2], p[3], p[4], h[0], h[1], h[2]);
                assertThat(m.logLikelihood(h[0], h[1], h[2])).as("%s at %s", m, java.util.Arrays.toString(h))
                        .isCloseTo(reference, within(1e-9 * Math.max(1, Math.abs(reference))));
            }
        }
    }

    @Test
    void expectations_matchSimpsonOfTheSurvival() {
        double r = 0.7;
        double alpha = 6;
        double b = 0.08;
        double s = 0.9;
        double beta = 2.5;
        for (double t : new double[] {0.5, 10, 52, 500}) {
            double reference = r / alpha * Numeric.simpson(u -> Math.pow(beta / (beta + Math.exp(b * u) - 1), s),
                    0, t, 20_000);
            assertThat(MODEL.expectedPurchases(t)).isCloseTo(reference, within(1e-10 * reference));
        }
        // conditional: the paper's form P(alive) (r + x) / (alpha + T) Integral_T^{T+t} (B(T) / B(tau))^s
        double x = 3;
        double tx = 20;
        double age = 39;
        double alive = MODEL.probabilityAlive(x, tx, age);
        double bt = beta + Math.exp(b * age) - 1;
        double reference = alive * (r + x) / (alpha + age) * Numeric.simpson(
                tau -> Math.pow(bt / (beta + Math.exp(b * tau) - 1), s), age, age + 52, 20_000);
        assertThat(MODEL.conditionalExpectedPurchases(52, x, tx, age)).isCloseTo(reference, within(1e-10 * reference));
        // P(alive) as the alive term over the likelihood, from the Simpson likelihood
        double logAliveTerm = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
                - (r + x) * Math.log(alpha + age) - s * Math.log(bt);
        double referenceAlive = Math.exp(logAliveTerm - referenceLogLikelihood(r, alpha, b, s, beta, x, tx, age));
        assertThat(alive).isCloseTo(referenceAlive, within(1e-9));
        assertThat(MODEL.probabilityAliveAt(10, x, tx, age))
                .isCloseTo(alive * Math.pow(bt / (beta + Math.exp(b * (age + 10)) - 1), s), within(1e-12));
    }

    @Test
    void smallB_approachesParetoNbd() {
        // b -> 0 with beta / b fixed: the Gompertz lifetime becomes exponential with rate eta b
        double b = 1e-7;
        ParetoNbd pareto = ParetoNbd.of(0.553, 10.578, 0.606, 11.669);
        GGompertzNbd gg = GGompertzNbd.of(0.553, 10.578, b, 0.606, 11.669 * b);
        double[][] histories = {{0, 0, 38}, {2, 30.43, 38.86}, {7, 12, 39}, {1, 38, 38.5}};
        for (double[] h : histories) {
            assertThat(gg.logLikelihood(h[0], h[1], h[2]))
                    .isCloseTo(pareto.logLikelihood(h[0], h[1], h[2]), within(1e-5));
            assertThat(gg.probabilityAlive(h[0], h[1], h[2]))
                    .isCloseTo(pareto.probabilityAlive(h[0], h[1], h[2]), within(1e-5));
            assertThat(gg.conditionalExpectedPurchases(39, h[0], h[1], h[2]))
                    .isCloseTo(pareto.conditionalExpectedPurchases(39, h[0], h[1], h[2]), within(1e-5));
        }
        assertThat(gg.expectedPurchases(52)).isCloseTo(pareto.expectedPurchases(52), within(1e-5));
        for (int n = 0; n < 6; n++) {
            assertThat(gg.probabilityOfPurchases(n, 39)).isCloseTo(pareto.probabilityOfPurchases(n, 39), within(1e-6));
        }
    }

    @Test
    void probabilityOfPurchases_sumsToOneWithTheExpectedMean() {
        for (double t : new double[] {1, 39, 200}) {
            double total = 0;
            double mean = 0;
            for (int n = 0; n <= 2000; n++) {
                double p = MODEL.probabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
            }
            assertThat(total).as("t = %s", t).isCloseTo(1, within(1e-9));
            assertThat(mean).as("t = %s", t).isCloseTo(MODEL.expectedPurchases(t), within(1e-7));
        }
        double total = 0;
        for (int n = 0; n <= 2000; n++) {
            total += MODEL.conditionalProbabilityOfPurchases(n, 39, 3, 20, 39);
        }
        assertThat(total).isCloseTo(1, within(1e-9));
    }

    @Test
    void predictions_agreeWithSimulation() {
        int n = 40_000;
        double[] ages = new double[n];
        java.util.Arrays.fill(ages, 39);
        double holdout = 39;
        SimulatedCohort cohort = MODEL.simulate(ages, holdout, 11);
        double[] x = cohort.frequency();
        double[] tx = cohort.recency();
        double[] later = cohort.holdoutFrequency();
        // E[X(T)] and the distribution of x: all customers have T = 39
        double meanX = java.util.Arrays.stream(x).average().orElseThrow();
        double sdX = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - meanX) * (v - meanX)).sum() / n);
        assertThat(meanX).isCloseTo(MODEL.expectedPurchases(39), within(4 * sdX / Math.sqrt(n)));
        for (int k = 0; k < 4; k++) {
            int count = k;
            double share = java.util.Arrays.stream(x).filter(v -> v == count).count() / (double) n;
            double p = MODEL.probabilityOfPurchases(k, 39);
            assertThat(share).as("P(X = %d)", k).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n)));
        }
        // E[Y | history] averaged over the cohort is E[Y]; P(Y = 0 | history) likewise
        double predicted = 0;
        double predictedNone = 0;
        double actual = 0;
        double actualNone = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            predicted += MODEL.conditionalExpectedPurchases(holdout, x[i], tx[i], 39);
            predictedNone += MODEL.conditionalProbabilityOfPurchases(0, holdout, x[i], tx[i], 39);
            actual += later[i];
            actualNone += later[i] == 0 ? 1 : 0;
            sq += later[i] * later[i];
        }
        double sd = Math.sqrt(sq / n - (actual / n) * (actual / n));
        assertThat(predicted / n).isCloseTo(actual / n, within(4 * sd / Math.sqrt(n)));
        double pNone = actualNone / n;
        assertThat(predictedNone / n).isCloseTo(pNone, within(4 * Math.sqrt(pNone * (1 - pNone) / n)));
    }

    /**
     * Bemmaor and Glady (2012), Table 2, p. 1018, as quoted by CLVTools'
     * tests/testthat/test_correctness_ggomnbd.R: r = 0.553, alpha = 10.578, b = 0.0002,
     * s = 0.603, beta = 0.0026, LL = -9594.98 on the CDNOW sample; CLVTools' own fit reaches
     * LL = -9594.9762 at r = 0.55313, alpha = 10.5758, b = 1.1e-6, s = 0.60682, beta = 1.3e-5.
     * The likelihood keeps rising towards b, beta -> 0 with beta / b fixed, the Pareto/NBD
     * (whose CDNOW beta is 11.67), so the fit must say it is at that boundary.
     */
    @Test
    void fit_cdnowSample_reachesThePublishedLikelihoodAtTheParetoBoundary() {
        Cdnow cdnow = Cdnow.load();
        long start = System.nanoTime();
        FitResult<GGompertzNbd> fit = BtydFitter.standard().fit(GGompertzNbd.model(), cdnow.data());
        double seconds = (System.nanoTime() - start) * 1e-9;
        System.out.println("GGompertz/NBD CDNOW fit " + seconds + " s: " + fit);
        assertThat(fit.logLikelihood()).isCloseTo(-9594.976, within(0.01));
        assertThat(fit.parameters().get("r")).isCloseTo(0.553, within(0.002));
        assertThat(fit.parameters().get("alpha")).isCloseTo(10.578, within(0.05));
        assertThat(fit.parameters().get("s")).isCloseTo(0.606, within(0.005));
        assertThat(fit.parameters().get("beta") / fit.parameters().get("b")).isCloseTo(11.67, within(0.2));
        assertThat(fit.atBoundary()).containsKeys("b", "beta");
        assertThat(fit.converged()).isFalse();
    }

    /**
     * The recovery bar: 50,000 simulated customers with continuous ages, so every
     * history is distinct and needs its own quadrature (about 2.5 s on two cores).
     */
    @Test
    void fit_simulated50000Customers_recoversParametersWithin3StandardErrors() {
        Random random = new Random(77);
        double[] ages = new double[50_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 13 + 39 * random.nextDouble();
        }
        FitResult<GGompertzNbd> fit = BtydFitter.standard().fit(GGompertzNbd.model(),
                MODEL.simulate(ages, 0, 5).calibration());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        for (String name : MODEL.parameters().keySet()) {
            assertThat(fit.parameters().get(name)).as(name)
                    .isCloseTo(MODEL.parameters().get(name), within(3 * fit.standardErrors().get(name)));
        }
    }
}
