package org.crmkit.scoring.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalLikelihoodTest {

    /** An external sum over two halves of the data, added in the other order than the fitter's own. */
    private static ExternalLikelihood halves(BtydModel<?> model, double[] x, double[] tx, double[] t) {
        int h = x.length / 2;
        BtydData first = BtydData.of(java.util.Arrays.copyOfRange(x, 0, h), java.util.Arrays.copyOfRange(tx, 0, h),
                java.util.Arrays.copyOfRange(t, 0, h));
        BtydData second = BtydData.of(java.util.Arrays.copyOfRange(x, h, x.length),
                java.util.Arrays.copyOfRange(tx, h, x.length), java.util.Arrays.copyOfRange(t, h, x.length));
        return new ExternalLikelihood() {
            @Override
            public double customers() {
                return first.customers() + second.customers();
            }

            @Override
            public int rows() {
                return first.size() + second.size();
            }

            @Override
            public double logLikelihood(double[] p, double[] gradient) {
                double[] g = new double[p.length];
                double ll = model.logLikelihood(p, second, gradient) + model.logLikelihood(p, first, g);
                for (int i = 0; i < p.length; i++) {
                    gradient[i] += g[i];
                }
                return ll;
            }
        };
    }

    @Test
    void fit_externalSumOfTheSameData_givesTheSameEstimates() {
        SimulatedCohort cohort = BgNbd.of(0.25, 4.0, 0.8, 2.4).simulate(ages(3000), 0, 17);
        double[] x = cohort.frequency();
        double[] tx = cohort.recency();
        double[] t = cohort.age();
        BtydData rows = BtydData.of(x, tx, t);
        FitResult<BgNbd> local = BtydFitter.standard().fit(BgNbd.model(), rows);
        FitResult<BgNbd> external = BtydFitter.standard().fit(BgNbd.model(), rows, halves(BgNbd.model(), x, tx, t));
        assertThat(external.converged()).isTrue();
        for (Map.Entry<String, Double> e : local.parameters().entrySet()) {
            double v = external.parameters().get(e.getKey());
            assertThat(v).isCloseTo(e.getValue(), within(1e-9 * Math.abs(e.getValue())));
        }
        assertThat(external.logLikelihood()).isCloseTo(local.logLikelihood(), within(1e-9 * Math.abs(local.logLikelihood())));
        assertThat(external.customers()).isEqualTo(local.customers());
    }

    @Test
    void fit_nullLikelihood_isRejected() {
        BtydData data = BtydData.of(new double[] {1, 0}, new double[] {2, 0}, new double[] {5, 5});
        assertThatThrownBy(() -> BtydFitter.standard().fit(BgNbd.model(), data, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("likelihood");
    }

    private static double[] ages(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 20 + (i % 20);
        }
        return a;
    }
}
