package org.crmkit.scoring.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DecimalFormat writes text that parses back to the same double (checked by the JDK's parser). */
class DecimalFormatTest {

    private static void roundTrips(double v) {
        String s = DecimalFormat.toString(v);
        double back = Double.parseDouble(s);
        if (Double.doubleToRawLongBits(back) != Double.doubleToRawLongBits(v)) {
            throw new AssertionError(v + " written as " + s + " reads back as " + back);
        }
        if (s.length() > Double.toString(v).length() + 2 && s.indexOf('E') < 0 && Double.toString(v).indexOf('E') < 0) {
            throw new AssertionError(v + " written as " + s + ", much longer than " + Double.toString(v));
        }
    }

    @Test
    void append_summaryShapedValues_roundTripExactly() {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 40_000; i++) {
            roundTrips(rnd.nextInt(20000) / 7.0);                       // days in weeks
            roundTrips(rnd.nextInt(20000) / (365.25 / 12));             // days in months
            roundTrips(rnd.nextInt(1_000_000) / 100.0 / (1 + rnd.nextInt(40))); // mean of cents
            roundTrips(rnd.nextInt(1_000_000) / 100.0);                 // cents
            roundTrips(-rnd.nextInt(1_000_000) / 100.0);
        }
    }

    @Test
    void append_arbitraryDoubles_roundTripExactly() {
        SplittableRandom rnd = new SplittableRandom(10);
        for (int i = 0; i < 150_000; i++) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isFinite(v)) {
                roundTrips(v);
            }
            roundTrips(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 18)));
        }
        for (double v : new double[] {0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1 / 3.0, 1e-5, 9.999999999999999e-6,
            1e15, 999999999999999.9, 1e15 - 1, 123456789012345.6, 9007199254740993.0, 4.35, 0.001,
            Double.MIN_VALUE, Double.MAX_VALUE, 100, 99.99999999999999, 1e-300, 5e-324}) {
            roundTrips(v);
            roundTrips(-v);
        }
    }

    @Test
    void append_commonValues_readAsTheJdkWritesThem() {
        for (double v : new double[] {0.0, 1.0, 38.0, 12.5, 0.1, 22.35, 1 / 3.0, 272 / 7.0, 30.43, -7.25}) {
            assertThat(DecimalFormat.toString(v)).as("%s", v).isEqualTo(Double.toString(v));
        }
        assertThat(DecimalFormat.toString(-0.0)).isEqualTo("-0.0");
    }
}
