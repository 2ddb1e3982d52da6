package org.crmkit.scoring.summary;

import java.nio.charset.StandardCharsets;

/**
 * Writes doubles as short decimal ASCII that parses back to the same double, several times
 * faster than {@link Double#toString(double)} on JDK 17, which allocates and dominated the
 * time to write millions of summary rows.
 *
 * <p>Method, for finite {@code v} with {@code 1e-5 <= |v| < 1e15} (others go to
 * {@code Double.toString}):
 * <ol>
 *   <li>a value with at most three decimals ({@code 12.5}, {@code 39.0}) is written with
 *       them when {@code m / 10^d == v} for {@code m = round(v * 10^d) < 2^53}: both
 *       operands are exact doubles, so the division is the correctly rounded value of the
 *       decimal {@code m * 10^-d}, which is what a parser returns for it;</li>
 *   <li>otherwise {@code N = round(v * 10^k)} with 17 significant digits, the product taken
 *       exactly as {@code hi + lo} ({@link Math#fma}); a decimal with 17 significant digits
 *       within half a unit of its last digit of {@code v} is closer to {@code v} than half an
 *       ulp and so parses back to {@code v} (IEEE 754-2008, 5.12.2: 17 digits suffice for
 *       binary64). Then digits are dropped one at a time ({@code round(v * 10^(k-1))}, again
 *       from the exact product) while the shorter decimal, below {@code 2^53}, still parses
 *       back to {@code v} (checked as in step 1; a correctly rounded decimal of more digits
 *       is closer, so the first failure ends the search), so that for example {@code 1/3.0} is written {@code 0.3333333333333333}
 *       as by {@code Double.toString}. Trailing zeros are dropped.</li>
 * </ol>
 * The text has no exponent, and always a decimal point. It is not always the shortest
 * round-tripping text (a length is tried only where one exact division can check it), but it is always exact; the
 * tests check the round trip on millions of values of the shapes summaries hold.
 */
final class DecimalFormat {
    private static final double[] POW10 = new double[23];
    private static final double TWO_53 = 0x1p53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private DecimalFormat() {
    }

    /** The largest number of bytes {@link #append} writes. */
    static final int MAX_LENGTH = 32;

    /** Writes {@code v} at {@code b[p]} (room for {@link #MAX_LENGTH} bytes); returns the end. */
    static int append(double v, byte[] b, int p) {
        if (v == 0) {
            if (Double.doubleToRawLongBits(v) != 0) {
                b[p++] = '-';
            }
            b[p] = '0';
            b[p + 1] = '.';
            b[p + 2] = '0';
            return p + 3;
        }
        double a = Math.abs(v);
        if (!(a >= 1e-5 && a < 1e15)) {
            return ascii(Double.toString(v), b, p);
        }
        if (v < 0) {
            b[p++] = '-';
        }
        for (int d = 0; d <= 3; d++) {
            double scaled = a * POW10[d];
            if (scaled < TWO_53) {
                long m = (long) Math.rint(scaled);
                if (m / POW10[d] == a) {
                    return digits(m, d, b, p);
                }
            }
        }
        int k = 16 - (int) Math.floor(Math.log10(a));
        long n = scaled(a, k);
        if (n < 10_000_000_000_000_000L && k < 22) {
            k++; // log10 rounded up near a power of ten: one more digit
            n = scaled(a, k);
        }
        // drop digits while the shorter decimal still reads back as a
        long best = n;
        int bestK = k;
        int ck = k;
        while (ck > 0) {
            ck--;
            // each length rounded from the exact product: rounding twice could miss it
            long c = scaled(a, ck);
            if (c >= TWO_53) {
                continue; // not checkable by one exact division; try one digit less
            }
            if (c / POW10[ck] != a) {
                break;
            }
            best = c;
            bestK = ck;
        }
        return digits(best, bestK, b, p);
    }

    /** {@code round(a * 10^k)}, from the exact product {@code hi + lo}. */
    private static long scaled(double a, int k) {
        double power = POW10[k];
        double hi = a * power;
        double lo = Math.fma(a, power, -hi);
        double whole = Math.rint(hi); // hi is fractional below 2^52
        return (long) whole + Math.round((hi - whole) + lo);
    }

    /** Writes {@code n * 10^-k} without trailing zeros, with at least one decimal. */
    private static int digits(long n, int k, byte[] b, int p) {
        while (k > 0 && n % 10 == 0) {
            n /= 10;
            k--;
        }
        int len = 1;
        for (long t = n; t >= 10; t /= 10) {
            len++;
        }
        if (k == 0) {
            p = writeLong(n, len, b, p);
            b[p] = '.';
            b[p + 1] = '0';
            return p + 2;
        }
        if (k >= len) {
            b[p++] = '0';
            b[p++] = '.';
            for (int i = len; i < k; i++) {
                b[p++] = '0';
            }
            return writeLong(n, len, b, p);
        }
        // integer part, point, fraction
        int end = p + len + 1;
        int q = end - 1;
        for (int i = 0; i < k; i++) {
            b[q--] = (byte) ('0' + n % 10);
            n /= 10;
        }
        b[q--] = '.';
        while (q >= p) {
            b[q--] = (byte) ('0' + n % 10);
            n /= 10;
        }
        return end;
    }

    private static int writeLong(long n, int len, byte[] b, int p) {
        for (int i = p + len - 1; i >= p; i--) {
            b[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        return p + len;
    }

    /** Writes a non-negative or negative whole number. */
    static int appendLong(long v, byte[] b, int p) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return ascii(Long.toString(v), b, p);
            }
            b[p++] = '-';
            v = -v;
        }
        int len = 1;
        for (long t = v; t >= 10; t /= 10) {
            len++;
        }
        return writeLong(v, len, b, p);
    }

    private static int ascii(String s, byte[] b, int p) {
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, b, p, t.length);
        return p + t.length;
    }

    /** The text {@link #append} writes, for tests and the writer-based API. */
    static String toString(double v) {
        byte[] b = new byte[MAX_LENGTH];
        return new String(b, 0, append(v, b, 0), StandardCharsets.ISO_8859_1);
    }
}
