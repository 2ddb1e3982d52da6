package org.crmkit.scoring.btyd.internal;

/**
 * The discounted expected purchases over {@code K} whole periods of an alive BG/NBD or
 * MBG/NBD customer, {@code D = sum_{k=1..K} v^k (G(k) - G(k-1))} with
 * {@code G(t) = G(r + x, alpha + T, a, b', t)} ({@link Hypergeometric}) and
 * {@code v = 1 / (1 + d)}, as one series whose per-period part depends on the age T alone
 * and whose coefficients depend on the frequency x alone, instead of one expected-purchases
 * series per period.
 *
 * <p>Derivation. Write {@code z_k = k / (alpha + T + k)}, {@code e(z) = (1 - z)^(a-1)},
 * {@code c = a + b' - 1}. Euler's transformation of Fader, Hardie and Lee (2005, Marketing
 * Science 24(2), equation 10; see {@link Hypergeometric}) gives
 * {@code G(k) = c [f(z_k) - e(z_k) sum_{n>=1} t_n z_k^n]} with
 * {@code f(z) = (1 - e(z)) / (a - 1)}, {@code t_1 = (c - r - x) / c} and
 * {@code t_{n+1} = t_n (c - r - x + n)(a + n - 1) / ((c + n)(n + 1))}. Summation by parts,
 * for any {@code h} with {@code h(0) = 0},
 * {@code sum_{k=1..K} v^k (h(k) - h(k-1)) = Q[h] = (1 - v) sum_{k=1..K-1} v^k h(k) + v^K h(K)},
 * and exchanging the two finite-or-convergent sums give
 * {@code D = c (F - sum_{n>=1} t_n W_n)} with {@code F = Q[f]} and
 * {@code W_n = Q[e z^n]}: the weights {@code F, W_1, W_2, ...} depend on (T, K, d) only and
 * are computed once per distinct age, the {@code t_n} once per distinct frequency, and a
 * customer's (x, T) pair costs one dot product. Every {@code W_n} is a sum of positive terms
 * (no cancellation); {@code W_n <= z_K^n}, so the series converges geometrically.
 *
 * <p>Used where the per-period series of {@link Hypergeometric#expectedPurchasesAtPeriods}
 * is used: {@code z_K <= 0.9}, {@code c >= 0.5}, {@code c - r - x >= 0} (all terms
 * non-negative) and {@code K <= } {@link DiscountedSum#EXACT_PERIODS}; elsewhere
 * {@link #value} answers NaN and the caller takes the general route.
 *
 * <p>Not thread-safe: one instance per chunk of customers (it caches the per-age weights and
 * the per-frequency coefficients in small direct-mapped tables).
 */
final class DiscountedPosterior {

    private static final double SERIES_MAX_Z = 0.9;
    private static final int MAX_TERMS = 2000;
    /** The weights are computed until the next term is below this fraction of the first. */
    private static final double CUTOFF = 1e-18;
    private static final int AGE_SLOTS = 1 << 10;
    private static final int FREQUENCY_SLOTS = 1 << 8;

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final boolean modified;
    private final int periods;
    private final double v;
    /** {@code prod_{j=1..n-1} max(1, (a + j - 1) / (j + 1))}: bounds {@code t_n / t_1} for every x. */
    private final double[] growth;
    private final double[] ageKeys = new double[AGE_SLOTS];
    private final Weights[] ageValues = new Weights[AGE_SLOTS];
    private final double[] frequencyKeys = new double[FREQUENCY_SLOTS];
    private final Coefficients[] frequencyValues = new Coefficients[FREQUENCY_SLOTS];

    /**
     * Whether the series applies to the horizon at all.
     *
     * @param periods K
     * @param discountRate d
     * @return true for {@code 1 <= K <= EXACT_PERIODS} and {@code d > 0}
     */
    static boolean applies(long periods, double discountRate) {
        return periods >= 1 && periods <= DiscountedSum.EXACT_PERIODS && discountRate > 0;
    }

    DiscountedPosterior(double r, double alpha, double a, double b, boolean modified, long periods,
            double discountRate) {
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.modified = modified;
        this.periods = (int) periods;
        this.v = 1.0 / (1.0 + discountRate);
        this.growth = new double[MAX_TERMS + 1];
        double g = 1;
        for (int n = 1; n <= MAX_TERMS; n++) {
            growth[n] = g;
            g *= Math.max(1.0, (a + n - 1) / (n + 1));
        }
        java.util.Arrays.fill(ageKeys, Double.NaN);
        java.util.Arrays.fill(frequencyKeys, Double.NaN);
    }

