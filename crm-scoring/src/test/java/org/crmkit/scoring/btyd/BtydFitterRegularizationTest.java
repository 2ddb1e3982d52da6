package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BtydFitter#withRegularization(double)}: the estimate is the stationary point of
 * {@code -LL / n + lambda sum ln(p)^2}, checked by central differences of the model's own
 * likelihood (not the fitter's objective); the penalty shrinks the log-parameters and keeps a
 * fit off the boundary; 0 is plain maximum likelihood.
 */
class BtydFitterRegularizationTest {

    private static BtydData cohort() {
        double[] ages = new double[2_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 20 + i % 30;
        }
        return BgNbd.of(0.5, 6, 0.8, 3).simulate(ages, 0, 3).calibration();
    }

    /** d/dtheta_i of -LL / n + lambda sum theta^2 at theta = ln p, by central differences. */
    private static double[] penalizedGradient(BtydModel<?> model, BtydData data, double[] p, double lambda) {
        double n = data.customers();
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double h = 1e-5;
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] = p[i] * Math.exp(h);
            down[i] = p[i] * Math.exp(-h);
            double fUp = -model.logLikelihood(up, data, null) / n + lambda * sumSquaredLogs(up);
            double fDown = -model.logLikelihood(down, data, null) / n + lambda * sumSquaredLogs(down);
            g[i] = (fUp - fDown) / (2 * h);
        }
        return g;
    }

    private static double sumSquaredLogs(double[] p) {
        double s = 0;
        for (double v : p) {
            s += Math.log(v) * Math.log(v);
        }
        return s;
    }

    private static double[] values(FitResult<?> fit) {
        return fit.parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void withRegularization_zero_isMaximumLikelihood() {
        BtydData data = cohort();
        FitResult<BgNbd> plain = BtydFitter.standard().fit(BgNbd.model(), data);
        FitResult<BgNbd> zero = BtydFitter.standard().withRegularization(0).fit(BgNbd.model(), data);
        assertThat(zero.parameters()).isEqualTo(plain.parameters());
        assertThat(zero.regularization()).isZero();
        assertThat(zero.penalty()).isZero();
        assertThat(BtydFitter.standard().regularization()).isZero();
    }

    @Test
    void withRegularization_estimateIsStationaryPointOfPenalizedLikelihood() {
        BtydData data = cohort();
        for (BtydModel<?> model : List.<BtydModel<?>>of(BgNbd.model(), ParetoNbd.model())) {
            double lambda = 0.01;
            FitResult<?> fit = BtydFitter.standard().withRegularization(lambda).fit(model, data);
            assertThat(fit.converged()).as(fit.toString()).isTrue();
            double[] p = values(fit);
            for (double g : penalizedGradient(model, data, p, lambda)) {
                assertThat(g).as("%s", fit).isCloseTo(0, within(1e-5));
            }
            // the reported log-likelihood is the plain one at the estimate, the penalty n lambda sum ln(p)^2
            assertThat(fit.logLikelihood()).isCloseTo(model.logLikelihood(p, data, null), within(1e-6));
            assertThat(fit.penalty()).isCloseTo(data.customers() * lambda * sumSquaredLogs(p), within(1e-9));
            assertThat(fit.regularization()).isEqualTo(lambda);
        }
    }

    @Test
    void withRegularization_growingPenalty_shrinksLogParametersAndLikelihood() {
        BtydData data = cohort();
        double previousNorm = Double.POSITIVE_INFINITY;
        double previousLl = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {0, 0.001, 0.01, 0.1}) {
            FitResult<BgNbd> fit = BtydFitter.standard().withRegularization(lambda).fit(BgNbd.model(), data);
            double norm = sumSquaredLogs(values(fit));
            assertThat(norm).as("lambda %s", lambda).isLessThan(previousNorm);
            assertThat(fit.logLikelihood()).as("lambda %s", lambda).isLessThanOrEqualTo(previousLl + 1e-9);
            previousNorm = norm;
            previousLl = fit.logLikelihood();
        }
    }

    @Test
    void withRegularization_keepsABoundaryFitInside() {
        // customers who never drop out: plain BG/NBD runs to a, b -> inf; the penalty holds it
        double[] ages = new double[3_000];
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 13 + i % 40;
        }
        BtydData data = ParetoNbd.of(0.8, 4, 1e-3, 1e6).simulate(ages, 0, 9).calibration();
        FitResult<BgNbd> plain = BtydFitter.standard().fit(BgNbd.model(), data);
        assertThat(plain.atBoundary()).as(plain.toString()).isNotEmpty();
        FitResult<BgNbd> penalized = BtydFitter.standard().withRegularization(0.01).fit(BgNbd.model(), data);
        assertThat(penalized.converged()).as(penalized.toString()).isTrue();
        assertThat(penalized.atBoundary()).isEmpty();
    }

    @Test
    void withRegularization_negativeOrNotFinite_isRejected() {
        for (double bad : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> BtydFitter.standard().withRegularization(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void withRegularization_survivesOtherSettings_andIsWrittenToJson() {
        BtydFitter fitter = BtydFitter.standard().withRegularization(0.02).withMaxIterations(400)
                .withGradientTolerance(1e-7);
        assertThat(fitter.regularization()).isEqualTo(0.02);
        FitResult<BgNbd> fit = fitter.fit(BgNbd.model(), cohort());
        String json = BtydModelJson.write(fit, "weeks");
        assertThat(json).contains("\"regularization\" : 0.02").contains("\"penalty\"");
        assertThat(BtydModelJson.read(json).as(BgNbd.model())).isEqualTo(fit.model());
    }
}
