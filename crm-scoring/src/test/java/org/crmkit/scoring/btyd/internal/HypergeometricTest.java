package org.crmkit.scoring.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two routes to {@code G(r, alpha, a, b, t)} — Euler-transformed series and tanh-sinh
 * quadrature of the beta mixture — agree wherever both apply, over a seeded random grid.
 */
class HypergeometricTest {

    @Test
    void seriesAndQuadrature_agreeOverRandomParameters() {
        Random random = new Random(12);
        int compared = 0;
        for (int k = 0; k < 400; k++) {
            double r = Math.pow(10, -2 + 3.5 * random.nextDouble());
            double alpha = Math.pow(10, -2 + 4 * random.nextDouble());
            double a = Math.pow(10, -1.5 + 3 * random.nextDouble());
            double b = Math.pow(10, -1.5 + 3 * random.nextDouble());
            double t = Math.pow(10, -2 + 4 * random.nextDouble());
            double z = t / (alpha + t);
            double c = a + b - 1;
            if (z > 0.9 || c < 0.5) {
                continue;
            }
            double series = Hypergeometric.series(r, a, c, z);
            if (Double.isNaN(series)) {
                continue;
            }
            double quadrature = Hypergeometric.quadrature(r, alpha, a, b, t);
            assertThat(quadrature).as("r=%s alpha=%s a=%s b=%s t=%s", r, alpha, a, b, t)
                    .isCloseTo(series, within(1e-7 * Math.abs(series) + 1e-300));
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void seriesAndQuadrature_agreeForShapesFrom1eMinus4To1e4() {
        // shapes from 1e-4 (mass at an endpoint) to 1e4 (narrow peak)
        Random random = new Random(13);
        int compared = 0;
        for (int k = 0; k < 4000; k++) {
            double r = Math.pow(10, -4 + 8 * random.nextDouble());
            double alpha = Math.pow(10, -2 + 4 * random.nextDouble());
            double a = Math.pow(10, -4 + 8 * random.nextDouble());
            double b = Math.pow(10, -4 + 8 * random.nextDouble());
            double t = Math.pow(10, -2 + 4 * random.nextDouble());
            double z = t / (alpha + t);
            double c = a + b - 1;
            if (z > 0.9 || c < 0.5) {
                continue;
            }
            double series = Hypergeometric.series(r, a, c, z);
            if (Double.isNaN(series)) {
                continue;
            }
            assertThat(Hypergeometric.quadrature(r, alpha, a, b, t))
                    .as("r=%s alpha=%s a=%s b=%s t=%s", r, alpha, a, b, t)
                    .isCloseTo(series, within(1e-6 * Math.abs(series)));
            compared++;
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void quadrature_smallHorizon_isLinearInT() {
        // E[(1 - (alpha/(alpha+p t))^r)/p] -> r t / alpha as t -> 0, for any beta mixture
        assertThat(Hypergeometric.quadrature(0.7, 3, 0.2, 5, 1e-9)).isCloseTo(0.7 * 1e-9 / 3, within(1e-18));
        assertThat(Hypergeometric.expectedPurchases(0.7, 3, 0.2, 5, 1e-9)).isCloseTo(0.7 * 1e-9 / 3, within(1e-18));
    }
}