    /**
     * Returns {@code D} for an alive customer with frequency x and age T, or NaN where the
     * series does not apply.
     */
    double value(double x, double age) {
        double bx = modified ? b + x + 1 : b + x;
        double c = a + bx - 1;
        double cr = c - (r + x);
        if (c < 0.5 || cr < 0) {
            return Double.NaN;
        }
        Weights w = weights(age);
        if (w == null) {
            return Double.NaN;
        }
        Coefficients t = coefficients(x, c, cr);
        double[] moments = w.moments;
        int length = w.length;
        double[] coefficient = t.ensure(length);
        double s = 0;
        for (int n = 0; n < length; n++) {
            double next = s + coefficient[n] * moments[n];
            if (next == s) {
                break;
            }
            s = next;
        }
        double value = c * (w.first - s);
        return Double.isFinite(value) ? Math.max(0, value) : Double.NaN;
    }

    private Weights weights(double age) {
        int slot = slot(age, AGE_SLOTS);
        if (ageKeys[slot] == age) {
            return ageValues[slot];
        }
        Weights w = Weights.of(alpha + age, a, periods, v, growth);
        ageKeys[slot] = age;
        ageValues[slot] = w;
        return w;
    }

    private Coefficients coefficients(double x, double c, double cr) {
        int slot = slot(x, FREQUENCY_SLOTS);
        Coefficients t = frequencyValues[slot];
        if (frequencyKeys[slot] == x) {
            return t;
        }
        t = new Coefficients(a, c, cr);
        frequencyKeys[slot] = x;
        frequencyValues[slot] = t;
        return t;
    }

    private static int slot(double key, int slots) {
        long bits = Double.doubleToLongBits(key) * 0x9E3779B97F4A7C15L;
        return (int) (bits >>> (64 - Integer.numberOfTrailingZeros(slots)));
    }

    /** {@code F} and {@code W_1 .. W_length} of one age. */
    private static final class Weights {
        final double first;
        final double[] moments;
        final int length;

        private Weights(double first, double[] moments, int length) {
            this.first = first;
            this.moments = moments;
            this.length = length;
        }

        /** The weights, or null where {@code z_K > 0.9} or the series needs too many terms. */
        static Weights of(double at, double a, int periods, double v, double[] growth) {
            double zEnd = periods / (at + periods);
            if (!(zEnd <= SERIES_MAX_Z)) {
                return null;
            }
            double[] z = new double[periods];
            double[] power = new double[periods];
            double first = 0;
            double vk = 1;
            for (int k = 1; k <= periods; k++) {
                vk *= v;
                double weight = k < periods ? (1 - v) * vk : vk;
                double zk = k / (at + k);
                double logOneMinusZ = Math.log1p(-zk);
                double u = (a - 1) * logOneMinusZ;
                // (1 - e) / (a - 1), with its limit -ln(1 - z) as a -> 1
                double f = Math.abs(u) < 1e-8 ? -logOneMinusZ * (1 + u / 2) : -Math.expm1(u) / (a - 1);
                first += weight * f;
                z[k - 1] = zk;
                power[k - 1] = weight * Math.exp(u) * zk;
            }
            double[] moments = new double[64];
            int length = 0;
            double w1 = 0;
            for (int n = 1; n <= MAX_TERMS; n++) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int k = 0;
                for (; k + 3 < periods; k += 4) {
                    s0 += power[k];
                    s1 += power[k + 1];
                    s2 += power[k + 2];
                    s3 += power[k + 3];
                    power[k] *= z[k];
                    power[k + 1] *= z[k + 1];
                    power[k + 2] *= z[k + 2];
                    power[k + 3] *= z[k + 3];
                }
                for (; k < periods; k++) {
                    s0 += power[k];
                    power[k] *= z[k];
                }
                double wn = (s0 + s1) + (s2 + s3);
                if (n == 1) {
                    w1 = wn;
                }
                if (length == moments.length) {
                    moments = java.util.Arrays.copyOf(moments, 2 * length);
                }
                moments[length++] = wn;
                if (wn * growth[n] <= CUTOFF * w1) {
                    return new Weights(first, moments, length);
                }
            }
            return null;
        }
    }

    /** {@code t_1, t_2, ...} of one frequency, extended on demand. */
    private static final class Coefficients {
        private final double a;
        private final double c;
        private final double cr;
        private double[] values = new double[0];

        Coefficients(double a, double c, double cr) {
            this.a = a;
            this.c = c;
            this.cr = cr;
        }

        double[] ensure(int length) {
            int have = values.length;
            if (have >= length) {
                return values;
            }
            double[] grown = java.util.Arrays.copyOf(values, Math.max(length, 2 * have));
            double t = have == 0 ? cr / c : values[have - 1];
            if (have == 0) {
                grown[0] = t;
                have = 1;
            }
            for (int n = have; n < grown.length; n++) {
                // t_{n+1} = t_n (c - r - x + n)(a + n - 1) / ((c + n)(n + 1)), stored at index n
                t *= (cr + n) * (a + n - 1) / ((c + n) * (n + 1));
                grown[n] = t;
            }
            values = grown;
            return values;
        }
    }
}
