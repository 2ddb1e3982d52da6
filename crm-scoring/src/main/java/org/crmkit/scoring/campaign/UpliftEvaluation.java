package org.crmkit.scoring.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.crmkit.scoring.Parallelism;

/**
 * Evaluates a targeting (uplift) model on a randomised campaign: did the customers it
 * ranks highest react more to the contact than comparable customers who were not
 * contacted?
 *
 * <p>Definitions (written down because tools disagree):
 * <ul>
 *   <li>Customers are ranked by score, highest first. Customers with equal scores form a
 *       tie group that is never split: every cut (a decile, a top k) takes whole tie
 *       groups, so the result does not depend on the input order.</li>
 *   <li>For the top group of customers, {@code N_T}, {@code N_C} count the treated
 *       (contacted) and control customers in it and {@code Y_T}, {@code Y_C} sum their
 *       outcomes (1/0 for a response, or a value).</li>
 *   <li>Uplift of a set of customers = {@code Y_T / N_T - Y_C / N_C}, undefined (empty)
 *       when either count is 0.</li>
 *   <li>Deciles (or any number of bins): a tie group belongs to the bin of its first
 *       customer's rank {@code r} (0-based), {@code floor(r * bins / N)}; a bin may
 *       therefore be empty when a tie group spans it.</li>
 *   <li>Uplift at k: the uplift of the smallest set of top tie groups holding at least
 *       {@code ceil(k N)} customers.</li>
 *   <li>Qini curve (Radcliffe 2007, "Using control groups to target on predicted lift",
 *       <i>Direct Marketing Analytics Journal</i>): at the end of each tie group, the point
 *       {@code (x, Q) = (n / N, Y_T - Y_C N_T / N_C)} with {@code n} the customers so far
 *       (Q = Y_T while N_C is 0), starting at (0, 0): the incremental outcome among the
 *       targeted part, with the control part scaled to the treated count.</li>
 *   <li>Qini coefficient = the area between the Qini curve and the straight line from
 *       (0, 0) to (1, Q(1)) (random targeting), by the trapezoid rule over the curve's
 *       points: {@code sum (Q_i + Q_{i+1}) / 2 (x_{i+1} - x_i) - Q(1) / 2}. It is in the
 *       outcome's units (incremental responses); positive when the model ranks persuadable
 *       customers first, about 0 for a random ranking.</li>
 * </ul>
 *
 * <pre>{@code
 * UpliftEvaluation e = UpliftEvaluation.of(scores, treated, responded, 10);
 * e.bins();                 // uplift per decile, highest scores first
 * e.upliftAt(0.2);          // uplift among the top 20%
 * e.qiniCoefficient();
 * }</pre>
 *
 * <p>Ranking radix-sorts the treated and the control customers' scores, each carrying its
 * outcome, in linear time (the two sorts run at once where the {@link Parallelism} allows)
 * and then walks both in rank order: about 40 bytes of scratch memory per customer.
 * Immutable and thread-safe.
 */
public final class UpliftEvaluation {
    private final int n;
    /** Per tie group, cumulative counts and sums, in rank order. */
    private final long[] cumTreated;
    private final long[] cumControl;
    private final double[] cumYTreated;
    private final double[] cumYControl;
    private final List<UpliftBin> bins;

    private UpliftEvaluation(int n, long[] ct, long[] cc, double[] yt, double[] yc, List<UpliftBin> bins) {
        this.n = n;
        this.cumTreated = ct;
        this.cumControl = cc;
        this.cumYTreated = yt;
        this.cumYControl = yc;
        this.bins = bins;
    }

    /**
     * Evaluates scores on a campaign with a control group.
     *
     * @param score the model's score per customer (higher = target first), not null, finite
     * @param treated whether each customer was contacted, not null, same length
     * @param outcome each customer's outcome (1/0 or a value), not null, same length, finite
     * @param binCount the number of bins (10 for deciles), 1..n
     * @return the evaluation, never null
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, a
     *     value is not finite, or binCount is out of range
     */
    public static UpliftEvaluation of(double[] score, boolean[] treated, double[] outcome, int binCount) {
        return of(score, treated, outcome, binCount, Parallelism.defaults());
    }

