package org.crmkit.scoring.diagnostics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.scoring.concentration.AbcClass;
import org.crmkit.scoring.concentration.LorenzPoint;
import org.crmkit.scoring.concentration.RevenueConcentration;

/**
 * The Lorenz curve and ABC classes of a revenue distribution, as plot data: the curve of
 * {@link RevenueConcentration#lorenzCurve(int)} (Lorenz 1905), the line of equality, the
 * Gini coefficient, and the share of customers and of revenue in each ABC class
 * ({@link RevenueConcentration#abcClasses(double, double)}, default shares 80 % and 95 %).
 *
 * <pre>{@code
 * LorenzChart c = LorenzChart.of(revenuePerCustomer, 101);
 * double gini = c.gini();
 * double aCustomers = c.customerShare(AbcClass.A);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LorenzChart {
    private final List<LorenzPoint> curve;
    private final double gini;
    private final double topFifthShare;
    private final Map<AbcClass, double[]> abc; // class -> {customer share, revenue share}

    private LorenzChart(List<LorenzPoint> curve, double gini, double topFifthShare, Map<AbcClass, double[]> abc) {
        this.curve = List.copyOf(curve);
        this.gini = gini;
        this.topFifthShare = topFifthShare;
        this.abc = abc;
    }

    /**
     * Analyses per-customer values ({@link RevenueConcentration#of(double[])}) and takes the
     * plot data, with ABC classes by the shares 80 % and 95 %.
     *
     * @param values revenue or margin per customer, finite and {@code >= 0}, not all zero,
     *     not null (not kept)
     * @param points the number of curve points, {@code 2 <= points <= 100001}
     * @return the chart data, never null
     * @throws IllegalArgumentException if points is out of range or the values are invalid
     *     (see {@link RevenueConcentration#of(double[])})
     */
    public static LorenzChart of(double[] values, int points) {
        Objects.requireNonNull(values, "values");
        if (points < 2 || points > 100_001) {
            throw new IllegalArgumentException("points " + points + " is not in 2..100001");
        }
        RevenueConcentration concentration = RevenueConcentration.of(values);
        AbcClass[] classes = concentration.abcClasses();
        Map<AbcClass, double[]> abc = new EnumMap<>(AbcClass.class);
        for (AbcClass c : AbcClass.values()) {
            abc.put(c, new double[2]);
        }
        for (int i = 0; i < classes.length; i++) {
            double[] s = abc.get(classes[i]);
            s[0]++;
            s[1] += values[i];
        }
        for (double[] s : abc.values()) {
            s[0] /= classes.length;
            s[1] = Math.min(1, s[1] / concentration.total());
        }
        return new LorenzChart(concentration.lorenzCurve(points), concentration.gini(),
                concentration.shareOfTop(0.2), abc);
    }

    /**
     * Returns the points of the Lorenz curve, from (0, 0) to (1, 1).
     *
     * @return an unmodifiable list, never null
     */
    public List<LorenzPoint> curve() {
        return curve;
    }

    /**
     * Returns the Gini coefficient.
     *
     * @return G in [0, 1)
     */
    public double gini() {
        return gini;
    }

    /**
     * Returns the share of revenue of the top 20 % of customers.
     *
     * @return the share in [0, 1]
     */
    public double topFifthShare() {
        return topFifthShare;
    }

    /**
     * Returns the share of customers in an ABC class.
     *
     * @param abcClass the class, not null
     * @return the share in [0, 1]
     */
    public double customerShare(AbcClass abcClass) {
        return abc.get(Objects.requireNonNull(abcClass, "abcClass"))[0];
    }

    /**
     * Returns the share of revenue of an ABC class.
     *
     * @param abcClass the class, not null
     * @return the share in [0, 1]
     */
    public double revenueShare(AbcClass abcClass) {
        return abc.get(Objects.requireNonNull(abcClass, "abcClass"))[1];
    }

    /**
     * Returns the plotted numbers: x is the share of customers from the smallest
     * ({@code customer_share}), series {@code Lorenz curve} and {@code equality}.
     *
     * @return the table, never null
     */
    public PlotTable table() {
        int n = curve.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = curve.get(i).populationShare();
            y[i] = curve.get(i).valueShare();
        }
        return new PlotTable.Builder("customer_share", x).add("Lorenz curve", y).add("equality", x).build();
    }

    /**
     * Returns the format {@code LorenzChart[gini=.., top 20%=..]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "LorenzChart[gini=" + gini + ", top 20%=" + topFifthShare + "]";
    }
}
