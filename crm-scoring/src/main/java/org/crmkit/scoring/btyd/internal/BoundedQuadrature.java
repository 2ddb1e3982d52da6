package org.crmkit.scoring.btyd.internal;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Integrates {@code exp(h(v))} over a finite interval for a smooth {@code h} that need not be
 * concave, in log space, together with the means of a few weight functions under the
 * normalised integrand (the derivatives of a log-likelihood under the integral sign).
 *
 * <p>The GGompertz/NBD integrals (Bemmaor and Glady 2012) have integrands such as
 * {@code e^(b tau) (alpha + tau)^-(r + x) (beta + e^(b tau) - 1)^-(s + 1)}, whose logarithm is
 * neither concave nor monotone in general, so {@link LogConcaveQuadrature} (which bisects for
 * the mode) does not apply. This rule marches from one end of the interval to the other with
 * composite 16-point Gauss-Legendre panels. A panel is accepted when {@code h} changes by at
 * most 10 across it and stays within 1 of linear at its midpoint; otherwise the width is
 * halved; and its half-width is at most 0.6 of the distance from its centre to the nearest
 * complex singularity of the integrand, which the integrand states (for
 * {@code (alpha + tau)^-(r + x)} the point {@code -alpha}), so that the integrand is analytic
 * inside the Bernstein ellipse of parameter {@code rho = 3} around the panel and the
 * 16-point rule (exact for polynomials of degree 31) converges like {@code rho^-32 ~ 5e-16}
 * (Trefethen 2008, "Is Gauss quadrature better than Clenshaw-Curtis?", SIAM Review 50(1),
 * theorem 4.5). Within these limits the integrand is an exponential of slope at most 5 per
 * half-width times a factor of bounded curvature; the tests check the rule against closed
 * forms to {@code 1e-12}. Panels whose ends both lie more than 40 below the largest value met
 * are exempt from the change limit, since they cannot contribute, and the next panel after
 * one ending there is twice as wide. A panel on which {@code h} changes by less than a quarter of those
 * bounds doubles the width of the next, so a smooth integrand over the whole interval takes
 * one panel. Sums are
 * kept relative to the largest {@code h} met so far and rescaled when it grows, so neither
 * overflow nor underflow can occur. Where the caller knows that {@code h} does not increase
 * beyond some point in the direction of the march, the march stops there once the rest of
 * the interval, at the current height, is below {@code 1e-17} of the sum. The march has at
 * most {@value #MAX_PANELS} panels (a fixed bound, independent of the parameters); an
 * integrand that would need more is an {@link ArithmeticException}, which a fit treats as an
 * infeasible point.
 *
 * <p>Stateless; thread-safe.
 */
public final class BoundedQuadrature {

    /** The integrand: a log density and optional weight functions. */
    public interface Integrand {
        /**
         * Returns the log of the integrand; {@code -Infinity} where it is 0.
         *
         * @param v the point
         * @return {@code h(v)}, never NaN
         */
        double logDensity(double v);

        /**
         * Returns the log of the integrand and writes the weight functions at {@code v}; by
         * default {@link #logDensity(double)} and no weights. Integrands with weights override
         * this to share the work of the two.
         *
         * @param v the point
         * @param out receives one value per weight function
         * @return {@code h(v)}, never NaN
         */
        default double logDensityAndWeights(double v, double[] out) {
            return logDensity(v);
        }

        /**
         * Returns a lower bound on the distance from {@code v} to the nearest singularity of
         * {@code exp(h)} continued into the complex plane (a pole or branch point of a factor
         * such as {@code (alpha + tau)^-(r + x)}); by default none.
         *
         * @param v a point of the interval
         * @return the distance, positive, possibly infinite
         */
        default double singularityDistance(double v) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static final int ORDER = 16;
    private static final double[] NODES = new double[ORDER];
    private static final double[] WEIGHTS = new double[ORDER];
    private static final double MAX_CHANGE = 10.0;
    private static final double MAX_BEND = 1.0;
    private static final double NEGLIGIBLE = 1e-17;
    /** A half-width of at most 0.6 of the distance to a singularity: Bernstein ellipse rho >= 3. */
    private static final double SINGULARITY_FRACTION = 0.6;
    /** Panels far below the largest value so far contribute nothing: the change test is waived there. */
    private static final double FAR_BELOW = 40.0;
    private static final int MAX_PANELS = 200_000;

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(ORDER, -1.0, 1.0);
        for (int i = 0; i < ORDER; i++) {
            NODES[i] = rule.getPoint(i);
            WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private BoundedQuadrature() {
    }

    /**
     * Returns {@code ln} of the integral of {@code exp(h)} between {@code from} and {@code to}
     * (the integral over the interval, whichever of the two is larger), marching from
     * {@code from}.
     *
     * @param f the integrand
     * @param from the end the march starts at, finite
     * @param to the other end, finite
     * @param decreasingBeyond a point from which on, in the direction of the march, {@code h}
     *     does not increase, so the march may stop early; {@code NaN} if there is none
     * @param weightCount the number of weight functions of {@code f} to average
     * @param means receives the means of the weight functions under the normalised
     *     integrand, or {@code null} when {@code weightCount} is 0
     * @return the log integral; {@code -Infinity} for an empty interval or a zero integrand
     */
    public static double logIntegral(Integrand f, double from, double to, double decreasingBeyond,
            int weightCount, double[] means) {
        double direction = to >= from ? 1.0 : -1.0;
        double[] sums = new double[weightCount + 1];
        double[] w = new double[Math.max(weightCount, 1) * ORDER];
        double[] h = new double[ORDER];
        double[] one = new double[Math.max(weightCount, 1)];
        double reference = Double.NaN;
        double x = from;
        double hx = f.logDensity(x);
        double width = Math.abs(to - from);
        for (int panel = 0; panel < MAX_PANELS; panel++) {
            double remaining = (to - x) * direction;
            if (!(remaining > 0.0)) {
                break;
            }
            width = Math.min(width, remaining);
            double hNext;
            double change;
            double bend;
            double floor = 1e-13 * (1.0 + Math.abs(x));
            while (true) {
                double end = width == remaining ? to : x + direction * width;
                hNext = f.logDensity(end);
                double hMid = f.logDensity(x + direction * 0.5 * width);
                change = Math.abs(hx - hNext);
                bend = Math.abs(hMid - 0.5 * (hx + hNext));
                boolean negligible = hx < reference - FAR_BELOW && hNext < reference - FAR_BELOW;
                boolean clear = 0.5 * width <= SINGULARITY_FRACTION
                        * f.singularityDistance(x + direction * 0.5 * width);
                boolean zero = hx == Double.NEGATIVE_INFINITY && hMid == Double.NEGATIVE_INFINITY
                        && hNext == Double.NEGATIVE_INFINITY;
                if (zero) {
                    change = 0.0;
                    bend = 0.0;
                }
                boolean smooth = (change <= MAX_CHANGE || negligible) && bend <= MAX_BEND && clear; // false for NaN
                if (smooth || width <= floor) {
                    break;
                }
                width *= 0.5;
            }
            double half = 0.5 * width;
            double centre = x + direction * half;
            double panelMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < ORDER; i++) {
                double v = centre + half * NODES[i];
                if (weightCount > 0) {
                    h[i] = f.logDensityAndWeights(v, one);
                    System.arraycopy(one, 0, w, i * weightCount, weightCount);
                } else {
                    h[i] = f.logDensity(v);
                }
                panelMax = Math.max(panelMax, h[i]);
            }
            if (panelMax > Double.NEGATIVE_INFINITY) {
                if (Double.isNaN(reference) || panelMax > reference) {
                    double scale = Double.isNaN(reference) ? 0.0 : Math.exp(reference - panelMax);
                    for (int k = 0; k < sums.length; k++) {
                        sums[k] *= scale;
                    }
                    reference = panelMax;
                }
                for (int i = 0; i < ORDER; i++) {
                    double mass = WEIGHTS[i] * half * Math.exp(h[i] - reference);
                    sums[0] += mass;
                    if (mass > 0.0) {
                        for (int k = 0; k < weightCount; k++) {
                            sums[k + 1] += mass * w[i * weightCount + k];
                        }
                    }
                }
            }
            x = width == remaining ? to : x + direction * width;
            hx = hNext;
            boolean decreasing = (x - decreasingBeyond) * direction >= 0.0; // false for NaN
            if (decreasing && sums[0] > 0.0
                    && Math.exp(hx - reference) * (to - x) * direction <= NEGLIGIBLE * sums[0]) {
                break;
            }
            if (change < 0.25 * MAX_CHANGE && bend < 0.25 * MAX_BEND || hx < reference - FAR_BELOW) {
                width *= 2.0;
            }
            if (panel == MAX_PANELS - 1 && (to - x) * direction > 0.0) {
                throw new ArithmeticException("quadrature needs more than " + MAX_PANELS + " panels");
            }
        }
        if (!(sums[0] > 0.0)) {
            for (int k = 0; k < weightCount; k++) {
                means[k] = 0.0;
            }
            return Double.NEGATIVE_INFINITY;
        }
        for (int k = 0; k < weightCount; k++) {
            means[k] = sums[k + 1] / sums[0];
        }
        return reference + Math.log(sums[0]);
    }
}
