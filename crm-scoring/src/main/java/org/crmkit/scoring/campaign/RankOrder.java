package org.crmkit.scoring.campaign;

/**
 * Orders indices by a double key, highest first, without boxing: an LSD radix sort on the
 * keys' order-preserving 64-bit images, 4 passes of 16 bits (a pass is skipped where every
 * key has the same digit). Used instead of sorting
 * {@code Integer[]} with a comparator, which boxes every index and is several times slower
 * at ten million keys. Stable, so equal keys keep input order.
 */
final class RankOrder {
    private static final int BITS = 16;
    private static final int RADIX = 1 << BITS;
    private static final long MASK = RADIX - 1;
    private RankOrder() {
    }

    /** Indices 0..n-1 ordered by key descending; keys must not be NaN. */
    static int[] descending(double[] key) {
        int n = key.length;
        long[] k = new long[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToLongBits(key[i] == 0.0 ? 0.0 : key[i]); // -0.0 ties with 0.0
            // ascending image: flip all bits of negatives, the sign bit of positives; then
            // complement it for descending order
            long asc = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
            k[i] = ~asc;
            idx[i] = i;
        }
        long[] k2 = new long[n];
        int[] idx2 = new int[n];
        int[] count = new int[RADIX + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((k[i] >>> shift) & MASK) + 1]++;
            }
            if (count[1 + (int) ((k[0] >>> shift) & MASK)] == n) {
                continue; // every key has the same digit here
            }
            for (int b = 0; b < RADIX; b++) {
                count[b + 1] += count[b];
            }
            for (int i = 0; i < n; i++) {
                int pos = count[(int) ((k[i] >>> shift) & MASK)]++;
                k2[pos] = k[i];
                idx2[pos] = idx[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        return idx;
    }
}
