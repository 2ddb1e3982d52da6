package org.crmkit.scoring.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** {@link BoundedQuadrature} against closed-form integrals. */
class BoundedQuadratureTest {

    @Test
    void logIntegral_exponentials_matchClosedForm() {
        for (double k : new double[] {-300, -50, -1, 0, 0.3, 20, 400}) {
            double[] means = new double[1];
            BoundedQuadrature.Integrand f = new BoundedQuadrature.Integrand() {
                @Override
                public double logDensity(double v) {
                    return k * v;
                }

                @Override
                public double logDensityAndWeights(double v, double[] out) {
                    out[0] = v;
                    return k * v;
                }
            };
            double lo = 0;
            double hi = 10;
            // ln of (e^(k hi) - e^(k lo)) / k, and the mean of v under e^(k v)
            double expected = k == 0 ? Math.log(hi - lo)
                    : k > 0 ? k * hi + Math.log(-Math.expm1(-k * (hi - lo))) - Math.log(k)
                    : k * lo + Math.log(-Math.expm1(k * (hi - lo))) - Math.log(-k);
            double mean = k == 0 ? 5 : hi + (hi - lo) / Math.expm1(k * (hi - lo)) - 1 / k;
            assertThat(BoundedQuadrature.logIntegral(f, lo, hi, Double.NaN, 1, means)).as("k = %s", k)
                    .isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
            assertThat(BoundedQuadrature.logIntegral(f, hi, lo, Double.NaN, 0, null)).as("reversed, k = %s", k)
                    .isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
            assertThat(means[0]).as("mean, k = %s", k).isCloseTo(mean, within(1e-12 * 10));
        }
    }

    @Test
    void logIntegral_gaussianAndPowers_matchClosedForm() {
        for (double c : new double[] {0.01, 1, 100, 1e3}) {
            double expected = Math.log(Math.sqrt(Math.PI / c) * Erf.erf(5 * Math.sqrt(c)));
            assertThat(BoundedQuadrature.logIntegral(v -> -c * v * v, -5, 5, Double.NaN, 0, null))
                    .as("c = %s", c).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
        // a pole at -0.5 close to the interval: (0.5 + v)^-2 e^(-v / 4) times nothing else
        BoundedQuadrature.Integrand nearPole = new BoundedQuadrature.Integrand() {
            @Override
            public double logDensity(double v) {
                return -2 * Math.log(0.5 + v);
            }

            @Override
            public double singularityDistance(double v) {
                return v + 0.5;
            }
        };
        assertThat(BoundedQuadrature.logIntegral(nearPole, 0, 30, Double.NaN, 0, null))
                .isCloseTo(Math.log(2 - 1 / 30.5), within(1e-13));
        // v^n on [0, 2]: the log is -infinity at 0; marching down from 2 it may stop early
        for (int n : new int[] {1, 5, 50, 500}) {
            double expected = (n + 1) * Math.log(2) - Math.log(n + 1);
            BoundedQuadrature.Integrand power = v -> n * Math.log(v);
            assertThat(BoundedQuadrature.logIntegral(power, 0, 2, Double.NaN, 0, null)).as("n = %s", n)
                    .isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            assertThat(BoundedQuadrature.logIntegral(power, 2, 0, 2, 0, null)).as("n = %s, early stop", n)
                    .isCloseTo(expected, within(1e-12 * Math.abs(expected)));
        }
    }

    @Test
    void logIntegral_emptyIntervalOrZeroIntegrand_isMinusInfinity() {
        assertThat(BoundedQuadrature.logIntegral(v -> v, 3, 3, Double.NaN, 0, null)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(BoundedQuadrature.logIntegral(v -> Double.NEGATIVE_INFINITY, 0, 1, Double.NaN, 0, null))
                .isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
