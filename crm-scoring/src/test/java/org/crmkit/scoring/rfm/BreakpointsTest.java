package org.crmkit.scoring.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BreakpointsTest {
    @Test
    void score_valueOnBreakpointGetsTheBetterScore() {
        Breakpoints p = Breakpoints.of(30, 90, 180, 365);
        double[] days = {0, 30, 31, 90, 200, 365, 366};
        BinnedScores lower = p.score(days, ScoreDirection.LOWER_IS_BETTER);
        assertThat(lower.scoreColumn()).containsExactly(5, 5, 4, 4, 2, 2, 1);
        BinnedScores higher = p.score(days, ScoreDirection.HIGHER_IS_BETTER);
        assertThat(higher.scoreColumn()).containsExactly(1, 2, 2, 3, 4, 5, 5);
        assertThat(p.bins()).isEqualTo(5);
    }

    @Test
    void of_invalidBreakpoints_throw() {
        assertThatThrownBy(() -> Breakpoints.of(1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1.0, 1.0]");
        assertThatThrownBy(() -> Breakpoints.of(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(Breakpoints::of).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Breakpoints.of(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Breakpoints.of(1, 2)).isEqualTo(Breakpoints.of(1, 2));
    }
}
