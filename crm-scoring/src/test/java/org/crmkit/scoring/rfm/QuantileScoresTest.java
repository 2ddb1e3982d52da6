package org.crmkit.scoring.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantileScoresTest {
    private static int[] scores(BinnedScores b) {
        int[] s = new int[b.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = b.score(i);
        }
        return s;
    }

    @Test
    void score_distinctValuesFillEqualBins() {
        double[] v = {7, 1, 9, 3, 5, 2, 10, 4, 8, 6};
        BinnedScores b = QuantileScores.score(v, 5, ScoreDirection.HIGHER_IS_BETTER);
        assertThat(scores(b)).containsExactly(4, 1, 5, 2, 3, 1, 5, 2, 4, 3);
        assertThat(b.emptyBins()).isEmpty();
        assertThat(b.count(3)).isEqualTo(2);
    }

    @Test
    void score_lowerIsBetterScoresSmallValuesHigh() {
        double[] v = {7, 1, 9, 3, 5, 2, 10, 4, 8, 6};
        BinnedScores b = QuantileScores.score(v, 5, ScoreDirection.LOWER_IS_BETTER);
        assertThat(scores(b)).containsExactly(2, 5, 1, 4, 3, 5, 1, 4, 2, 3);
    }

    @Test
    void score_tiesGetEqualScoresFromTheirLowestRank() {
        // 1 + floor(5 * below / 10): value 1: below 0 -> 1; 2: 4 -> 3; 3: 5 -> 3; 4: 6 -> 4;
        // 5: 7 -> 4; 6: 8 -> 5; 7: 9 -> 5
        double[] v = {1, 1, 1, 1, 2, 3, 4, 5, 6, 7};
        BinnedScores b = QuantileScores.score(v, 5, ScoreDirection.HIGHER_IS_BETTER);
        assertThat(scores(b)).containsExactly(1, 1, 1, 1, 3, 3, 4, 4, 5, 5);
        assertThat(b.emptyBins()).containsExactly(2);
    }

    @Test
    void score_fewDistinctValuesReportEmptyBins() {
        // 60% zeros: below 0 -> 1; ones: below 6 -> 1 + 3 = 4; twos: below 9 -> 1 + 4 = 5
        double[] v = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2};
        BinnedScores b = QuantileScores.score(v, 5, ScoreDirection.HIGHER_IS_BETTER);
        assertThat(scores(b)).containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 4, 5);
        assertThat(b.emptyBins()).containsExactly(2, 3);
        assertThat(b.toString()).isEqualTo("BinnedScores[bins=5, counts=[6, 0, 0, 3, 1]]");
    }

    @Test
    void score_singleDistinctValueScoresOne() {
        BinnedScores b = QuantileScores.score(new double[] {3, 3, 3}, 5,
                ScoreDirection.LOWER_IS_BETTER);
        assertThat(scores(b)).containsExactly(1, 1, 1);
        assertThat(b.emptyBins()).containsExactly(2, 3, 4, 5);
        BinnedScores zeros = QuantileScores.score(new double[] {-0.0, 0.0, 1}, 3,
                ScoreDirection.HIGHER_IS_BETTER);
        assertThat(scores(zeros)).containsExactly(1, 1, 3);
        assertThat(QuantileScores.score(new double[0], 5, ScoreDirection.HIGHER_IS_BETTER)
                .emptyBins()).isEmpty();
    }

    @Test
    void score_invalidInput_throws() {
        assertThatThrownBy(() -> QuantileScores.score(new double[] {1, Double.NaN}, 5,
                ScoreDirection.HIGHER_IS_BETTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value 1");
        assertThatThrownBy(() -> QuantileScores.score(new double[] {1}, 1,
                ScoreDirection.HIGHER_IS_BETTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins");
        assertThatThrownBy(() -> QuantileScores.score(null, 5, ScoreDirection.HIGHER_IS_BETTER))
                .isInstanceOf(NullPointerException.class).hasMessage("values");
    }

    @Test
    void score_matchesQuadraticDefinitionOnRandomInputs() {
        Random rnd = new Random(2024);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(400);
            int k = 2 + rnd.nextInt(9);
            double[] v = new double[n];
            int style = rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                switch (style) {
                    case 0: v[i] = rnd.nextInt(4); break;
                    case 1: v[i] = rnd.nextGaussian() * 1e6; break;
                    case 2: v[i] = rnd.nextInt(10) == 0 ? 1e300 * rnd.nextDouble() : rnd.nextInt(50) / 7.0; break;
                    default: v[i] = Math.exp(rnd.nextGaussian() * 5) - 3; break;
                }
            }
            ScoreDirection dir = rnd.nextBoolean() ? ScoreDirection.HIGHER_IS_BETTER
                    : ScoreDirection.LOWER_IS_BETTER;
            BinnedScores b = QuantileScores.score(v, k, dir);
            for (int i = 0; i < n; i++) {
                long below = 0;
                for (double w : v) {
                    if (dir == ScoreDirection.HIGHER_IS_BETTER ? w < v[i] : w > v[i]) {
                        below++;
                    }
                }
                // 1 + floor(k * below / n), in exact integer arithmetic
                int expected = 1 + (int) ((k * below) / n);
                assertThat(b.score(i)).as("round %d value %s", round, v[i]).isEqualTo(expected);
            }
        }
    }
}
