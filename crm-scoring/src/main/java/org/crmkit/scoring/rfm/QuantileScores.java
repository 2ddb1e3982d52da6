package org.crmkit.scoring.rfm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Scores values 1..k by quantile: each value gets the bin of the share of customers that
 * do worse than it.
 *
 * <p><b>Rule.</b> For a value v among n values, let {@code below} be the number of
 * values strictly worse than v. Its score is {@code 1 + floor(k * below / n)}, which lies
 * in 1..k. {@code below / n} is the percent rank of v with ties given their lowest rank
 * (the rule of SQL's {@code PERCENT_RANK}, up to its denominator n - 1). "Worse" means
 * smaller for {@link ScoreDirection#HIGHER_IS_BETTER} and larger for
 * {@link ScoreDirection#LOWER_IS_BETTER}, so recency measured as time since the last
 * purchase scores recent customers high.
 *
 * <p><b>Ties.</b> Equal values always get equal scores (a tie group is never split), and
 * the worst value always scores 1. With distinct values the bins hold n/k values each,
 * give or take one. When a value is shared by more than about n/k customers (few
 * distinct values, many one-time buyers with frequency 0), the bins it would have spread
 * over stay empty; this does not fail, and the result reports them through
 * {@link BinnedScores#emptyBins()}. Example with k = 5 and 60 % zeros, 30 % ones and
 * 10 % twos: zeros score 1, ones {@code 1 + floor(5 * 0.6) = 4}, twos
 * {@code 1 + floor(5 * 0.9) = 5}, and scores 2 and 3 are empty. A column with a single
 * distinct value scores 1 throughout.
 *
 * <p><b>Cost.</b> Linear: a 65,536-bucket histogram of the values' order-preserving bit
 * patterns locates the k - 1 score thresholds, the distinct values of only the buckets
 * holding a threshold are counted and sorted, then each value is compared with the
 * thresholds. No full sort, and a large tie group costs one hash count per value.
 *
 * <pre>{@code
 * BinnedScores r = QuantileScores.score(daysSinceLastPurchase, 5, ScoreDirection.LOWER_IS_BETTER);
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class QuantileScores {
    /** The largest number of bins supported. */
    public static final int MAX_BINS = 100;
    private static final int BUCKET_BITS = 16;

    private QuantileScores() {
    }

    /**
     * Scores values by quantile.
     *
     * @param values the values, not null, all finite
     * @param bins the number of scores k, {@code 2 <= k <= MAX_BINS}
     * @param direction which end scores high, not null
     * @return the scores, never null
     * @throws IllegalArgumentException if k is out of range or a value is not finite
     *     (the message names its index)
     */
    public static BinnedScores score(double[] values, int bins, ScoreDirection direction) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(direction, "direction");
        checkBins(bins);
        int n = values.length;
        byte[] scores = new byte[n];
        if (n == 0) {
            return new BinnedScores(scores, bins);
        }
        boolean lowerBetter = direction == ScoreDirection.LOWER_IS_BETTER;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + v);
            }
            long key = key(v, lowerBetter);
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        long range = max - min; // unsigned
        int bits = 64 - Long.numberOfLeadingZeros(range);
        int shift = Math.max(0, bits - BUCKET_BITS);
        int buckets = (int) (range >>> shift) + 1;
        int[] counts = new int[buckets];
        for (int i = 0; i < n; i++) {
            counts[(int) ((key(values[i], lowerBetter) - min) >>> shift)]++;
        }
        long[] upto = new long[buckets];
        long cum = 0;
        for (int b = 0; b < buckets; b++) {
            cum += counts[b];
            upto[b] = cum;
        }
        // threshold offsets (unsigned, from min) for scores 2..k; -1 = unreachable
        long[] threshold = new long[bins + 1];
        int[] candidate = new int[bins + 1];
        boolean[] marked = new boolean[buckets];
        int b = 0;
        // score >= s  iff  bins * below >= n * (s - 1)
        for (int s = 2; s <= bins; s++) {
            long target = (long) n * (s - 1);
            while (b < buckets && (counts[b] == 0 || (long) bins * upto[b] < target)) {
                b++;
            }
            candidate[s] = b; // may be == buckets: unreachable
            if (b < buckets) {
                marked[b] = true;
            }
        }
        // count the distinct values of the buckets that hold a threshold: a hash count
        // rather than a sort, since such a bucket may hold a tie group of millions
        ValueCounts[] distinct = new ValueCounts[buckets];
        for (int k = 0; k < buckets; k++) {
            if (marked[k]) {
                distinct[k] = new ValueCounts();
            }
        }
        for (int i = 0; i < n; i++) {
            long off = key(values[i], lowerBetter) - min;
            int k = (int) (off >>> shift);
            if (marked[k]) {
                distinct[k].add(off);
            }
        }
        for (int s = 2; s <= bins; s++) {
            int k = candidate[s];
            threshold[s] = -1;
            if (k >= buckets) {
                continue;
            }
            long target = (long) n * (s - 1);
            long below = k == 0 ? 0 : upto[k - 1];
            ValueCounts vc = distinct[k];
            long[] keys = vc.sortedKeys(); // same top bits within a bucket: signed order is fine
            for (long key : keys) {
                if ((long) bins * below >= target) {
                    threshold[s] = key;
                    break;
                }
                below += vc.count(key);
            }
            if (threshold[s] == -1) {
                int next = k + 1;
                while (next < buckets && counts[next] == 0) {
                    next++;
                }
                if (next < buckets) {
                    threshold[s] = (long) next << shift;
                }
            }
        }
        // compact reachable thresholds (nondecreasing in s)
        long[] t = new long[bins - 1];
        int reachable = 0;
        for (int s = 2; s <= bins; s++) {
            if (threshold[s] != -1) {
                t[reachable++] = threshold[s];
            }
        }
        // a bucket without a threshold inside has one score for all its values
        byte[] bucketScore = new byte[buckets];
        for (int k = 0; k < buckets; k++) {
            if (marked[k]) {
                continue; // decided value by value below
            }
            long lowest = (long) k << shift;
            int sc = 1;
            while (sc - 1 < reachable && Long.compareUnsigned(lowest, t[sc - 1]) >= 0) {
                sc++;
            }
            bucketScore[k] = (byte) sc;
        }
        for (int i = 0; i < n; i++) {
            long off = key(values[i], lowerBetter) - min;
            int k = (int) (off >>> shift);
            byte sc = bucketScore[k];
            if (sc == 0) {
                int v = 1;
                while (v - 1 < reachable && Long.compareUnsigned(off, t[v - 1]) >= 0) {
                    v++;
                }
                sc = (byte) v;
            }
            scores[i] = sc;
        }
        return new BinnedScores(scores, bins);
    }

    /** Order-preserving signed-long image of a finite double; -0.0 equals 0.0. */
    private static long key(double v, boolean negate) {
        double w = (negate ? -v : v) + 0.0;
        long bits = Double.doubleToRawLongBits(w);
        return bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
    }

    /** Counts of distinct long keys: open addressing with linear probing. */
    private static final class ValueCounts {
        private long[] keys = new long[16];
        private int[] counts = new int[16];
        private boolean[] used = new boolean[16];
        private int size;

        void add(long key) {
            int slot = find(key);
            if (used[slot]) {
                counts[slot]++;
                return;
            }
            used[slot] = true;
            keys[slot] = key;
            counts[slot] = 1;
            if (++size * 2 > keys.length) {
                grow();
            }
        }

        int count(long key) {
            int slot = find(key);
            return used[slot] ? counts[slot] : 0;
        }

        private int find(long key) {
            int mask = keys.length - 1;
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int slot = find(oldKeys[i]);
                    used[slot] = true;
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }

        long[] sortedKeys() {
            long[] out = new long[size];
            int j = 0;
            for (int i = 0; i < keys.length; i++) {
                if (used[i]) {
                    out[j++] = keys[i];
                }
            }
            Arrays.sort(out);
            return out;
        }
    }

    static void checkBins(int bins) {
        if (bins < 2 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins must be in 2.." + MAX_BINS + ": " + bins);
        }
    }
}
