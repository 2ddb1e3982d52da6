package org.crmkit.scoring.concentration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RevenueConcentrationTest {
    private static final double TOL = 1e-12;

    @Test
    void gini_lorenzAndTopShare_matchHandComputation() {
        // sorted 10, 20, 30, 40; S = 100; G = (-3*10 - 20 + 30 + 3*40) / 400 = 0.25
        RevenueConcentration c = RevenueConcentration.of(new double[] {30, 10, 40, 20});
        assertThat(c.gini()).isCloseTo(0.25, within(TOL));
        assertThat(c.lorenz(0.5)).isCloseTo(0.30, within(TOL));
        assertThat(c.lorenz(0.125)).isCloseTo(0.05, within(TOL));
        assertThat(c.shareOfTop(0.25)).isCloseTo(0.40, within(TOL));
        assertThat(c.shareOfTop(0.5)).isCloseTo(0.70, within(TOL));
        assertThat(c.shareOfTop(0)).isZero();
        assertThat(c.shareOfTop(1)).isCloseTo(1.0, within(TOL));
        assertThat(c.lorenzCurve(5)).extracting(LorenzPoint::valueShare)
                .containsExactly(0.0, 0.1, 0.3, 0.6, 1.0);
    }

    @Test
    void gini_extremes() {
        assertThat(RevenueConcentration.of(new double[] {5, 5, 5}).gini()).isZero();
        assertThat(RevenueConcentration.of(new double[] {0, 0, 0, 100}).gini())
                .isCloseTo(0.75, within(TOL));
    }

    @Test
    void gini_equalsOneMinusTwiceTheAreaUnderTheLorenzPolygon() {
        Random rnd = new Random(5);
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(rnd.nextGaussian() * 1.5);
        }
        RevenueConcentration c = RevenueConcentration.of(v);
        double area = 0;
        int n = v.length;
        for (int i = 0; i < n; i++) {
            area += (c.lorenz((double) i / n) + c.lorenz((double) (i + 1) / n)) / (2.0 * n);
        }
        assertThat(c.gini()).isCloseTo(1 - 2 * area, within(1e-9));
    }

    @Test
    void abcClasses_smallestTopGroupReachingEachShare() {
        // descending 50 (before 0: A), 30 (before 50: A), 15 (before 80: B), 5 (before 95: C)
        RevenueConcentration c = RevenueConcentration.of(new double[] {5, 50, 15, 30});
        assertThat(c.abcClasses()).containsExactly(AbcClass.C, AbcClass.A, AbcClass.B, AbcClass.A);
        assertThat(c.abcClasses(0.5, 0.5))
                .containsExactly(AbcClass.C, AbcClass.A, AbcClass.C, AbcClass.C);
    }

    @Test
    void abcClasses_tiesShareAClass() {
        RevenueConcentration c = RevenueConcentration.of(new double[] {40, 10, 40, 10});
        assertThat(c.abcClasses()).containsExactly(AbcClass.A, AbcClass.B, AbcClass.A, AbcClass.B);
    }

    @Test
    void of_invalidValues_throw() {
        assertThatThrownBy(() -> RevenueConcentration.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RevenueConcentration.of(new double[] {1, -2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2.0");
        assertThatThrownBy(() -> RevenueConcentration.of(new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
        RevenueConcentration c = RevenueConcentration.of(new double[] {1});
        assertThatThrownBy(() -> c.shareOfTop(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.abcClasses(0.9, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.lorenzCurve(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
