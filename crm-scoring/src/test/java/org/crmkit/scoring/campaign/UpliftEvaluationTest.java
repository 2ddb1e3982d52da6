package org.crmkit.scoring.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UpliftEvaluationTest {
    // ranked list worked by hand in the class Javadoc's definitions
    private static final double[] SCORE = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    private static final boolean[] TREATED = {true, false, true, false, true, false};
    private static final double[] OUTCOME = {1, 0, 1, 0, 0, 1};

    @Test
    void qini_tinyRankedList() {
        UpliftEvaluation e = UpliftEvaluation.of(SCORE, TREATED, OUTCOME, 2);
        List<UpliftEvaluation.QiniPoint> curve = e.qiniCurve();
        assertThat(curve).extracting(UpliftEvaluation.QiniPoint::incremental)
                .containsExactly(0.0, 1.0, 1.0, 2.0, 2.0, 2.0, 1.0);
        assertThat(curve.get(3).share()).isCloseTo(0.5, within(1e-15));
        // trapezoids sum to 17/12; minus the random line's Q(1)/2 = 1/2
        assertThat(e.qiniCoefficient()).isCloseTo(11.0 / 12, within(1e-12));
        assertThat(e.upliftAt(0.5).getAsDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(e.upliftAt(1.0).getAsDouble()).isCloseTo(2.0 / 3 - 1.0 / 3, within(1e-12));
        assertThat(e.upliftAt(1.0 / 6)).isEmpty(); // top customer only: no control
        assertThat(e.bins()).extracting(b -> b.uplift().getAsDouble()).containsExactly(1.0, -0.5);
    }

    @Test
    void of_inputOrderDoesNotMatter() {
        int[] perm = {3, 0, 5, 1, 4, 2};
        double[] s = new double[6];
        boolean[] t = new boolean[6];
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            s[i] = SCORE[perm[i]];
            t[i] = TREATED[perm[i]];
            y[i] = OUTCOME[perm[i]];
        }
        assertThat(UpliftEvaluation.of(s, t, y, 2).qiniCoefficient()).isCloseTo(11.0 / 12, within(1e-12));
    }

    @Test
    void of_tieGroupsAreNeverSplit() {
        UpliftEvaluation e = UpliftEvaluation.of(new double[] {1, 1, 0}, new boolean[] {true, false, true},
                new double[] {1, 0, 0}, 3);
        assertThat(e.bins()).extracting(UpliftEvaluation.UpliftBin::treated).containsExactly(1L, 0L, 1L);
        assertThat(e.bins().get(1).uplift()).isEmpty();
        assertThat(e.qiniCurve()).hasSize(3); // origin + two tie groups
        assertThat(e.upliftAt(0.34).getAsDouble()).isEqualTo(1.0); // needs 2 customers: the whole tie group
    }

    /** A model that ranks by true uplift beats a random score on simulated persuadables. */
    @Test
    void qini_informativeModelBeatsRandom() {
        Random rnd = new Random(3);
        int n = 20_000;
        double[] truth = new double[n];
        double[] random = new double[n];
        boolean[] treated = new boolean[n];
        double[] outcome = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = rnd.nextDouble() * 0.3;       // individual uplift
            random[i] = rnd.nextDouble();
            treated[i] = rnd.nextBoolean();
            double p = 0.1 + (treated[i] ? truth[i] : 0);
            outcome[i] = rnd.nextDouble() < p ? 1 : 0;
        }
        double good = UpliftEvaluation.of(truth, treated, outcome, 10).qiniCoefficient();
        double none = UpliftEvaluation.of(random, treated, outcome, 10).qiniCoefficient();
        assertThat(good).isGreaterThan(100);
        assertThat(Math.abs(none)).isLessThan(good / 3);
    }

    @Test
    void of_validatesInput() {
        assertThatThrownBy(() -> UpliftEvaluation.of(new double[0], new boolean[0], new double[0], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpliftEvaluation.of(new double[] {Double.NaN}, new boolean[1], new double[1], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer 0");
        assertThatThrownBy(() -> UpliftEvaluation.of(SCORE, TREATED, OUTCOME, 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpliftEvaluation.of(SCORE, TREATED, OUTCOME, 2).upliftAt(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rankOrder_matchesAComparatorSortOnRandomKeys() {
        Random rnd = new Random(5);
        double[] k = new double[5_000];
        for (int i = 0; i < k.length; i++) {
            k[i] = rnd.nextInt(4) == 0 ? -0.0 : (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
            if (i % 97 == 0) {
                k[i] = 0.0;
            }
        }
        long[] key = new long[k.length];
        long[] payload = new long[k.length];
        for (int i = 0; i < k.length; i++) {
            key[i] = RankOrder.descendingImage(k[i]);
            payload[i] = i;
        }
        RankOrder.sort(key, payload, k.length);
        Integer[] expected = new Integer[k.length];
        for (int i = 0; i < k.length; i++) {
            expected[i] = i;
        }
        java.util.Arrays.sort(expected, (a, b) -> {
            int c = Double.compare(k[b] == 0 ? 0.0 : k[b], k[a] == 0 ? 0.0 : k[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < k.length; i++) {
            assertThat(payload[i]).isEqualTo((long) expected[i]);
        }
    }

    @Test
    void of_equalsANaiveRankingWithTiesAndAnyParallelism() {
        Random rnd = new Random(17);
        for (int round = 0; round < 40; round++) {
            int n = 1 + rnd.nextInt(3_000);
            double[] score = new double[n];
            boolean[] treated = new boolean[n];
            double[] outcome = new double[n];
            for (int i = 0; i < n; i++) {
                score[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(5) * 0.25 : rnd.nextDouble() * 2 - 1;
                treated[i] = rnd.nextInt(round % 5 + 2) != 0;
                outcome[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(50) : 0;
            }
            int bins = 1 + rnd.nextInt(Math.min(n, 12));
            // naive: bins of whole tie groups by the group's first rank, Qini points per group
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
            long[] binT = new long[bins];
            long[] binC = new long[bins];
            double[] binY = new double[bins];
            List<Double> qini = new java.util.ArrayList<>(List.of(0.0));
            long t = 0;
            long c = 0;
            double yt = 0;
            double yc = 0;
            for (int r = 0; r < n;) {
                int bin = (int) ((long) r * bins / n);
                int end = r;
                while (end < n && score[order[end]] == score[order[r]]) {
                    int i = order[end++];
                    if (treated[i]) {
                        t++;
                        yt += outcome[i];
                        binT[bin]++;
                        binY[bin] += outcome[i];
                    } else {
                        c++;
                        yc += outcome[i];
                        binC[bin]++;
                    }
                }
                qini.add(c == 0 ? yt : yt - yc * t / c);
                r = end;
            }
            UpliftEvaluation sequential = UpliftEvaluation.of(score, treated, outcome, bins,
                    org.crmkit.scoring.Parallelism.sequential());
            UpliftEvaluation parallel = UpliftEvaluation.of(score, treated, outcome, bins,
                    org.crmkit.scoring.Parallelism.commonPool());
            for (UpliftEvaluation e : List.of(sequential, parallel)) {
                assertThat(e.bins()).extracting(UpliftEvaluation.UpliftBin::treated)
                        .containsExactlyElementsOf(java.util.stream.LongStream.of(binT).boxed().toList());
                assertThat(e.bins()).extracting(UpliftEvaluation.UpliftBin::control)
                        .containsExactlyElementsOf(java.util.stream.LongStream.of(binC).boxed().toList());
                for (int b = 0; b < bins; b++) {
                    assertThat(e.bins().get(b).treatedOutcome()).isCloseTo(binY[b], within(1e-9));
                }
                assertThat(e.qiniCurve()).hasSize(qini.size());
                for (int g = 0; g < qini.size(); g++) {
                    assertThat(e.qiniCurve().get(g).incremental()).isCloseTo(qini.get(g), within(1e-6));
                }
            }
            assertThat(parallel.qiniCoefficient()).isEqualTo(sequential.qiniCoefficient());
        }
    }
}
