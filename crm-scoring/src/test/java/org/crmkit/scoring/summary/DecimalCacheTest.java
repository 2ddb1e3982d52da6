package org.crmkit.scoring.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalCacheTest {

    private static String cached(DecimalCache cache, double v) {
        byte[] b = new byte[DecimalFormat.MAX_LENGTH + 3];
        b[0] = 'x';
        int end = cache.append(v, b, 1);
        return new String(b, 0, end, StandardCharsets.ISO_8859_1);
    }

    @Test
    void append_writesWhatDecimalFormatWrites_onHitsMissesAndSlotCollisions() {
        DecimalCache cache = new DecimalCache();
        SplittableRandom rnd = new SplittableRandom(7);
        // day-based values repeat (hits); random doubles, negatives, zeros and extremes miss and
        // overwrite slots, so a later hit must still give the text of its own bits
        double[] specials = {0.0, -0.0, 1e-7, -1e-7, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, 39.0, 12.5};
        for (int round = 0; round < 3; round++) {
            for (int day = 0; day < 5000; day++) {
                double v = day / 7.0;
                assertEquals("x" + DecimalFormat.toString(v), cached(cache, v), "day " + day);
            }
            for (int i = 0; i < 20_000; i++) {
                double v = Double.longBitsToDouble(rnd.nextLong());
                if (Double.isFinite(v)) {
                    assertEquals("x" + DecimalFormat.toString(v), cached(cache, v), "bits " + Double.doubleToRawLongBits(v));
                }
                double m = rnd.nextInt(1_000_000) / 100.0 / (1 + rnd.nextInt(9));
                assertEquals("x" + DecimalFormat.toString(m), cached(cache, m));
            }
            for (double v : specials) {
                assertEquals("x" + DecimalFormat.toString(v), cached(cache, v), "special " + v);
            }
        }
        // the texts round-trip (DecimalFormat's contract, kept by the copy)
        assertEquals(38.857142857142854, Double.parseDouble(cached(cache, 272 / 7.0).substring(1)));
    }
}
