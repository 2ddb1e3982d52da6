package org.crmkit.scoring.btyd.internal;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Integrates {@code exp(h(v))} over an interval, possibly unbounded, for a smooth concave
 * {@code h}, in log space, together with weighted means of a few functions under that
 * density.
 *
 * <p>Every integral this package needs outside the hypergeometric continued fraction can be
 * written, after a logarithmic change of variable, with a log-concave integrand: the
 * Pareto/NBD tail integral {@code J(t)} near its singular limit, the finite integral of
 * Fader &amp; Hardie's P(X(t) = x) note, and the discounted lifetime integral. A
 * log-concave density is unimodal, so the integrator finds the mode by bisection on
 * {@code h'}, then marches outwards with composite 16-point Gauss-Legendre panels whose
 * width adapts so that {@code h} drops by at most 4 across a panel and stays within 0.05
 * of linear at its midpoint (so every panel holds a nearly exponential piece that
 * Gauss-Legendre integrates to full double precision), and stops where {@code h} has
 * fallen 45 below its maximum (a relative contribution below {@code 1e-19}, which
 * concavity bounds for the rest of the tail). The Hipparchus factory supplies the nodes;
 * an adaptive integrator from Hipparchus is not used because it works in linear scale and
 * cannot see where the mass of an unbounded, sharply peaked integrand lies.
 *
 * <p>Stateless; thread-safe.
 */
public final class LogConcaveQuadrature {

    /** The integrand: a concave log density and optional weight functions. */
    public interface Integrand {
        /**
         * Returns the log density.
         *
         * @param v the point
         * @return {@code h(v)}
         */
        double logDensity(double v);

        /**
         * Returns the derivative of the log density.
         *
         * @param v the point
         * @return {@code h'(v)}
         */
        double slope(double v);

        /**
         * Writes the weight functions at {@code v}.
         *
         * @param v the point
         * @param out receives one value per weight function
         */
        default void weights(double v, double[] out) {
        }
    }

    private static final int ORDER = 16;
    private static final double[] NODES = new double[ORDER];
    private static final double[] WEIGHTS = new double[ORDER];
    private static final double MAX_DROP = 4.0;
    private static final double MAX_BEND = 0.05;
    private static final double NEGLIGIBLE = 45.0;
    private static final int MAX_PANELS = 100_000;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(ORDER, -1.0, 1.0);
        for (int i = 0; i < ORDER; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private LogConcaveQuadrature() {
    }

    /**
     * Returns {@code ln} of the integral of {@code exp(h)} over {@code [lo, hi]}.
     *
     * @param f the integrand
     * @param lo the lower limit, may be {@link Double#NEGATIVE_INFINITY}
     * @param hi the upper limit, {@code > lo}, may be {@link Double#POSITIVE_INFINITY}
     * @param weightCount the number of weight functions of {@code f} to average
     * @param means receives the means of the weight functions under the normalised
     *     density, or {@code null} when {@code weightCount} is 0
     * @return the log integral
     */
    public static double logIntegral(Integrand f, double lo, double hi, int weightCount, double[] means) {
        double mode = mode(f, lo, hi);
        double hMax = f.logDensity(mode);
        double[] sums = new double[weightCount + 1];
        double[] w = new double[Math.max(weightCount, 1)];
        march(f, mode, hi, 1.0, hMax, sums, w, weightCount);
        march(f, mode, lo, -1.0, hMax, sums, w, weightCount);
        for (int k = 0; k < weightCount; k++) {
            means[k] = sums[k + 1] / sums[0];
        }
        return hMax + Math.log(sums[0]);
    }

    private static double mode(Integrand f, double lo, double hi) {
        boolean finiteLo = lo > Double.NEGATIVE_INFINITY;
        boolean finiteHi = hi < Double.POSITIVE_INFINITY;
        if (finiteLo && f.slope(lo) <= 0.0) {
            return lo;
        }
        if (finiteHi && f.slope(hi) >= 0.0) {
            return hi;
        }
        double a;
        double b;
        if (finiteLo) {
            a = lo;
            b = finiteHi ? hi : lo + 1.0;
            for (double step = 1.0; !finiteHi && f.slope(b) > 0.0; step *= 2.0) {
                a = b;
                b += step;
            }
        } else {
            b = finiteHi ? hi : 0.0;
            a = b - 1.0;
            if (!finiteHi) {
                for (double step = 1.0; f.slope(b) > 0.0; step *= 2.0) {
                    a = b;
                    b += step;
                }
            }
            for (double step = 1.0; f.slope(a) < 0.0; step *= 2.0) {
                b = a;
                a -= step;
            }
        }
        for (int i = 0; i < 200 && b - a > 1e-12 * (1.0 + Math.abs(a)); i++) {
            double mid = 0.5 * (a + b);
            if (f.slope(mid) > 0.0) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return 0.5 * (a + b);
    }

    private static void march(Integrand f, double start, double end, double direction, double hMax,
            double[] sums, double[] w, int weightCount) {
        double x = start;
        double hx = f.logDensity(x);
        // a steep start needs a panel of about one e-fold; a flat one starts at width 1
        double steepness = Math.abs(f.slope(x));
        double width = steepness > 1.0 ? 1.0 / steepness : 1.0;
        for (int panel = 0; panel < MAX_PANELS; panel++) {
            double remaining = (end - x) * direction;
            if (!(remaining > 0.0)) {
                return;
            }
            width = Math.min(width, remaining);
            double hNext;
            while (true) {
                hNext = f.logDensity(x + direction * width);
                double hMid = f.logDensity(x + direction * 0.5 * width);
                boolean tooSteep = hx - hNext > MAX_DROP;
                boolean tooBent = Math.abs(hMid - 0.5 * (hx + hNext)) > MAX_BEND;
                if ((tooSteep || tooBent) && width > 1e-13 * (1.0 + Math.abs(x))) {
                    width *= 0.25;
                } else {
                    break;
                }
            }
            double half = 0.5 * width;
            double centre = x + direction * half;
            for (int i = 0; i < ORDER; i++) {
                double v = centre + half * NODES[i];
                double mass = WEIGHTS[i] * half * Math.exp(f.logDensity(v) - hMax);
                sums[0] += mass;
                if (weightCount > 0) {
                    f.weights(v, w);
                    for (int k = 0; k < weightCount; k++) {
                        sums[k + 1] += mass * w[k];
                    }
                }
            }
            double drop = hx - hNext;
            x += direction * width;
            hx = hNext;
            if (hx < hMax - NEGLIGIBLE) {
                return;
            }
            if (drop < 1.0) {
                width *= 2.0;
            }
        }
    }
}
