package org.crmkit.scoring.churn;

import java.util.Arrays;
import java.util.Objects;

/**
 * The paired comparison of the AUCs of two scores on the same customers, with the
 * standard error of the difference by the method of DeLong, DeLong and Clarke-Pearson
 * (1988), "Comparing the areas under two or more correlated receiver operating
 * characteristic curves: a nonparametric approach", Biometrics 44(3), 837-845.
 *
 * <p>For churner {@code i} and score {@code s}, the structural component
 * {@code V10_s(i)} is the share of non-churners scored below it (ties one half); for
 * non-churner {@code j}, {@code V01_s(j)} the share of churners scored above it. With
 * {@code S10} and {@code S01} their 2 x 2 sample covariance matrices over churners
 * ({@code m}) and non-churners ({@code n}),
 * {@code Var(AUC_a - AUC_b) = (S10_aa + S10_bb - 2 S10_ab) / m + (S01_aa + S01_bb - 2 S01_ab) / n}.
 * The components are computed from mid-ranks in {@code O(N log N)} (Sun and Xu 2014,
 * IEEE Signal Processing Letters 21(11)).
 *
 * <pre>{@code
 * AucComparison c = AucComparison.of(risk, hiatus, churned);
 * c.difference();          // AUC(risk) - AUC(hiatus)
 * c.standardError();
 * c.notWorse(1.96);        // difference > -1.96 standard errors
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param aucA the AUC of the first score
 * @param aucB the AUC of the second score
 * @param standardError the standard error of {@code aucA - aucB}, {@code >= 0}
 */
public record AucComparison(double aucA, double aucB, double standardError) {

    /** @throws IllegalArgumentException if a value is out of range */
    public AucComparison {
        if (!(aucA >= 0 && aucA <= 1) || !(aucB >= 0 && aucB <= 1) || !(standardError >= 0)
                || Double.isInfinite(standardError)) {
            throw new IllegalArgumentException("AUCs " + aucA + ", " + aucB + " or standard error " + standardError
                    + " out of range");
        }
    }

    /**
     * Compares two scores on the same outcomes.
     *
     * @param a the first score, finite values, not null
     * @param b the second score, same length, not null
     * @param churned the outcomes, same length, at least two of each kind, not null
     * @return the comparison, never null
     * @throws IllegalArgumentException if lengths differ, a score is not finite, or there
     *     are fewer than two churners or two non-churners
     */
    public static AucComparison of(double[] a, double[] b, boolean[] churned) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(churned, "churned");
        int total = churned.length;
        if (a.length != total || b.length != total) {
            throw new IllegalArgumentException("scores " + a.length + ", " + b.length + " and outcomes " + total
                    + " differ in length");
        }
        int m = 0;
        for (boolean c : churned) {
            m += c ? 1 : 0;
        }
        int n = total - m;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("need two churners and two others, got " + m + " and " + n);
        }
        double[][] v10 = new double[2][];
        double[][] v01 = new double[2][];
        double[] auc = new double[2];
        double[][] scores = {a, b};
        for (int s = 0; s < 2; s++) {
            double[] pos = new double[m];
            double[] neg = new double[n];
            int p = 0;
            int q = 0;
            for (int i = 0; i < total; i++) {
                double v = scores[s][i];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + i + ": score " + v + " is not finite");
                }
                if (churned[i]) {
                    pos[p++] = v;
                } else {
                    neg[q++] = v;
                }
            }
            double[] all = new double[total];
            System.arraycopy(pos, 0, all, 0, m);
            System.arraycopy(neg, 0, all, m, n);
            double[] rAll = midRanks(all);
            double[] rPos = midRanks(pos);
            double[] rNeg = midRanks(neg);
            v10[s] = new double[m];
            v01[s] = new double[n];
            double sum = 0;
            for (int i = 0; i < m; i++) {
                v10[s][i] = (rAll[i] - rPos[i]) / n;
                sum += v10[s][i];
            }
            for (int j = 0; j < n; j++) {
                v01[s][j] = 1 - (rAll[m + j] - rNeg[j]) / m;
            }
            auc[s] = sum / m;
        }
        double var = (covariance(v10[0], v10[0]) + covariance(v10[1], v10[1]) - 2 * covariance(v10[0], v10[1])) / m
                + (covariance(v01[0], v01[0]) + covariance(v01[1], v01[1]) - 2 * covariance(v01[0], v01[1])) / n;
        return new AucComparison(clamp(auc[0]), clamp(auc[1]), Math.sqrt(Math.max(0, var)));
    }

    /**
     * Returns {@code aucA - aucB}.
     *
     * @return the difference in [-1, 1]
     */
    public double difference() {
        return aucA - aucB;
    }

    /**
     * Tells whether the first score is not significantly worse than the second: the
     * difference is above {@code -z} standard errors.
     *
     * @param z the critical value, e.g. 1.96 for a one-sided 2.5% test, {@code >= 0}
     * @return true unless the first score is worse by more than z standard errors
     * @throws IllegalArgumentException if z is negative or not finite
     */
    public boolean notWorse(double z) {
        if (!(z >= 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z " + z + " is not finite and >= 0");
        }
        return difference() >= -z * standardError;
    }

    private static double[] midRanks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && values[order[j]] == values[order[i]]) {
                j++;
            }
            double mid = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                ranks[order[k]] = mid;
            }
            i = j;
        }
        return ranks;
    }

    private static double covariance(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += (x[i] - mx) * (y[i] - my);
        }
        return c / (n - 1);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
