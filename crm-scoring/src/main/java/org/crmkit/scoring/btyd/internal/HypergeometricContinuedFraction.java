package org.crmkit.scoring.btyd.internal;

/**
 * The Gauss hypergeometric function {@code 2F1(1, q; c + 1; z)} for {@code q > 0},
 * {@code c > 0} and {@code 0 <= z < 1}, in log space, with its partial derivatives.
 *
 * <p>Every hypergeometric term of the Pareto/NBD likelihood (Fader &amp; Hardie 2005,
 * "A note on deriving the Pareto/NBD model and related expressions", section 3) and of
 * the BG/BB DERT (Fader, Hardie &amp; Shang 2010) can be brought to this form: Euler's
 * transformation {@code 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z)}
 * (Abramowitz &amp; Stegun 15.3.3) turns {@code 2F1(c, b; c + 1; z)} into
 * {@code (1 - z)^(1 - b) 2F1(1, c + 1 - b; c + 1; z)}. Unlike the untransformed series,
 * whose terms grow for thousands of steps when {@code b} is large (many purchases) and
 * {@code z} is close to one, the remaining function is evaluated here by the continued
 * fraction of the incomplete beta function
 * {@code B_z(a, b) = z^a (1 - z)^b / a * 2F1(a + b, 1; a + 1; z)} (A&amp;S 26.5.8, here with
 * {@code a = c} and {@code a + b = q}), which converges for every {@code z < 1} and in a
 * few dozen steps where the power series would need thousands. It is evaluated with the
 * modified Lentz algorithm (Press et al., Numerical Recipes, 3rd ed., section 5.2).
 *
 * <p>The partial derivatives with respect to {@code q}, {@code c} and {@code z} are
 * carried through the Lentz recursion in forward mode: each partial numerator is a
 * rational function of the parameters, so the derivative of every convergent is exact up
 * to rounding, and the recursion stops only once the value and all three derivatives have
 * converged. This avoids both finite differences and the parameter derivatives of the
 * hypergeometric series, which have no closed form.
 *
 * <p>Stateless and allocation-free; thread-safe.
 */
public final class HypergeometricContinuedFraction {

    private static final double EPSILON = 1e-15;
    private static final double DERIVATIVE_EPSILON = 1e-14;
    private static final double TINY = 1e-300;
    private static final int DERIVATIVE_STEPS = 64;
    private static final int MAX_ITERATIONS = 1_000_000;

    private HypergeometricContinuedFraction() {
    }

    /**
     * Returns {@code ln 2F1(1, q; c + 1; z)}.
     *
     * @param q the second numerator parameter, {@code > 0}
     * @param c the denominator parameter minus one, {@code > 0}
     * @param z the argument, {@code 0 <= z < 1}
     * @param gradient receives {@code d/dq, d/dc, d/dz} of the logarithm at
     *     {@code offset .. offset + 2} when not {@code null}
     * @param offset the first index written in {@code gradient}
     * @return the logarithm of the function value, finite
     */
    public static double logValue(double q, double c, double z, double[] gradient, int offset) {
        if (z == 0.0) {
            if (gradient != null) {
                gradient[offset] = 0.0;
                gradient[offset + 1] = 0.0;
                gradient[offset + 2] = q / (c + 1.0);
            }
            return 0.0;
        }
        if (gradient == null) {
            return logValueOnly(q, c, z);
        }
        // G = 1 + d1/(1 + d2/(1 + ...)) and the function is 1/G.
        double f = 1.0;
        double gq = 0.0;
        double gc = 0.0;
        double gz = 0.0;
        double cc = 1.0;
        double cq = 0.0;
        double ccc = 0.0;
        double cz = 0.0;
        double dd = 0.0;
        double dq = 0.0;
        double dc = 0.0;
        double dz = 0.0;
        int settled = 0;
        for (int j = 1; j <= MAX_ITERATIONS; j++) {
            double a;
            double aq;
            double ac;
            int m = j >> 1;
            if ((j & 1) == 1) {
                double num = (c + m) * (q + m);
                double den = (c + 2 * m) * (c + 2 * m + 1);
                a = -num * z / den;
                aq = -(c + m) * z / den;
                ac = a * (1.0 / (c + m) - 1.0 / (c + 2 * m) - 1.0 / (c + 2 * m + 1));
            } else {
                double den = (c + 2 * m - 1) * (c + 2 * m);
                a = m * (q - c - m) * z / den;
                aq = m * z / den;
                ac = -m * z / den - a * (1.0 / (c + 2 * m - 1) + 1.0 / (c + 2 * m));
            }
            double az = a / z;

            double dn = 1.0 + a * dd;
            double dnq = aq * dd + a * dq;
            double dnc = ac * dd + a * dc;
            double dnz = az * dd + a * dz;
            if (Math.abs(dn) < TINY) {
                dn = TINY;
            }
            double cn = 1.0 + a / cc;
            double inv = 1.0 / (cc * cc);
            double cnq = aq / cc - a * cq * inv;
            double cnc = ac / cc - a * ccc * inv;
            double cnz = az / cc - a * cz * inv;
            if (Math.abs(cn) < TINY) {
                cn = TINY;
            }
            double dInv = 1.0 / dn;
            double delta = cn * dInv;
            double lq = cnq / cn - dnq * dInv;
            double lc = cnc / cn - dnc * dInv;
            double lz = cnz / cn - dnz * dInv;
            f *= delta;
            gq += lq;
            gc += lc;
            gz += lz;
            cc = cn;
            cq = cnq;
            ccc = cnc;
            cz = cnz;
            dd = dInv;
            dq = -dnq * dInv * dInv;
            dc = -dnc * dInv * dInv;
            dz = -dnz * dInv * dInv;
            if (Math.abs(delta - 1.0) < EPSILON) {
                // the value has converged; give the derivatives a bounded number of steps
                // more, since rounding can keep their increments from reaching zero
                if (++settled > DERIVATIVE_STEPS
                        || Math.abs(lq) <= DERIVATIVE_EPSILON * (1.0 + Math.abs(gq))
                        && Math.abs(lc) <= DERIVATIVE_EPSILON * (1.0 + Math.abs(gc))
                        && Math.abs(lz) <= DERIVATIVE_EPSILON * (1.0 + Math.abs(gz))) {
                    break;
                }
            }
        }
        if (gradient != null) {
            gradient[offset] = -gq;
            gradient[offset + 1] = -gc;
            gradient[offset + 2] = -gz;
        }
        return -Math.log(f);
    }

    /** The same continued fraction without derivatives: about three times cheaper. */
    private static double logValueOnly(double q, double c, double z) {
        double f = 1.0;
        double cc = 1.0;
        double dd = 0.0;
        for (int j = 1; j <= MAX_ITERATIONS; j++) {
            int m = j >> 1;
            double a;
            if ((j & 1) == 1) {
                a = -(c + m) * (q + m) * z / ((c + 2 * m) * (c + 2 * m + 1));
            } else {
                a = m * (q - c - m) * z / ((c + 2 * m - 1) * (c + 2 * m));
            }
            dd = 1.0 + a * dd;
            if (Math.abs(dd) < TINY) {
                dd = TINY;
            }
            cc = 1.0 + a / cc;
            if (Math.abs(cc) < TINY) {
                cc = TINY;
            }
            dd = 1.0 / dd;
            double delta = cc * dd;
            f *= delta;
            if (Math.abs(delta - 1.0) < EPSILON) {
                break;
            }
        }
        return -Math.log(f);
    }
}
