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
    void score_tiesGetEqualScoresAtTheirMidRank() {
        // value 1: PR = (0 + 4/2)/10 = 0.2 -> 2; 2: 0.45 -> 3; 3: 0.55 -> 3; 4: 0.65 -> 4;
        // 5: 0.75 -> 4; 6: 0.85 -> 5; 7: 0.95 -> 5
        double[] v = {1, 1, 1, 1, 2, 3, 4, 5, 6, 7};
        BinnedScores b = QuantileScores.score(v, 5, ScoreDirection.HIGHER_IS_BETTER);
        assertThat(scores(b)).containsExactly(2, 2, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(b.emptyBins()).containsExactly(1);
    }

    @Test
    void score_fewDistinctValuesReportEmptyBins() {
        // 60% zeros: PR 0.3 -> 2; ones (30%): PR 0.75 -> 4; twos (10%): PR 0.95 -> 5
        double[] v = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2};
        BinnedScores b = QuantileScores.score(v, 5, ScoreDirection.HIGHER_IS_BETTER);
        assertThat(scores(b)).containsExactly(2, 2, 2, 2, 2, 2, 4, 4, 4, 5);
        assertThat(b.emptyBins()).containsExactly(1, 3);
        assertThat(b.toString()).isEqualTo("BinnedScores[bins=5, counts=[0, 6, 0, 3, 1]]");
    }

    @Test
    void score_singleDistinctValueScoresMiddle() {
        BinnedScores b = QuantileScores.score(new double[] {3, 3, 3}, 5,
                ScoreDirection.LOWER_IS_BETTER);
        assertThat(scores(b)).containsExactly(3, 3, 3);
        assertThat(QuantileScores.score(new double[] {-0.0, 0.0}, 4,
                ScoreDirection.HIGHER_IS_BETTER).score(0)).isEqualTo(3);
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
                .isInstanceOf(NullPointerException.class);
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
                long equal = 0;
                for (double w : v) {
                    if (w == v[i]) {
                        equal++;
                    } else if (dir == ScoreDirection.HIGHER_IS_BETTER ? w < v[i] : w > v[i]) {
                        below++;
                    }
                }
                // 1 + floor(k * (below + equal / 2) / n), in exact integer arithmetic
                int expected = 1 + (int) ((k * (2 * below + equal)) / (2L * n));
                assertThat(b.score(i)).as("round %d value %s", round, v[i]).isEqualTo(expected);
            }
        }
    }
}
