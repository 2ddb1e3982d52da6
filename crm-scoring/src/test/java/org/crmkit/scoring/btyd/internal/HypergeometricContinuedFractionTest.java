package org.crmkit.scoring.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HypergeometricContinuedFractionTest {

    /** The defining power series, summed naively: an independent route for moderate z. */
    private static double series(double q, double c, double z) {
        double term = 1.0;
        double sum = 1.0;
        for (int k = 0; k < 100_000; k++) {
            term *= (q + k) / (c + 1 + k) * z;
            sum += term;
            if (term < 1e-18 * sum) {
                break;
            }
        }
        return Math.log(sum);
    }

    static Stream<Arguments> arguments() {
        return Stream.of(
                Arguments.of(1.5, 2.3, 0.5),
                Arguments.of(3.0, 10.0, 0.9),
                Arguments.of(0.6, 0.55, 0.95),
                Arguments.of(10_000.0, 10_000.6, 0.99),
                Arguments.of(1.5, 10_000.0, 0.999),
                Arguments.of(1e-4, 2e-4, 0.3),
                Arguments.of(2.0, 1.0001, 0.99));
    }

    @ParameterizedTest
    @MethodSource("arguments")
    void logValue_agreesWithPowerSeries(double q, double c, double z) {
        assertThat(HypergeometricContinuedFraction.logValue(q, c, z, null, 0))
                .isCloseTo(series(q, c, z), within(1e-11 * (1 + Math.abs(series(q, c, z)))));
    }

    @ParameterizedTest
    @MethodSource("arguments")
    void logValue_gradientAgreesWithFiniteDifferences(double q, double c, double z) {
        double[] g = new double[3];
        HypergeometricContinuedFraction.logValue(q, c, z, g, 0);
        double hq = 1e-6 * Math.max(q, 1.0);
        double hc = 1e-6 * Math.max(c, 1.0);
        double hz = 1e-7 * (1 - z);
        double fq = (HypergeometricContinuedFraction.logValue(q + hq, c, z, null, 0)
                - HypergeometricContinuedFraction.logValue(q - hq, c, z, null, 0)) / (2 * hq);
        double fc = (HypergeometricContinuedFraction.logValue(q, c + hc, z, null, 0)
                - HypergeometricContinuedFraction.logValue(q, c - hc, z, null, 0)) / (2 * hc);
        double fz = (HypergeometricContinuedFraction.logValue(q, c, z + hz, null, 0)
                - HypergeometricContinuedFraction.logValue(q, c, z - hz, null, 0)) / (2 * hz);
        assertThat(g[0]).isCloseTo(fq, within(1e-6 * (1 + Math.abs(fq))));
        assertThat(g[1]).isCloseTo(fc, within(1e-6 * (1 + Math.abs(fc))));
        assertThat(g[2]).isCloseTo(fz, within(1e-6 * (1 + Math.abs(fz))));
    }

    @Test
    void logValue_matchesClosedForms() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z (Abramowitz & Stegun 15.1.3)
        for (double z : new double[] {0.1, 0.5, 0.9, 0.99, 0.999}) {
            assertThat(HypergeometricContinuedFraction.logValue(1.0, 1.0, z, null, 0))
                    .isCloseTo(Math.log(-Math.log1p(-z) / z), within(1e-12));
            // 2F1(1, b; b; z) = 1 / (1 - z)
            assertThat(HypergeometricContinuedFraction.logValue(3.7, 2.7, z, null, 0))
                    .isCloseTo(-Math.log1p(-z), within(1e-12));
        }
    }

    @Test
    void logValue_atZeroIsZeroWithSeriesSlope() {
        double[] g = new double[3];
        assertThat(HypergeometricContinuedFraction.logValue(2.0, 3.0, 0.0, g, 0)).isZero();
        assertThat(g[2]).isCloseTo(0.5, within(1e-15));
    }
}
