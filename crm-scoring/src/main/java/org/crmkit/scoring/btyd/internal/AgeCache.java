package org.crmkit.scoring.btyd.internal;

/**
 * A small direct-mapped cache from a double (an age T) to a double, for bulk computations
 * whose expensive part depends on the age only: a cohort's summary holds few distinct ages
 * (one per day of first purchase), so one evaluation per distinct age serves every customer
 * of that age. A slot holds the raw bits of one key; a colliding key replaces it, and a miss
 * only costs a recomputation, so the results do not depend on the order of the rows.
 *
 * <p>Not thread-safe: one per chunk of work.
 */
public final class AgeCache {
    private static final int BITS = 10;
    private final long[] keys = new long[1 << BITS];
    private final double[] values = new double[1 << BITS];
    private final boolean[] used = new boolean[1 << BITS];

    /** Creates an empty cache. */
    public AgeCache() {
    }

    private static int slot(long bits) {
        return (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
    }

    /**
     * Returns the value stored for the key, or NaN if none is.
     *
     * @param key the key
     * @return the value, or NaN
     */
    public double get(double key) {
        long bits = Double.doubleToRawLongBits(key);
        int i = slot(bits);
        return used[i] && keys[i] == bits ? values[i] : Double.NaN;
    }

    /**
     * Stores a value for the key, replacing what its slot held.
     *
     * @param key the key
     * @param value the value, not NaN
     */
    public void put(double key, double value) {
        long bits = Double.doubleToRawLongBits(key);
        int i = slot(bits);
        keys[i] = bits;
        values[i] = value;
        used[i] = true;
    }
}
