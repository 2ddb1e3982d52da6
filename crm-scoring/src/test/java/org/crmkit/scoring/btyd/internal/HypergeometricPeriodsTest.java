package org.crmkit.scoring.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypergeometricPeriodsTest {

    @Test
    void expectedPurchasesAtPeriods_equalsOnePeriodAtATimeToTheBit() {
        SplittableRandom random = new SplittableRandom(8);
        int batched = 0;
        for (int round = 0; round < 300; round++) {
            double r = Math.exp(random.nextDouble(-3, 3));
            double alpha = Math.exp(random.nextDouble(1, 7));
            double a = Math.exp(random.nextDouble(-3, 3));
            double b = Math.exp(random.nextDouble(-3, 4));
            int periods = 1 + random.nextInt(round % 10 == 0 ? 256 : 60);
            double[] out = new double[periods];
            Hypergeometric.expectedPurchasesAtPeriods(r, alpha, a, b, out);
            for (int k = 1; k <= periods; k++) {
                assertThat(out[k - 1]).as("r %s alpha %s a %s b %s k %d", r, alpha, a, b, k)
                        .isEqualTo(Hypergeometric.expectedPurchases(r, alpha, a, b, k));
            }
            if (a + b - 1 >= 0.5 && a + b - 1 >= r && periods / (alpha + periods) <= 0.9) {
                batched++;
            }
        }
        assertThat(batched).as("rounds on the batched route").isGreaterThan(60);
    }

    @Test
    void discountedSum_sameWithTheBatchedFirstPeriods() {
        double r = 0.243 + 2;
        double alpha = 4.414 + 38.86;
        double a = 0.793;
        double b = 2.426 + 2 - 1;
        for (long periods : new long[] {1, 52, 256, 1_000}) {
            double one = DiscountedSum.of(u -> Hypergeometric.expectedPurchases(r, alpha, a, b, u), periods, 0.0019);
            double batch = DiscountedSum.of(u -> Hypergeometric.expectedPurchases(r, alpha, a, b, u),
                    out -> Hypergeometric.expectedPurchasesAtPeriods(r, alpha, a, b, out), periods, 0.0019);
            assertThat(batch).isEqualTo(one);
        }
    }
}
