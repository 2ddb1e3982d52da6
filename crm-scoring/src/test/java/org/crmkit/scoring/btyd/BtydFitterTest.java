package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The fitter on a researcher's own model (an NBD written here against the SPI), on data
 * without a maximum, and the covariance by the delta method.
 */
class BtydFitterTest {

    /** The NBD (gamma-Poisson) count model over (0, T]: parameters r and alpha. */
    static final class Nbd implements BtydModel<Nbd.Fitted> {
        record Fitted(double r, double alpha) implements FittedModel {
            @Override
            public String modelName() {
                return "test-nbd";
            }

            @Override
            public Map<String, Double> parameters() {
                // deliberately not in parameterNames() order: FitResult must not rely on it
                return Map.of("alpha", alpha, "r", r);
            }
        }

        @Override
        public String name() {
            return "test-nbd";
        }

        @Override
        public List<String> parameterNames() {
            return List.of("r", "alpha");
        }

        @Override
        public double logLikelihood(double[] p, BtydData data, double[] gradient) {
            double r = p[0];
            double alpha = p[1];
            double ll = 0;
            double gr = 0;
            double ga = 0;
            for (int i = 0; i < data.size(); i++) {
                double x = data.frequency(i);
                double t = data.age(i);
                double w = data.weight(i);
                ll += w * (Gamma.logGamma(r + x) - Gamma.logGamma(r) - Gamma.logGamma(x + 1)
                        + r * Math.log(alpha / (alpha + t)) + x * Math.log(t / (alpha + t)));
                gr += w * (Gamma.digamma(r + x) - Gamma.digamma(r) + Math.log(alpha / (alpha + t)));
                ga += w * (r / alpha - (r + x) / (alpha + t));
            }
            if (gradient != null) {
                gradient[0] = gr;
                gradient[1] = ga;
            }
            return ll;
        }

        @Override
        public List<double[]> startingPoints(BtydData data) {
            return List.of(new double[] {1, 1});
        }

        @Override
        public Fitted withParameters(double[] p) {
            if (!(p[0] > 0 && p[1] > 0)) {
                throw new IllegalArgumentException("parameters " + Arrays.toString(p) + " must be positive");
            }
            return new Fitted(p[0], p[1]);
        }
    }