    /**
     * Evaluates scores on a campaign with a control group, ranking the treated and the
     * control customers at the same time where {@code parallelism} allows. The result does
     * not depend on the parallelism.
     *
     * @param score the model's score per customer (higher = target first), not null, finite
     * @param treated whether each customer was contacted, not null, same length
     * @param outcome each customer's outcome (1/0 or a value), not null, same length, finite
     * @param binCount the number of bins (10 for deciles), 1..n
     * @param parallelism where the ranking runs, not null
     * @return the evaluation, never null
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, a
     *     value is not finite, or binCount is out of range
     */
    public static UpliftEvaluation of(double[] score, boolean[] treated, double[] outcome, int binCount,
            Parallelism parallelism) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(treated, "treated");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(parallelism, "parallelism");
        int n = score.length;
        if (n == 0 || treated.length != n || outcome.length != n) {
            throw new IllegalArgumentException("need equally long, non-empty arrays: " + n + ", " + treated.length
                    + ", " + outcome.length);
        }
        if (binCount < 1 || binCount > n) {
            throw new IllegalArgumentException("binCount must be 1.." + n + ": " + binCount);
        }
        int treatedCount = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(score[i]) || !Double.isFinite(outcome[i])) {
                throw new IllegalArgumentException("score and outcome must be finite: customer " + i);
            }
            if (treated[i]) {
                treatedCount++;
            }
        }
        int nTreated = treatedCount;
        // Split into treated and control, each as (key, outcome) pairs, and sort each: the
        // walk below then reads both front to back instead of gathering through an index.
        int nControl = n - nTreated;
        long[] kT = new long[nTreated];
        long[] yT = new long[nTreated];
        long[] kC = new long[nControl];
        long[] yC = new long[nControl];
        int t = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (treated[i]) {
                kT[t] = RankOrder.descendingImage(score[i]);
                yT[t++] = Double.doubleToRawLongBits(outcome[i]);
            } else {
                kC[c] = RankOrder.descendingImage(score[i]);
                yC[c++] = Double.doubleToRawLongBits(outcome[i]);
            }
        }
        parallelism.run(2, g -> {
            if (g == 0) {
                RankOrder.sort(kT, yT, nTreated);
            } else {
                RankOrder.sort(kC, yC, nControl);
            }
        });
        // Tie groups in rank order: every treated and control customer with the next key.
        int groups = 0;
        for (int i = 0, j = 0; i < nTreated || j < nControl; groups++) {
            long k = next(kT, i, nTreated, kC, j, nControl);
            while (i < nTreated && kT[i] == k) {
                i++;
            }
            while (j < nControl && kC[j] == k) {
                j++;
            }
        }
        long[] ct = new long[groups];
        long[] cc = new long[groups];
        double[] cyt = new double[groups];
        double[] cyc = new double[groups];
        long[] binT = new long[binCount];
        long[] binC = new long[binCount];
        double[] binYT = new double[binCount];
        double[] binYC = new double[binCount];
        double sT = 0;
        double sC = 0;
        int i = 0;
        int j = 0;
        for (int g = 0; g < groups; g++) {
            int bin = (int) ((long) (i + j) * binCount / n); // the bin of the group's first rank
            long k = next(kT, i, nTreated, kC, j, nControl);
            for (; i < nTreated && kT[i] == k; i++) {
                double y = Double.longBitsToDouble(yT[i]);
                sT += y;
                binT[bin]++;
                binYT[bin] += y;
            }
            for (; j < nControl && kC[j] == k; j++) {
                double y = Double.longBitsToDouble(yC[j]);
                sC += y;
                binC[bin]++;
                binYC[bin] += y;
            }
            ct[g] = i;
            cc[g] = j;
            cyt[g] = sT;
            cyc[g] = sC;
        }
        List<UpliftBin> out = new ArrayList<>(binCount);
        for (int b = 0; b < binCount; b++) {
            out.add(new UpliftBin(b + 1, binT[b], binC[b], binYT[b], binYC[b]));
        }
        return new UpliftEvaluation(n, ct, cc, cyt, cyc, List.copyOf(out));
    }

    /** The smaller (higher-scoring) of the next treated and the next control key. */
    private static long next(long[] kT, int i, int nT, long[] kC, int j, int nC) {
        if (i >= nT) {
            return kC[j];
        }
        if (j >= nC) {
            return kT[i];
        }
        return Long.compareUnsigned(kT[i], kC[j]) <= 0 ? kT[i] : kC[j];
    }

    /**
     * Returns the bins, highest scores first.
     *
     * @return the bins, unmodifiable, never null
     */
    public List<UpliftBin> bins() {
        return bins;
    }

    /**
     * Returns the uplift among the top share of customers (whole tie groups).
     *
     * @param share the share to target, in (0, 1]
     * @return the uplift, empty when the top set has no treated or no control customer
     * @throws IllegalArgumentException if the share is out of range
     */
    public OptionalDouble upliftAt(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1]: " + share);
        }
        long need = (long) Math.ceil(share * n - 1e-9);
        for (int g = 0; g < cumTreated.length; g++) {
            if (cumTreated[g] + cumControl[g] >= need) {
                return uplift(cumTreated[g], cumControl[g], cumYTreated[g], cumYControl[g]);
            }
        }
        int last = cumTreated.length - 1;
        return uplift(cumTreated[last], cumControl[last], cumYTreated[last], cumYControl[last]);
    }

    /**
     * Returns the Qini curve, from (0, 0) to (1, Q(1)), one point per tie group.
     *
     * @return the points in rank order, never null
     */
    public List<QiniPoint> qiniCurve() {
        List<QiniPoint> points = new ArrayList<>(cumTreated.length + 1);
        points.add(new QiniPoint(0, 0));
        for (int g = 0; g < cumTreated.length; g++) {
            points.add(new QiniPoint((double) (cumTreated[g] + cumControl[g]) / n, qini(g)));
        }
        return points;
    }

    /**
     * Returns the Qini coefficient: area between the Qini curve and the random line.
     *
     * @return the coefficient, finite
     */
    public double qiniCoefficient() {
        double area = 0;
        double px = 0;
        double pq = 0;
        for (int g = 0; g < cumTreated.length; g++) {
            double x = (double) (cumTreated[g] + cumControl[g]) / n;
            double q = qini(g);
            area += (pq + q) / 2 * (x - px);
            px = x;
            pq = q;
        }
        return area - pq / 2;
    }

    private double qini(int g) {
        double q = cumControl[g] == 0 ? cumYTreated[g]
                : cumYTreated[g] - cumYControl[g] * cumTreated[g] / (double) cumControl[g];
        return q;
    }

    private static OptionalDouble uplift(long t, long c, double yt, double yc) {
        if (t == 0 || c == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(yt / t - yc / c);
    }

    /**
     * One point of the Qini curve.
     *
     * <p>Immutable and thread-safe.
     *
     * @param share the share of customers targeted, in [0, 1]
     * @param incremental the incremental outcome Q among them
     */
    public record QiniPoint(double share, double incremental) {
    }

    /**
     * One bin of the ranking (a decile with ten bins).
     *
     * <p>Immutable and thread-safe.
     *
     * @param bin the 1-based bin, 1 holding the highest scores
     * @param treated the treated customers in it
     * @param control the control customers in it
     * @param treatedOutcome the sum of the treated customers' outcomes
     * @param controlOutcome the sum of the control customers' outcomes
     */
    public record UpliftBin(int bin, long treated, long control, double treatedOutcome, double controlOutcome) {
        /**
         * Returns the treated rate (mean outcome) minus the control rate.
         *
         * @return the uplift, empty when the bin has no treated or no control customer
         */
        public OptionalDouble uplift() {
            return UpliftEvaluation.uplift(treated, control, treatedOutcome, controlOutcome);
        }
    }
}
