package org.crmkit.scoring.btyd;

import java.util.SplittableRandom;

/**
 * Gamma and beta variates for the simulators.
 *
 * <p>Gamma by Marsaglia &amp; Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3), with the boost {@code G(a) = G(a + 1) U^(1/a)} for shapes
 * below one, computed in log space so that shapes down to {@code 1e-4} give tiny positive
 * values rather than underflow surprises in the caller; beta as {@code G1 / (G1 + G2)}.
 * Written here rather than taken from Hipparchus because its distributions draw through a
 * {@code RandomGenerator} object per distribution instance and allocate per parameter set,
 * while the simulators draw one pair of parameters per customer.
 *
 * <p>Not thread-safe: one instance per thread, like the {@link SplittableRandom} it wraps.
 */
final class RandomDraws {

    private final SplittableRandom random;

    RandomDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform() {
        return random.nextDouble();
    }

    /** A uniform variate in (0, 1), never zero. */
    double openUniform() {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0.0);
        return u;
    }

    double exponential(double rate) {
        return -Math.log(openUniform()) / rate;
    }

    double normal() {
        // Marsaglia polar method
        double u;
        double v;
        double q;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            q = u * u + v * v;
        } while (q >= 1.0 || q == 0.0);
        return u * Math.sqrt(-2.0 * Math.log(q) / q);
    }

    /** The logarithm of a gamma(shape, 1) variate. */
    double logGamma(double shape) {
        if (shape < 1.0) {
            return logGamma(shape + 1.0) + Math.log(openUniform()) / shape;
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = normal();
            double v = 1.0 + c * z;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = openUniform();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return Math.log(d) + Math.log(v);
            }
        }
    }

    /** A gamma variate with the given shape and rate. */
    double gamma(double shape, double rate) {
        return Math.exp(logGamma(shape)) / rate;
    }

    /** A beta(a, b) variate. */
    double beta(double a, double b) {
        double la = logGamma(a);
        double lb = logGamma(b);
        double m = Math.max(la, lb);
        double ea = Math.exp(la - m);
        return ea / (ea + Math.exp(lb - m));
    }
}
