package org.crmkit.scoring.btyd;

import java.util.List;
import java.util.Map;
import org.crmkit.scoring.btyd.internal.BetaGeometricNbd;
import org.crmkit.scoring.btyd.internal.BgNbdModel;
import org.crmkit.scoring.btyd.internal.ModelSupport;

/**
 * The BG/NBD ("beta-geometric / negative binomial distribution") model of Fader, Hardie
 * and Lee (2005), "'Counting your customers' the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2), 275-284, with parameters {@code r, alpha}
 * (gamma heterogeneity of the purchase rate) and {@code a, b} (beta heterogeneity of the
 * drop-out probability after each repeat purchase).
 *
 * <p>Equation numbers in the method documentation refer to that paper: eq. 8
 * P(X(t) = x), eq. 9 E[X(t)], eq. 10 the conditional expectation (the numbering used by
 * the lifetimes package's {@code BetaGeoFitter}). The likelihood is the paper's likelihood
 * of a randomly chosen customer (its equation number is not quoted here because it could
 * not be checked). P(alive) follows Fader, Hardie and Lee (2008), "Computing P(alive)
 * using the BG/NBD model", www.brucehardie.com/notes/021/. The example uses the CDNOW
 * estimates published in the paper, r = 0.243, alpha = 4.414, a = 0.793, b = 2.426
 * (LL = -9582.4), as also quoted by the CLVTools and lifetimes test suites.
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
 * BgNbd model = fit.model();            // or BgNbd.of(0.243, 4.414, 0.793, 2.426)
 * double e = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares the parameter
 * values exactly.
 */
public final class BgNbd implements PurchaseModel {

    /** The model name, {@value}. */
    public static final String NAME = "bg-nbd";
    private static final BtydModel<BgNbd> MODEL = new BgNbdModel();

    private final BetaGeometricNbd math;
    private final double[] values;

    private BgNbd(double r, double alpha, double a, double b) {
        this.math = new BetaGeometricNbd(r, alpha, a, b, false);
        this.values = new double[] {r, alpha, a, b};
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param r the shape of the purchase-rate gamma distribution, positive
     * @param alpha the scale of the purchase-rate gamma distribution, positive
     * @param a the first shape of the drop-out beta distribution, positive
     * @param b the second shape of the drop-out beta distribution, positive
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static BgNbd of(double r, double alpha, double a, double b) {
        return new BgNbd(r, alpha, a, b);
    }

    /**
     * Returns the model specification for fitting, persistence and the SPI.
     *
     * @return the BG/NBD specification, never null
     */
    public static BtydModel<BgNbd> model() {
        return MODEL;
    }

    @Override
    public String modelName() {
        return NAME;
    }

    @Override
    public Map<String, Double> parameters() {
        return ModelSupport.parameterMap(MODEL.parameterNames(), values);
    }

    /**
     * Returns the parameters r, alpha, a, b.
     *
     * @return the values in that order, never null
     */
    public List<Double> parameterValues() {
        return List.of(values[0], values[1], values[2], values[3]);
    }

    /**
     * {@inheritDoc} Equation 9 of Fader, Hardie and Lee (2005), {@code (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r
     * 2F1(r, b; a+b-1; t/(alpha+t))]}, evaluated without division by {@code a - 1}.
     */
    @Override
    public double expectedPurchases(double t) {
        return math.expectedPurchases(t);
    }

    /** {@inheritDoc} Equation 10 of Fader, Hardie and Lee (2005). */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        return math.conditionalExpectedPurchases(t, x, tx, age);
    }

    /**
     * {@inheritDoc} Factors that depend only on (x, T) are shared between customers of
     * a chunk, so data with few distinct (x, T) pairs (summaries on a daily grid) are
     * scored fastest.
     */
    @Override
    public void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age,
            double[] out) {
        int n = java.util.Objects.requireNonNull(x, "x").length;
        if (java.util.Objects.requireNonNull(tx, "tx").length != n
                || java.util.Objects.requireNonNull(age, "age").length != n
                || java.util.Objects.requireNonNull(out, "out").length != n) {
            throw new IllegalArgumentException("arrays differ in length: x " + n + ", tx "
                    + tx.length + ", T " + age.length + ", out " + out.length);
        }
        math.conditionalExpectedPurchases(t, x, tx, age, out);
    }

    /** {@inheritDoc} One pass computes both, sharing P(alive). */
    @Override
    public void predict(double t, double[] x, double[] tx, double[] age, double[] expected,
            double[] alive) {
        int n = java.util.Objects.requireNonNull(x, "x").length;
        if (java.util.Objects.requireNonNull(tx, "tx").length != n
                || java.util.Objects.requireNonNull(age, "age").length != n
                || java.util.Objects.requireNonNull(expected, "expected").length != n
                || java.util.Objects.requireNonNull(alive, "alive").length != n) {
            throw new IllegalArgumentException("arrays differ in length: x " + n + ", tx "
                    + tx.length + ", T " + age.length + ", expected " + expected.length
                    + ", alive " + alive.length);
        }
        math.predict(t, x, tx, age, expected, alive);
    }

    /**
     * {@inheritDoc} {@code 1 / (1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))}
     * (Fader, Hardie and Lee 2008, "Computing P(alive) using the BG/NBD model"); equal to 1
     * for {@code x = 0}: BG/NBD customers die only after a purchase.
     */
    @Override
    public double probabilityAlive(double x, double tx, double age) {
        return math.probabilityAlive(x, tx, age);
    }

    @Override
    public double probabilityAliveAt(double t, double x, double tx, double age) {
        return math.probabilityAliveAt(t, x, tx, age);
    }

    /** {@inheritDoc} Equation 8 of Fader, Hardie and Lee (2005). */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        return math.probabilityOfPurchases(n, t);
    }

    @Override
    public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx,
            double age) {
        return math.conditionalProbabilityOfPurchases(n, t, x, tx, age);
    }

    @Override
    public SimulatedCohort simulate(double[] ages, double holdout, long seed) {
        return math.simulate(java.util.Objects.requireNonNull(ages, "ages"), holdout, seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BgNbd && java.util.Arrays.equals(values, ((BgNbd) o).values);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values);
    }

    /**
     * Returns the format {@code bg-nbd{r=.., alpha=.., a=.., b=..}}.
     *
     * @return the model and its parameters, never null
     */
    @Override
    public String toString() {
        return NAME + parameters();
    }
}
