package org.crmkit.scoring.btyd;

import java.util.List;
import java.util.Map;
import org.crmkit.scoring.btyd.internal.BetaGeometricNbd;
import org.crmkit.scoring.btyd.internal.MbgNbdModel;
import org.crmkit.scoring.btyd.internal.ModelSupport;

/**
 * The MBG/NBD ("modified BG/NBD") model of Batislam, Denizel and Filiztekin (2007),
 * "Empirical validation and comparison of models for customer base analysis",
 * International Journal of Research in Marketing 24(3), 201-209: BG/NBD in which a
 * customer may also drop out right after the first purchase, so customers without repeat
 * purchases are not assumed alive. Parameters {@code r, alpha} (gamma purchase rate) and
 * {@code a, b} (beta drop-out probability).
 *
 * <p>Batislam et al. fit the model to grocery retail transaction data (paper abstract,
 * doi:10.1016/j.ijresmar.2006.12.005), not to CDNOW; formulas below are cited by name,
 * without equation numbers, because those could not be checked against the paper. The
 * same model is implemented in R's BTYDplus ({@code mbgnbd.*}, equivalently
 * {@code mbgcnbd.*} with {@code k = 1}) and Python's lifetimes
 * ({@code ModifiedBetaGeoFitter}).
 *
 * <pre>{@code
 * FitResult<MbgNbd> fit = BtydFitter.standard().fit(MbgNbd.model(), data);
 * double alive = fit.model().probabilityAlive(0, 0, 38.86); // below 1, unlike BG/NBD
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@code equals} compares the parameter
 * values exactly.
 */
public final class MbgNbd implements PurchaseModel {

    /** The model name, {@value}. */
    public static final String NAME = "mbg-nbd";
    private static final BtydModel<MbgNbd> MODEL = new MbgNbdModel();

    private final BetaGeometricNbd math;
    private final double[] values;

    private MbgNbd(double r, double alpha, double a, double b) {
        this.math = new BetaGeometricNbd(r, alpha, a, b, true);
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
    public static MbgNbd of(double r, double alpha, double a, double b) {
        return new MbgNbd(r, alpha, a, b);
    }

    /**
     * Returns the model specification for fitting, persistence and the SPI.
     *
     * @return the MBG/NBD specification, never null
     */
    public static BtydModel<MbgNbd> model() {
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
     * {@inheritDoc} Batislam et al. (2007), the expectation of a new customer,
     * {@code b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]}, evaluated
     * without division by {@code a - 1}.
     */
    @Override
    public double expectedPurchases(double t) {
        return math.expectedPurchases(t);
    }

    /** {@inheritDoc} Batislam et al. (2007), the conditional expectation. */
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

    /** {@inheritDoc} {@code 1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x))} (Batislam et al. 2007). */
    @Override
    public double probabilityAlive(double x, double tx, double age) {
        return math.probabilityAlive(x, tx, age);
    }

    @Override
    public double probabilityAliveAt(double t, double x, double tx, double age) {
        return math.probabilityAliveAt(t, x, tx, age);
    }

    /**
     * {@inheritDoc} Fader, Hardie and Lee (2005) eq. 8 (BG/NBD) with drop-out also possible
     * at time 0, as in Batislam et al. (2007).
     */
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
        return o instanceof MbgNbd && java.util.Arrays.equals(values, ((MbgNbd) o).values);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values);
    }

    /**
     * Returns the format {@code mbg-nbd{r=.., alpha=.., a=.., b=..}}.
     *
     * @return the model and its parameters, never null
     */
    @Override
    public String toString() {
        return NAME + parameters();
    }
}