    @Test
    void fit_userModelThroughSpi_recoversNbdAndPersists() {
        // draw NBD counts: lambda ~ Gamma(r = 2, rate alpha = 4), X ~ Poisson(lambda T), T = 10
        org.hipparchus.random.RandomDataGenerator random = new org.hipparchus.random.RandomDataGenerator(3);
        int n = 20_000;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 10;
            x[i] = random.nextPoisson(random.nextGamma(2, 0.25) * 10 + 1e-300);
            tx[i] = x[i] == 0 ? 0 : 5;
        }
        FitResult<Nbd.Fitted> fit = BtydFitter.standard().fit(new Nbd(), BtydData.of(x, tx, t));
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.model().r()).isCloseTo(2, within(3 * fit.standardErrors().get("r")));
        assertThat(fit.model().alpha()).isCloseTo(4, within(3 * fit.standardErrors().get("alpha")));
        // full covariance matrix: r and alpha estimates are positively correlated
        double[][] c = fit.covariance().orElseThrow();
        assertThat(c[0][1]).isCloseTo(c[1][0], within(1e-9 * Math.abs(c[1][0]))).isPositive();
        // at the maximum the delta-method covariance equals the inverse observed information
        // computed directly on the parameter scale (here by hand, 2 x 2)
        BtydData data = BtydData.of(x, tx, t);
        double[] p = {fit.model().r(), fit.model().alpha()};
        double[][] h = new double[2][2];
        for (int j = 0; j < 2; j++) {
            double step = 1e-5 * p[j];
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += step;
            down[j] -= step;
            double[] gu = new double[2];
            double[] gd = new double[2];
            new Nbd().logLikelihood(up, data, gu);
            new Nbd().logLikelihood(down, data, gd);
            for (int i = 0; i < 2; i++) {
                h[i][j] = -(gu[i] - gd[i]) / (2 * step);
            }
        }
        double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        assertThat(c[0][0]).isCloseTo(h[1][1] / det, within(1e-3 * c[0][0]));
        assertThat(c[1][1]).isCloseTo(h[0][0] / det, within(1e-3 * c[1][1]));
        assertThat(c[0][1]).isCloseTo(-h[0][1] / det, within(1e-3 * Math.abs(c[0][1])));
        String json = BtydModelJson.write(fit, "weeks");
        assertThat(BtydModelJson.read(json).as(new Nbd())).isEqualTo(fit.model());
    }

    @Test
    void fit_likelihoodWithoutMaximum_saysItDidNotConvergeAndListsRetries() {
        // identical spend for everyone: Gamma-Gamma's p runs to infinity
        double[] x = new double[200];
        double[] tx = new double[200];
        double[] t = new double[200];
        double[] m = new double[200];
        for (int i = 0; i < 200; i++) {
            x[i] = 1 + i % 5;
            tx[i] = 1 + i % 7;
            t[i] = 10;
            m[i] = 20;
        }
        FitResult<GammaGamma> fit = BtydFitter.standard().fit(GammaGamma.model(),
                BtydData.withMonetary(x, tx, t, m));
        assertThat(fit.converged()).isFalse();
        // the maximum lies at infinity: reported as such, and the fall-backs (which would run to
        // the same boundary) are skipped
        assertThat(fit.convergence()).startsWith("at boundary: ");
        assertThat(fit.atBoundary()).isNotEmpty().allSatisfy((name, limit) -> assertThat(limit).isEqualTo("inf"));
        assertThat(fit.attempts()).hasSizeGreaterThan(1);
        assertThat(fit.attempts()).extracting(FitAttempt::optimizer).containsOnly("BFGS");
    }

    @Test
    void fit_nulls_areRejected() {
        assertThatThrownBy(() -> BtydFitter.standard().fit(null, BtydData.of(new double[] {0}, new double[] {0}, new double[] {1})))
                .isInstanceOf(NullPointerException.class).hasMessage("model");
        assertThatThrownBy(() -> BtydFitter.standard().withGradientTolerance(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BtydFitter.standard().withMaxIterations(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fit_manyDistinctRows_pilotReachesTheSameMaximumAsTheGenericStart() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        double[] ages = new double[30_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 1 + 77 * random.nextDouble();
        }
        BtydData data = ParetoNbd.of(0.55, 10.6, 0.6, 11.7).simulate(ages, 0, 9).calibration();
        assertThat(data.size()).isGreaterThan(20_000); // continuous times: nearly every row distinct
        BtydFitter fitter = BtydFitter.standard().withPilotMinRows(data.size());
        for (BtydModel<?> model : List.of(ParetoNbd.model(), BgNbd.model())) {
            FitResult<?> piloted = fitter.fit(model, data);
            FitResult<?> generic = BtydFitter.standard().fit(model, data);
            assertThat(piloted.attempts().get(0).optimizer()).startsWith("BFGS from a fit of");
            assertThat(generic.attempts().get(0).optimizer()).isEqualTo("BFGS");
            assertThat(piloted.converged()).isTrue();
            assertThat(generic.converged()).isTrue();
            assertThat(piloted.logLikelihood()).isCloseTo(generic.logLikelihood(), within(1e-9 * data.customers()));
            for (String name : model.parameterNames()) {
                assertThat(piloted.parameters().get(name)).as(name)
                        .isCloseTo(generic.parameters().get(name), withinPercentage(1e-3));
                assertThat(piloted.standardErrors().get(name)).as(name)
                        .isCloseTo(generic.standardErrors().get(name), withinPercentage(0.1));
            }
        }
    }
}
