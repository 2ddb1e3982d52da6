package org.crmkit.scoring.diagnostics;

import java.util.Objects;
import java.util.OptionalDouble;
import org.crmkit.scoring.rfm.RfmScorer;
import org.crmkit.scoring.rfm.RfmScores;
import org.crmkit.scoring.summary.CustomerSummaries;

/**
 * The RFM heat map: the mean monetary value of the customers in each cell of recency score
 * by frequency score (Hughes 1994, "Strategic Database Marketing", RFM analysis; the
 * scores are those of the given {@link RfmScorer}, so R is high for recent customers).
 *
 * <p>The monetary value is the summary's {@code monetary_value}, the mean value of the
 * repeat purchases (0 for one-time buyers, who are counted in their cells like everyone
 * else); rows of weighted summaries count once each. A cell without customers has no
 * value.
 *
 * <pre>{@code
 * RfmHeatmap h = RfmHeatmap.of(summaries, RfmScorer.builder().build());
 * OptionalDouble best = h.meanMonetary(5, 5);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmHeatmap {
    private final int bins;
    private final long[][] count;    // [r - 1][f - 1]
    private final double[][] sum;

    private RfmHeatmap(int bins, long[][] count, double[][] sum) {
        this.bins = bins;
        this.count = count;
        this.sum = sum;
    }

    /**
     * Scores the summaries and averages their monetary value by R and F score.
     *
     * @param summaries the summaries, not null, not empty
     * @param scorer the RFM scorer, not null
     * @return the heat map, never null
     * @throws IllegalArgumentException if the summaries are empty or carry no monetary value
     */
    public static RfmHeatmap of(CustomerSummaries summaries, RfmScorer scorer) {
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(scorer, "scorer");
        if (summaries.size() == 0) {
            throw new IllegalArgumentException("no customers");
        }
        if (!summaries.hasMonetaryValue()) {
            throw new IllegalArgumentException("the summaries have no monetary_value: an RFM heat map needs it");
        }
        RfmScores scores = scorer.score(summaries);
        int k = scores.bins();
        long[][] count = new long[k][k];
        double[][] sum = new double[k][k];
        for (int i = 0; i < summaries.size(); i++) {
            int r = scores.recency(i) - 1;
            int f = scores.frequency(i) - 1;
            count[r][f]++;
            sum[r][f] += summaries.monetaryValue(i);
        }
        return new RfmHeatmap(k, count, sum);
    }

    /**
     * Returns the number of scores per dimension.
     *
     * @return k
     */
    public int bins() {
        return bins;
    }

    /**
     * Returns the number of customers in a cell.
     *
     * @param recencyScore R, {@code 1..k}
     * @param frequencyScore F, {@code 1..k}
     * @return the count, {@code >= 0}
     * @throws IndexOutOfBoundsException if a score is out of range
     */
    public long customers(int recencyScore, int frequencyScore) {
        return count[Objects.checkIndex(recencyScore - 1, bins)][Objects.checkIndex(frequencyScore - 1, bins)];
    }

    /**
     * Returns the mean monetary value of a cell.
     *
     * @param recencyScore R, {@code 1..k}
     * @param frequencyScore F, {@code 1..k}
     * @return the mean, or empty for a cell without customers
     * @throws IndexOutOfBoundsException if a score is out of range
     */
    public OptionalDouble meanMonetary(int recencyScore, int frequencyScore) {
        long c = customers(recencyScore, frequencyScore);
        return c == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(sum[recencyScore - 1][frequencyScore - 1] / c);
    }

    /**
     * Returns the plotted numbers: x is the recency score {@code 1..k}, one series per
     * frequency score named {@code F=1} .. {@code F=k}, cells the mean monetary value (empty
     * without customers).
     *
     * @return the table, never null
     */
    public PlotTable table() {
        double[] x = new double[bins];
        for (int r = 0; r < bins; r++) {
            x[r] = r + 1;
        }
        PlotTable.Builder b = new PlotTable.Builder("recency_score", x);
        for (int f = 1; f <= bins; f++) {
            double[] column = new double[bins];
            for (int r = 1; r <= bins; r++) {
                column[r - 1] = meanMonetary(r, f).orElse(Double.NaN);
            }
            b.add("F=" + f, column);
        }
        return b.build();
    }

    /**
     * Returns the format {@code RfmHeatmap[k x k]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "RfmHeatmap[" + bins + " x " + bins + "]";
    }
}
