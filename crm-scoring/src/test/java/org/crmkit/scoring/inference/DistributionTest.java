package org.crmkit.scoring.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistributionTest {
    @Test
    void of_percentilesByHyndmanFanSeven() {
        // R: quantile(c(4, 1, 3, 2), c(.1, .25, .5, .75, .9)) = 1.3 1.75 2.5 3.25 3.7
        Distribution d = Distribution.of(new double[] {4, 1, 3, 2});
        assertThat(d.n()).isEqualTo(4);
        assertThat(d.mean()).isEqualTo(2.5);
        assertThat(d.standardDeviation()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(d.min()).isEqualTo(1);
        assertThat(d.p10()).isCloseTo(1.3, within(1e-12));
        assertThat(d.p25()).isCloseTo(1.75, within(1e-12));
        assertThat(d.median()).isCloseTo(2.5, within(1e-12));
        assertThat(d.p75()).isCloseTo(3.25, within(1e-12));
        assertThat(d.p90()).isCloseTo(3.7, within(1e-12));
        assertThat(d.max()).isEqualTo(4);
    }

    @Test
    void of_emptyAndSingleValue() {
        Distribution e = Distribution.of(new double[0]);
        assertThat(e.isEmpty()).isTrue();
        assertThat(e.mean()).isZero();
        Distribution one = Distribution.of(new double[] {7});
        assertThat(one.median()).isEqualTo(7);
        assertThat(one.standardDeviation()).isZero();
    }

    @Test
    void of_rejectsNonFiniteAndLeavesInputAlone() {
        double[] v = {3, 1, 2};
        Distribution.of(v);
        assertThat(v).containsExactly(3, 1, 2);
        assertThatThrownBy(() -> Distribution.of(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value 1 is not finite: NaN");
        assertThatThrownBy(() -> Distribution.of(v, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void differenceAndInterval_handValues() {
        // 0.12 - 0.08 with errors 0.01 and 0.012: se = sqrt(0.000244)
        Difference d = Difference.of(0.12, 0.01, 0.08, 0.012, 0.95);
        assertThat(d.estimate()).isCloseTo(0.04, within(1e-15));
        assertThat(d.standardError()).isCloseTo(Math.sqrt(0.000244), within(1e-15));
        assertThat(d.interval().low()).isCloseTo(0.04 - 1.959963984540054 * Math.sqrt(0.000244), within(1e-12));
        assertThat(ConfidenceInterval.z(0.95)).isCloseTo(1.959963984540054, within(1e-9));
        assertThat(ConfidenceInterval.twoSidedPValue(1.959963984540054)).isCloseTo(0.05, within(1e-9));
        Difference zero = Difference.ofStandardError(0, 0, 0.9);
        assertThat(zero.pValue()).isEqualTo(1.0);
        Difference sure = Difference.ofStandardError(0.5, 0, 0.9);
        assertThat(sure.pValue()).isZero();
        assertThat(sure.z()).isEqualTo(Double.MAX_VALUE);
        assertThatThrownBy(() -> new ConfidenceInterval(2, 1, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfidenceInterval.normal(0, -1, 0.9)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Selection gives the quantiles a full sort gives, on many seeded random samples with ties. */
    @Test
    void of_selectionMatchesSorting() {
        java.util.Random rnd = new java.util.Random(99);
        for (int rep = 0; rep < 300; rep++) {
            int n = 1 + rnd.nextInt(rep < 50 ? 8 : 3_000);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(5) : rnd.nextGaussian() * 100;
            }
            double[] s = v.clone();
            java.util.Arrays.sort(s);
            Distribution d = Distribution.of(v);
            assertThat(d.p10()).isEqualTo(Distribution.quantile(s, 0.10));
            assertThat(d.p25()).isEqualTo(Distribution.quantile(s, 0.25));
            assertThat(d.median()).isEqualTo(Distribution.quantile(s, 0.50));
            assertThat(d.p75()).isEqualTo(Distribution.quantile(s, 0.75));
            assertThat(d.p90()).isEqualTo(Distribution.quantile(s, 0.90));
            assertThat(d.min()).isEqualTo(s[0]);
            assertThat(d.max()).isEqualTo(s[n - 1]);
        }
    }
}
