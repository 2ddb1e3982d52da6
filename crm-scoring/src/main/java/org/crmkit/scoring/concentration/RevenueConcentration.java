package org.crmkit.scoring.concentration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How concentrated revenue (or margin) is among customers: share held by the top p %,
 * Lorenz curve, Gini coefficient and ABC classes (the 80/20 rule).
 *
 * <p>Definitions, for n customers with values sorted ascending x_(1) &lt;= ... &lt;=
 * x_(n) and total S:
 * <ul>
 *   <li>Lorenz curve (Lorenz 1905, "Methods of measuring the concentration of wealth",
 *       Publ. Amer. Statist. Assoc. 9(70)): the polygon through the points
 *       {@code (i / n, (x_(1) + ... + x_(i)) / S)}, i = 0..n; between them it is linear.</li>
 *   <li>share of the top p: {@code 1 - L(1 - p)} on that polygon, exact where p n is an
 *       integer, interpolated otherwise.</li>
 *   <li>Gini coefficient (Gini 1912, "Variabilità e mutabilità"): one minus twice the
 *       area under the Lorenz polygon, computed as
 *       {@code G = sum_i (2 i - n - 1) x_(i) / (n S)}; 0 when all values are equal,
 *       {@code (n - 1) / n} when one customer holds everything.</li>
 *   <li>ABC classes: customers sorted by value, largest first; a customer is A when the
 *       customers before it hold less than the A share of S (so A is the smallest top
 *       group reaching the share), B when they hold less than the B share, otherwise C.
 *       Equal values always share a class: a tie group takes the class of its first
 *       member.</li>
 * </ul>
 *
 * <pre>{@code
 * RevenueConcentration c = RevenueConcentration.of(revenuePerCustomer);
 * double top20 = c.shareOfTop(0.20);  // e.g. 0.8 under the 80/20 rule
 * double gini = c.gini();
 * AbcClass[] classes = c.abcClasses(0.80, 0.95);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RevenueConcentration {
    private final double[] values;
    private final double[] sortedAscending;
    private final double[] cumulative; // cumulative[i] = sum of the i smallest
    private final double total;

    private RevenueConcentration(double[] values, double[] sorted, double[] cumulative) {
        this.values = values;
        this.sortedAscending = sorted;
        this.cumulative = cumulative;
        this.total = cumulative[cumulative.length - 1];
    }

    /**
     * Analyses per-customer values.
     *
     * @param values revenue or margin per customer, not null, not empty, finite and
     *     {@code >= 0}, not all zero; copied
     * @return the analysis, never null
     * @throws IllegalArgumentException if the values are empty, all zero, or one is
     *     negative or not finite (the message names it)
     */
    public static RevenueConcentration of(double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        "value " + i + " must be finite and >= 0: " + values[i]);
            }
        }
        double[] copy = values.clone();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] cum = new double[sorted.length + 1];
        for (int i = 0; i < sorted.length; i++) {
            cum[i + 1] = cum[i] + sorted[i];
        }
        if (!(cum[sorted.length] > 0)) {
            throw new IllegalArgumentException("all values are zero: concentration is undefined");
        }
        if (!Double.isFinite(cum[sorted.length])) {
            throw new IllegalArgumentException("the total is not finite");
        }
        return new RevenueConcentration(copy, sorted, cum);
    }

    /**
     * Returns the number of customers.
     *
     * @return n
     */
    public int size() {
        return values.length;
    }

    /**
     * Returns the total of all values.
     *
     * @return S, positive
     */
    public double total() {
        return total;
    }

    /**
     * Returns the Lorenz curve value L(p): the share of the total held by the poorest
     * fraction p of customers (linear between the polygon's points).
     *
     * @param populationShare p in [0, 1]
     * @return L(p) in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public double lorenz(double populationShare) {
        checkShare(populationShare);
        int n = values.length;
        double pos = populationShare * n;
        int i = (int) Math.floor(pos);
        if (i >= n) {
            return 1.0;
        }
        double frac = pos - i;
        double v = (cumulative[i] + frac * sortedAscending[i]) / total;
        return Math.min(1.0, v);
    }

    /**
     * Returns the share of the total held by the top fraction p of customers,
     * {@code 1 - L(1 - p)}.
     *
     * @param topShare p in [0, 1], e.g. 0.2 for the top 20 %
     * @return the share in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public double shareOfTop(double topShare) {
        checkShare(topShare);
        return Math.max(0.0, 1.0 - lorenz(1.0 - topShare));
    }

    /**
     * Returns {@code points} evenly spaced points of the Lorenz curve, from (0, 0) to
     * (1, 1).
     *
     * @param points the number of points, {@code >= 2}
     * @return the points in ascending population share, never null
     * @throws IllegalArgumentException if {@code points < 2}
     */
    public List<LorenzPoint> lorenzCurve(int points) {
        if (points < 2) {
            throw new IllegalArgumentException("need at least 2 points: " + points);
        }
        List<LorenzPoint> curve = new ArrayList<>(points);
        for (int k = 0; k < points; k++) {
            double p = k == points - 1 ? 1.0 : (double) k / (points - 1);
            curve.add(new LorenzPoint(p, lorenz(p)));
        }
        return curve;
    }

    /**
     * Returns the Gini coefficient {@code sum_i (2 i - n - 1) x_(i) / (n S)}.
     *
     * @return G in [0, (n - 1) / n]
     */
    public double gini() {
        int n = values.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (2.0 * (i + 1) - n - 1) * sortedAscending[i];
        }
        return Math.max(0.0, s / ((double) n * total));
    }

    /**
     * Returns the ABC classes with the default shares 80 % and 95 %.
     *
     * @return the class of each customer in input order, never null
     */
    public AbcClass[] abcClasses() {
        return abcClasses(0.80, 0.95);
    }

    /**
     * Returns the ABC classes by cumulative share thresholds.
     *
     * @param aShare share of the total that the A customers reach, in (0, 1]
     * @param bShare share that A and B customers reach, in [aShare, 1]
     * @return the class of each customer in input order, never null
     * @throws IllegalArgumentException if the shares are out of range or out of order
     */
    public AbcClass[] abcClasses(double aShare, double bShare) {
        if (!(aShare > 0 && aShare <= 1 && bShare >= aShare && bShare <= 1)) {
            throw new IllegalArgumentException(
                    "need 0 < aShare <= bShare <= 1: " + aShare + ", " + bShare);
        }
        // walk from the largest value down; find the smallest value classed A and B
        int n = values.length;
        double cutA = Double.POSITIVE_INFINITY;
        double cutB = Double.POSITIVE_INFINITY;
        int i = n - 1;
        double before = 0;
        while (i >= 0) {
            double v = sortedAscending[i];
            int j = i;
            double group = 0;
            while (j >= 0 && sortedAscending[j] == v) {
                group += v;
                j--;
            }
            if (before < aShare * total) {
                cutA = v;
                cutB = v;
            } else if (before < bShare * total) {
                cutB = v;
            } else {
                break;
            }
            before += group;
            i = j;
        }
        AbcClass[] classes = new AbcClass[n];
        for (int k = 0; k < n; k++) {
            double v = values[k];
            classes[k] = v >= cutA ? AbcClass.A : v >= cutB ? AbcClass.B : AbcClass.C;
        }
        return classes;
    }

    private static void checkShare(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1]: " + p);
        }
    }
}
