package org.crmkit.scoring.uncertainty;

import java.util.Arrays;

/** Empirical quantiles and seeds; package-private helpers of the interval classes. */
final class Quantiles {

    private Quantiles() {
    }

    /**
     * The quantile of sorted values by Hyndman and Fan (1996) definition 7, the default of R
     * and NumPy: {@code h = (n - 1) p}, interpolating between the order statistics around h.
     */
    static double sorted(double[] sorted, int n, double p) {
        if (n == 1) {
            return sorted[0];
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Sorts the first n values in place and returns {low, high} of the equal-tailed interval. */
    static double[] interval(double[] values, int n, double level) {
        Arrays.sort(values, 0, n);
        return new double[] {sorted(values, n, (1 - level) / 2), sorted(values, n, (1 + level) / 2)};
    }

    /**
     * A seed for stream {@code index} derived from {@code seed} by the SplitMix64 finaliser
     * (Steele, Lea and Flood 2014), so that the streams do not depend on which thread draws them.
     */
    static long seed(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static void requireLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " is not in (0, 1)");
        }
    }
}
