package org.crmkit.scoring.btyd;

import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.internal.BetaGeometricNbd;

/**
 * The part of {@link BgNbd} and {@link MbgNbd} that is the same for both: every
 * {@link PurchaseModel} method delegates to one {@link BetaGeometricNbd}, whose
 * {@code modified} flag selects the formulas where the two models differ (Batislam,
 * Denizel and Filiztekin 2007: under MBG/NBD a customer can also drop out at time 0).
 * The bulk methods check their arrays here and then run the shared, allocation-free
 * loops of {@link BetaGeometricNbd}.
 *
 * <p>Instances are immutable and thread-safe.
 */
abstract class BetaGeometricModel extends ParametricModel implements PurchaseModel {

    private final BetaGeometricNbd math;

    BetaGeometricModel(BtydModel<?> specification, double r, double alpha, double a, double b,
            boolean modified) {
        super(specification, r, alpha, a, b);
        this.math = new BetaGeometricNbd(r, alpha, a, b, modified);
    }

    @Override
    public double expectedPurchases(double t) {
        return math.expectedPurchases(t);
    }

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
            double[] out, Parallelism parallelism) {
        Objects.requireNonNull(parallelism, "parallelism");
        HistoryArrays.requireSameLength(x, tx, age, out);
        math.predict(t, x, tx, age, out, null, parallelism);
    }

    /** {@inheritDoc} One pass computes both, sharing P(alive). */
    @Override
    public void predict(double t, double[] x, double[] tx, double[] age, double[] expected,
            double[] alive, Parallelism parallelism) {
        Objects.requireNonNull(parallelism, "parallelism");
        HistoryArrays.requireSameLength(x, tx, age, expected, alive);
        math.predict(t, x, tx, age, expected, alive, parallelism);
    }

    /** {@inheritDoc} One pass per chunk, {@code ln(a / (b + x - 1))} once per frequency. */
    @Override
    public void probabilityAlive(double[] x, double[] tx, double[] age, double[] out,
            Parallelism parallelism) {
        Objects.requireNonNull(parallelism, "parallelism");
        HistoryArrays.requireSameLength(x, tx, age, out);
        math.predict(0, x, tx, age, null, out, parallelism);
    }

    @Override
    public double probabilityAlive(double x, double tx, double age) {
        return math.probabilityAlive(x, tx, age);
    }

    /**
     * {@inheritDoc} Given alive the future depends on (x, T) only, so this is
     * {@code P(alive)} times the discounted purchases of the posterior process.
     */
    @Override
    public double discountedExpectedPurchases(long periods, double discountRate, double x,
            double tx, double age) {
        return math.discountedExpectedPurchases(periods, discountRate, x, tx, age);
    }

    /**
     * {@inheritDoc} The posterior factor, which depends on (x, T) only, is computed once per
     * distinct (x, T) of a chunk.
     */
    @Override
    public void discountedExpectedPurchases(long periods, double discountRate, double[] x,
            double[] tx, double[] age, double[] out, Parallelism parallelism) {
        Objects.requireNonNull(parallelism, "parallelism");
        HistoryArrays.requireSameLength(x, tx, age, out);
        math.discountedExpectedPurchases(periods, discountRate, x, tx, age, out, parallelism);
    }

    @Override
    public double probabilityAliveAt(double t, double x, double tx, double age) {
        return math.probabilityAliveAt(t, x, tx, age);
    }

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
        return math.simulate(Objects.requireNonNull(ages, "ages"), holdout, seed);
    }
}
