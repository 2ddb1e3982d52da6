package org.crmkit.scoring.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class LogConcaveQuadratureTest {

    /** exp(a v - e^v) integrates to Gamma(a) over the real line: tiny to huge shapes. */
    @Test
    void logIntegral_gammaFunctionInLogVariable_matchesLogGamma() {
        double[] means = new double[1];
        for (double a : new double[] {1e-4, 0.3, 1.0, 7.5, 1e3, 1e5}) {
            LogConcaveQuadrature.Integrand f = new LogConcaveQuadrature.Integrand() {
                @Override
                public double logDensity(double v) {
                    return a * v - Math.exp(v);
                }

                @Override
                public double slope(double v) {
                    return a - Math.exp(v);
                }

                @Override
                public void weights(double v, double[] out) {
                    out[0] = Math.exp(v);
                }
            };
            double value = LogConcaveQuadrature.logIntegral(f, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, 1, means);
            assertThat(value).as("a=%s", a).isCloseTo(Gamma.logGamma(a), within(1e-11 * (1 + Math.abs(Gamma.logGamma(a)))));
            // the mean of e^v under the density is Gamma(a + 1) / Gamma(a) = a
            assertThat(means[0]).as("a=%s", a).isCloseTo(a, within(1e-9 * a));
        }
    }

    /** A truncated exponential and a half-line Gaussian, with the mode at either end. */
    @Test
    void logIntegral_boundedIntervals_matchClosedForms() {
        LogConcaveQuadrature.Integrand decreasing = new LogConcaveQuadrature.Integrand() {
            @Override
            public double logDensity(double v) {
                return -3 * v;
            }

            @Override
            public double slope(double v) {
                return -3;
            }
        };
        assertThat(LogConcaveQuadrature.logIntegral(decreasing, 0, 2, 0, null))
                .isCloseTo(Math.log(-Math.expm1(-6) / 3), within(1e-13));
        LogConcaveQuadrature.Integrand gaussian = new LogConcaveQuadrature.Integrand() {
            @Override
            public double logDensity(double v) {
                return -0.5 * v * v;
            }

            @Override
            public double slope(double v) {
                return -v;
            }
        };
        assertThat(LogConcaveQuadrature.logIntegral(gaussian, Double.NEGATIVE_INFINITY, 0, 0, null))
                .isCloseTo(Math.log(Math.sqrt(2 * Math.PI) / 2), within(1e-13));
    }
}
