package org.crmkit.scoring.btyd;

import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.internal.DiscountedSum;
import org.crmkit.scoring.btyd.internal.ModelSupport;

/**
 * Predictions of a parametrised transaction ("buy till you die") model such as BG/NBD.
 *
 * <p>Histories are given as frequency {@code x}, recency {@code tx} and age {@code T} in
 * the time unit the model was fitted in (see {@link BtydData}); a horizon {@code t} is in
 * the same unit. Every method rejects an invalid history with an
 * {@link IllegalArgumentException} and never returns NaN or infinity.
 *
 * <pre>{@code
 * PurchaseModel m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
 * double next39Weeks = m.conditionalExpectedPurchases(39, 2, 30.43, 38.86);
 * double alive = m.probabilityAlive(2, 30.43, 38.86);
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface PurchaseModel extends FittedModel {

    /**
     * Returns {@code E[X(t)]}, the expected number of repeat purchases in {@code (0, t]}
     * of a customer who made a first purchase at time 0.
     *
     * @param t the length of the window, {@code >= 0}
     * @return the expected number of purchases, finite and {@code >= 0}
     * @throws IllegalArgumentException if t is negative or not finite
     */
    double expectedPurchases(double t);

    /**
     * Returns {@code E[Y(t) | x, tx, T]}, the expected number of purchases in
     * {@code (T, T + t]} of a customer with the given history.
     *
     * @param t the length of the future window, {@code >= 0}
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the expected number of purchases, finite and {@code >= 0}
     * @throws IllegalArgumentException if the history or t is invalid
     */
    double conditionalExpectedPurchases(double t, double x, double tx, double age);

    /**
     * Returns the probability that a customer with the given history is alive at
     * {@code T}.
     *
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return a probability in [0, 1]
     * @throws IllegalArgumentException if the history is invalid
     */
    double probabilityAlive(double x, double tx, double age);

    /**
     * Returns the probability that a customer with the given history is still alive at
     * {@code T + t}, not knowing what happens after {@code T}.
     *
     * @param t the time after T, {@code >= 0}
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return a probability in [0, 1], at most {@code probabilityAlive(x, tx, age)}
     * @throws IllegalArgumentException if the history or t is invalid
     */
    double probabilityAliveAt(double t, double x, double tx, double age);

    /**
     * Returns {@code P(X(t) = n)}, the probability that a new customer makes exactly
     * {@code n} repeat purchases in {@code (0, t]}.
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the window, {@code > 0}
     * @return a probability in [0, 1]
     * @throws IllegalArgumentException if n is negative or t is not positive
     */
    double probabilityOfPurchases(int n, double t);

    /**
     * Returns {@code P(Y(t) = n | x, tx, T)}, the probability that a customer with the
     * given history makes exactly {@code n} purchases in {@code (T, T + t]}.
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the future window, {@code > 0}
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return a probability in [0, 1]
     * @throws IllegalArgumentException if an argument is invalid
     */
    double conditionalProbabilityOfPurchases(int n, double t, double x, double tx, double age);

    /**
     * Draws a synthetic cohort from the model: one customer per entry of {@code ages},
     * each observed for {@code ages[i]} (calibration) and then {@code holdout} more time
     * units.
     *
     * @param ages the calibration age T of each customer, each {@code > 0}, not null
     * @param holdout the length of the holdout period, {@code >= 0}
     * @param seed the random seed; equal seeds give equal cohorts
     * @return the simulated summaries and transactions, never null
     * @throws IllegalArgumentException if an age or the holdout is invalid
     */
    SimulatedCohort simulate(double[] ages, double holdout, long seed);

    /**
     * Returns the discounted expected number of purchases in {@code (T, T + periods]}:
     * {@code sum_{k=1..periods} (E[Y(k)] - E[Y(k-1)]) / (1 + d)^k}, i.e. the expected
     * purchases of period {@code k} (one time unit) are discounted to T at the end of
     * the period. Multiplied by the expected spend per purchase this is the discounted
     * expected residual lifetime value over the horizon.
     *
     * <p>The time does not grow with the horizon: without discounting the sum telescopes to
     * {@code E[Y(periods)]}; with discounting the first 256 periods are summed one by one and
     * the rest by summation by parts and the Euler-Maclaurin formula over Gauss-Legendre
     * panels, stopped where the discounted rest is below {@code 1e-15} of the sum, with a
     * relative error below {@code 1e-9} (Abramowitz and Stegun 23.1.30; checked against the
     * period-by-period sum in the tests). This relies on the expected purchase rate being
     * non-increasing in time, as it is for every built-in model.
     *
     * <pre>{@code
     * double next52 = model.discountedExpectedPurchases(52, 0.0019, 2, 30.43, 38.86);
     * double ever = model.discountedExpectedPurchases(Long.MAX_VALUE, 0.0019, 2, 30.43, 38.86);
     * }</pre>
     *
     * @param periods the horizon in whole time units, {@code >= 0}; 0 gives 0
     * @param discountRate the discount rate per time unit, {@code >= 0}
     * @param x frequency
     * @param tx recency
     * @param age age T
     * @return the discounted expected purchases, finite and {@code >= 0}
     * @throws IllegalArgumentException if an argument is invalid
     */
    default double discountedExpectedPurchases(long periods, double discountRate,
            double x, double tx, double age) {
        ModelSupport.requireDiscounting(periods, discountRate);
        BtydData.validateRow(-1, x, tx, age, 0, 1);
        return DiscountedSum.of(u -> conditionalExpectedPurchases(u, x, tx, age), periods, discountRate);
    }

    /**
     * Computes {@link #discountedExpectedPurchases(long, double, double, double, double)}
     * for many customers on the given {@link Parallelism}.
     *
     * <pre>{@code
     * model.discountedExpectedPurchases(52, 0.0019, x, tx, age, out, Parallelism.defaults());
     * }</pre>
     *
     * @param periods the horizon in whole time units, {@code >= 0}
     * @param discountRate the discount rate per time unit, {@code >= 0}
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param out receives the results, same length, not null
     * @param parallelism where the work runs, not null
     * @throws IllegalArgumentException if lengths differ or an argument is invalid
     */
    default void discountedExpectedPurchases(long periods, double discountRate, double[] x,
            double[] tx, double[] age, double[] out, Parallelism parallelism) {
        ModelSupport.requireDiscounting(periods, discountRate);
        int n = HistoryArrays.requireSameLength(x, tx, age, out);
        Objects.requireNonNull(parallelism, "parallelism").forEachChunk(n, 256, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = discountedExpectedPurchases(periods, discountRate, x[i], tx[i], age[i]);
            }
        });
    }

    /**
     * Computes {@link #conditionalExpectedPurchases} for many customers on the default
     * {@link Parallelism}, without allocating per customer.
     *
     * @param t the future window
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param out receives the results, same length, not null
     * @throws IllegalArgumentException if lengths differ or a history is invalid
     */
    default void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age,
            double[] out) {
        conditionalExpectedPurchases(t, x, tx, age, out, Parallelism.defaults());
    }

    /**
     * Computes {@link #conditionalExpectedPurchases} for many customers on the given
     * {@link Parallelism}, without allocating per customer.
     *
     * <pre>{@code
     * model.conditionalExpectedPurchases(39, x, tx, age, out, Parallelism.sequential());
     * }</pre>
     *
     * @param t the future window
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param out receives the results, same length, not null
     * @param parallelism where the work runs, not null
     * @throws IllegalArgumentException if lengths differ or a history is invalid (the
     *     lowest invalid row is reported)
     */
    default void conditionalExpectedPurchases(double t, double[] x, double[] tx, double[] age,
            double[] out, Parallelism parallelism) {
        int n = HistoryArrays.requireSameLength(x, tx, age, out);
        Objects.requireNonNull(parallelism, "parallelism").forEachChunk(n, CHUNK, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = conditionalExpectedPurchases(t, x[i], tx[i], age[i]);
            }
        });
    }

    /**
     * Computes {@link #probabilityAlive(double, double, double)} for many customers on the
     * default {@link Parallelism}, without allocating per customer.
     *
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param out receives the results, same length, not null
     * @throws IllegalArgumentException if lengths differ or a history is invalid
     */
    default void probabilityAlive(double[] x, double[] tx, double[] age, double[] out) {
        probabilityAlive(x, tx, age, out, Parallelism.defaults());
    }

    /**
     * Computes {@link #probabilityAlive(double, double, double)} for many customers on the
     * given {@link Parallelism}, without allocating per customer.
     *
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param out receives the results, same length, not null
     * @param parallelism where the work runs, not null
     * @throws IllegalArgumentException if lengths differ or a history is invalid (the
     *     lowest invalid row is reported)
     */
    default void probabilityAlive(double[] x, double[] tx, double[] age, double[] out,
            Parallelism parallelism) {
        int n = HistoryArrays.requireSameLength(x, tx, age, out);
        Objects.requireNonNull(parallelism, "parallelism").forEachChunk(n, CHUNK, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = probabilityAlive(x[i], tx[i], age[i]);
            }
        });
    }

    /**
     * Computes both {@link #conditionalExpectedPurchases(double, double, double, double)}
     * and {@link #probabilityAlive(double, double, double)} for many customers on the
     * default {@link Parallelism}; the usual way to score a customer base.
     *
     * @param t the future window
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param expected receives the expected purchases, same length, not null
     * @param alive receives the probabilities alive, same length, not null
     * @throws IllegalArgumentException if lengths differ or a history is invalid
     */
    default void predict(double t, double[] x, double[] tx, double[] age, double[] expected,
            double[] alive) {
        predict(t, x, tx, age, expected, alive, Parallelism.defaults());
    }

    /**
     * Computes both {@link #conditionalExpectedPurchases(double, double, double, double)}
     * and {@link #probabilityAlive(double, double, double)} for many customers on the
     * given {@link Parallelism}, without allocating per customer.
     *
     * <pre>{@code
     * model.predict(39, x, tx, age, expected, alive, Parallelism.of(myPool, 4));
     * }</pre>
     *
     * @param t the future window
     * @param x the frequencies, not null
     * @param tx the recencies, not null
     * @param age the ages, not null
     * @param expected receives the expected purchases, same length, not null
     * @param alive receives the probabilities alive, same length, not null
     * @param parallelism where the work runs, not null
     * @throws IllegalArgumentException if lengths differ or a history is invalid
     */
    default void predict(double t, double[] x, double[] tx, double[] age, double[] expected,
            double[] alive, Parallelism parallelism) {
        conditionalExpectedPurchases(t, x, tx, age, expected, parallelism);
        probabilityAlive(x, tx, age, alive, parallelism);
    }

    /** The fewest customers per chunk of the bulk methods. */
    int CHUNK = 1 << 14;
}
