package org.crmkit.scoring.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ArmComparisonTest {
    private static ArmOutcome arm(int n, int responders, double valuePerResponder) {
        ArmOutcome.Accumulator acc = ArmOutcome.accumulator();
        for (int i = 0; i < n; i++) {
            boolean r = i < responders;
            acc.add(r, r ? valuePerResponder : 0);
        }
        return acc.snapshot();
    }

    /** 2x2 table: 120 of 1,000 targets and 80 of 1,000 controls responded, 50 each. */
    @Test
    void of_twoByTwoCampaignKnownLiftAndInterval() {
        ArmComparison c = ArmComparison.of(arm(1000, 120, 50), arm(1000, 80, 50), 0.95);
        assertThat(c.rateLift().estimate()).isCloseTo(0.04, within(1e-15));
        // sqrt(.12 x .88 / 1000 + .08 x .92 / 1000)
        assertThat(c.rateLift().standardError()).isCloseTo(0.01338656042454521, within(1e-15));
        assertThat(c.rateLift().interval().low()).isCloseTo(0.013762823691022177, within(1e-9));
        assertThat(c.rateLift().interval().high()).isCloseTo(0.06623717630897782, within(1e-9));
        assertThat(c.rateLift().pValue()).isCloseTo(0.002807438462002043, within(1e-9));
        // values: mean 6 vs 4, sample variances 264264/999 and 184000... /999
        assertThat(c.valueLift().estimate()).isCloseTo(2.0, within(1e-12));
        assertThat(c.valueLift().standardError()).isCloseTo(0.6696629364452302, within(1e-12));
        assertThat(c.valueLift().interval().low()).isCloseTo(0.6874847627860139, within(1e-9));
        assertThat(c.incrementalValue()).isCloseTo(2000, within(1e-9));
        assertThat(c.incrementalResponders()).isCloseTo(40, within(1e-9));
        // cost 0.5 x 1000 = 500; margin 0.3 x 2000 = 600; (600 - 500) / 500
        assertThat(c.incrementalRoi(0.5, 0, 0.3).getAsDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(c.incrementalRoi(0, 0, 0.3)).isEmpty();
    }

    @Test
    void of_noRespondersAnywhereIsZeroLiftWithPValueOne() {
        ArmComparison c = ArmComparison.of(arm(10, 0, 0), arm(10, 0, 0), 0.95);
        assertThat(c.rateLift().estimate()).isZero();
        assertThat(c.rateLift().pValue()).isEqualTo(1.0);
        assertThat(c.valueLift().interval().width()).isZero();
    }

    @Test
    void of_rejectsEmptyArms() {
        assertThatThrownBy(() -> ArmComparison.of(arm(0, 0, 0), arm(5, 1, 1), 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both arms");
        assertThatThrownBy(() -> ArmOutcome.accumulator().add(true, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArmOutcome(3, 4, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArmComparison.of(arm(5, 1, 1), arm(5, 1, 1), 0.95).incrementalRoi(1, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("margin");
    }

    /** Coverage of the rate-lift interval by simulation with known response rates. */
    @Test
    void rateLiftInterval_coversTheTrueLift() {
        Random rnd = new Random(7);
        int reps = 2_000;
        int covered = 0;
        for (int r = 0; r < reps; r++) {
            ArmOutcome.Accumulator t = ArmOutcome.accumulator();
            ArmOutcome.Accumulator c = ArmOutcome.accumulator();
            for (int i = 0; i < 800; i++) {
                t.add(rnd.nextDouble() < 0.15, 0);
                c.add(rnd.nextDouble() < 0.10, 0);
            }
            if (ArmComparison.of(t.snapshot(), c.snapshot(), 0.9).rateLift().interval().contains(0.05)) {
                covered++;
            }
        }
        double se = Math.sqrt(0.9 * 0.1 / reps);
        assertThat((double) covered / reps).isBetween(0.9 - 3 * se, 0.9 + 3 * se);
    }
}
