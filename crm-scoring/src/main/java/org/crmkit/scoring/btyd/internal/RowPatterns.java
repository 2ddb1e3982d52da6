package org.crmkit.scoring.btyd.internal;

import java.util.Arrays;

/**
 * Compression of summary rows into weighted distinct patterns, and the index of distinct
 * frequencies, with primitive arrays only: an open-addressing hash table of row indexes
 * (linear probing, the row's four bit patterns mixed by a multiply-xorshift hash, the hash
 * kept beside the index so that a probe compares rows only on a hash match). Rows keep the
 * order of their first occurrence, so sums over the patterns are the same as before.
 *
 * <p>Thread-safe: stateless.
 */
public final class RowPatterns {

    private RowPatterns() {
    }

    /** The distinct rows and their summed weights, each array of length {@code size}. */
    public record Patterns(double[] x, double[] tx, double[] t, double[] m, double[] w, int size) {
    }

    /**
     * Merges rows equal in all four columns (compared by bit pattern, {@code -0.0} as
     * {@code 0.0}), adding their weights.
     *
     * @param x frequencies
     * @param tx recencies
     * @param t ages
     * @param m monetary values, or null for zeros
     * @param w weights, or null for ones
     * @return the distinct rows in order of first occurrence
     */
    public static Patterns compress(double[] x, double[] tx, double[] t, double[] m, double[] w) {
        int n = x.length;
        int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slots = new int[capacity];
        int[] hashes = new int[capacity];
        Arrays.fill(slots, -1);
        double[] cx = new double[n];
        double[] ctx = new double[n];
        double[] ct = new double[n];
        double[] cm = new double[n];
        double[] cw = new double[n];
        int unique = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i] + 0.0;
            double txi = tx[i] + 0.0;
            double ti = t[i] + 0.0;
            double mi = m == null || xi == 0 ? 0.0 : m[i] + 0.0;
            double wi = w == null ? 1.0 : w[i];
            int h = hash(xi, txi, ti, mi);
            int slot = h & mask;
            while (true) {
                int k = slots[slot];
                if (k < 0) {
                    slots[slot] = unique;
                    hashes[slot] = h;
                    cx[unique] = xi;
                    ctx[unique] = txi;
                    ct[unique] = ti;
                    cm[unique] = mi;
                    cw[unique] = wi;
                    unique++;
                    break;
                }
                if (hashes[slot] == h && same(cx[k], xi) && same(ctx[k], txi) && same(ct[k], ti)
                        && same(cm[k], mi)) {
                    cw[k] += wi;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new Patterns(Arrays.copyOf(cx, unique), Arrays.copyOf(ctx, unique), Arrays.copyOf(ct, unique),
                Arrays.copyOf(cm, unique), Arrays.copyOf(cw, unique), unique);
    }

    private static boolean same(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    private static int hash(double x, double tx, double t, double m) {
        long h = Double.doubleToRawLongBits(x) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToRawLongBits(tx)) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ Double.doubleToRawLongBits(t)) * 0x165667B19E3779F9L;
        h = (h ^ Double.doubleToRawLongBits(m)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    /**
     * Writes into {@code index} the position of each row's frequency among the distinct
     * frequencies, and returns those in increasing order. Whole frequencies up to 2^22 go
     * through a presence table; others through a sort and binary search.
     *
     * @param frequency the frequencies, whole numbers {@code >= 0}
     * @param index receives one level index per row, same length
     * @return the distinct frequencies, increasing
     */
    public static double[] levels(double[] frequency, int[] index) {
        double max = 0;
        boolean whole = true;
        for (double f : frequency) {
            max = Math.max(max, f);
            whole &= f == Math.rint(f) && f >= 0;
        }
        if (whole && max <= 1 << 22) {
            int[] level = new int[(int) max + 1];
            for (double f : frequency) {
                level[(int) f] = 1;
            }
            int count = 0;
            for (int v = 0; v < level.length; v++) {
                if (level[v] != 0) {
                    level[v] = count++;
                }
            }
            double[] levels = new double[count];
            for (int i = 0; i < frequency.length; i++) {
                int k = level[(int) frequency[i]];
                index[i] = k;
                levels[k] = frequency[i];
            }
            return levels;
        }
        double[] levels = Arrays.stream(frequency).distinct().sorted().toArray();
        for (int i = 0; i < frequency.length; i++) {
            index[i] = Arrays.binarySearch(levels, frequency[i]);
        }
        return levels;
    }
}
