package org.crmkit.scoring.campaign;

/**
 * Sorts double keys highest first, carrying a 64-bit payload with each key, without boxing
 * and without an index array: an LSD radix sort on the keys' order-preserving 64-bit
 * images, six passes of 11 bits whose histograms are counted in one read of the keys (a
 * pass is skipped where every key has the same digit, as the high digits of probabilities
 * mostly are). Carrying the payload beside the key means the caller reads the sorted data
 * front to back instead of gathering it through an index, the cache misses that dominated
 * ranking ten million customers by index. 11-bit digits keep the 2,048 scatter targets of
 * a pass within the first-level TLB and caches, where 16-bit digits thrash them.
 *
 * <p>Used instead of sorting {@code Integer[]} with a comparator, which boxes every index
 * and is several times slower at ten million keys. Not thread-safe per call; calls on
 * different arrays may run at once.
 */
final class RankOrder {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private RankOrder() {
    }

    /**
     * The sort key of {@code value}: unsigned ascending order of the images is descending
     * order of the values, {@code -0.0} ties with {@code 0.0}. Keys must not be NaN.
     */
    static long descendingImage(double value) {
        long bits = Double.doubleToLongBits(value == 0.0 ? 0.0 : value);
        // ascending image: flip all bits of negatives, the sign bit of positives
        long asc = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return ~asc;
    }

    /**
     * Sorts {@code key[0, n)} as unsigned values ascending, moving {@code payload[i]} with
     * {@code key[i]}; stable. Returns with the sorted data in {@code key} and {@code payload}.
     *
     * @param key the keys, sorted in place
     * @param payload the payloads, permuted with the keys
     * @param n the number of entries
     */
    static void sort(long[] key, long[] payload, int n) {
        if (n < 2) {
            return;
        }
        int[][] count = new int[PASSES][RADIX + 1];
        for (int i = 0; i < n; i++) {
            long k = key[i];
            for (int p = 0; p < PASSES; p++) {
                count[p][(int) ((k >>> (p * BITS)) & MASK) + 1]++;
            }
        }
        long[] k1 = key;
        long[] p1 = payload;
        long[] k2 = null;
        long[] p2 = null;
        for (int p = 0; p < PASSES; p++) {
            int[] c = count[p];
            int shift = p * BITS;
            if (c[1 + (int) ((k1[0] >>> shift) & MASK)] == n) {
                continue; // every key has the same digit here
            }
            for (int b = 0; b < RADIX; b++) {
                c[b + 1] += c[b];
            }
            if (k2 == null) {
                k2 = new long[n];
                p2 = new long[n];
            }
            for (int i = 0; i < n; i++) {
                long k = k1[i];
                int pos = c[(int) ((k >>> shift) & MASK)]++;
                k2[pos] = k;
                p2[pos] = p1[i];
            }
            long[] t = k1;
            k1 = k2;
            k2 = t;
            t = p1;
            p1 = p2;
            p2 = t;
        }
        if (k1 != key) {
            System.arraycopy(k1, 0, key, 0, n);
            System.arraycopy(p1, 0, payload, 0, n);
        }
    }
}
