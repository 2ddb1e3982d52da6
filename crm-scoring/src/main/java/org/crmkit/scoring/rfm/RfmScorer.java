package org.crmkit.scoring.rfm;

import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.summary.CustomerSummaries;

/**
 * Scores customers by recency, frequency and monetary value (RFM; Hughes 1994,
 * "Strategic Database Marketing", ch. on RFM analysis), each 1..k (default 5) by
 * quantiles ({@link QuantileScores}) or by fixed {@link Breakpoints}, plus a weighted
 * combined score.
 *
 * <p>From {@link CustomerSummaries} the three measures are: R = time since the last
 * purchase at the calibration end, {@code T - recency} (lower is better, so recent
 * customers score high); F = {@code frequency} (repeat purchase days); M =
 * {@code monetary_value} (mean repeat-purchase value, 0 for one-time buyers). One-time
 * buyers tie at F = 0 and M = 0; see {@link QuantileScores} for how ties are scored.
 * For 2<sup>18</sup> customers or more the three dimensions are scored in parallel on
 * the builder's {@link Parallelism} (default {@link Parallelism#defaults()}); the result
 * does not depend on it.
 *
 * <pre>{@code
 * RfmScores scores = RfmScorer.builder().bins(5).build().score(summaries);
 * String segment = RfmSegmentMap.defaults().segmentOf(scores, 0);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmScorer {
    private static final int PARALLEL_THRESHOLD = 1 << 18;
    private final int bins;
    private final Parallelism parallelism; // null: Parallelism.defaults() at each call
    private final RfmWeights weights;
    private final Breakpoints recency;
    private final Breakpoints frequency;
    private final Breakpoints monetary;

    private RfmScorer(Builder b) {
        this.bins = b.bins == 0 ? 5 : b.bins;
        this.weights = b.weights == null ? RfmWeights.EQUAL : b.weights;
        this.recency = b.recency;
        this.frequency = b.frequency;
        this.monetary = b.monetary;
        this.parallelism = b.parallelism;
        for (Breakpoints p : new Breakpoints[] {recency, frequency, monetary}) {
            if (p != null && p.bins() != bins) {
                throw new IllegalArgumentException(p + " define " + p.bins()
                        + " scores but the scorer has " + bins + " bins");
            }
        }
    }

    /**
     * Returns a builder; defaults are 5 bins, quantile scoring and equal weights.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
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
     * Scores summaries (R from {@code T - recency}, F from frequency, M from monetary
     * value).
     *
     * @param summaries the summaries, not null
     * @return the scores in summary row order, never null
     */
    public RfmScores score(CustomerSummaries summaries) {
        Objects.requireNonNull(summaries, "summaries");
        int n = summaries.size();
        double[] sinceLast = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            sinceLast[i] = summaries.t(i) - summaries.recency(i);
            f[i] = summaries.frequency(i);
        }
        return score(sinceLast, f, summaries.monetaryValueColumn());
    }

    /**
     * Scores raw measures.
     *
     * @param timeSinceLastPurchase per customer, lower is better, finite
     * @param frequency per customer, higher is better, finite
     * @param monetary per customer, higher is better, finite
     * @return the scores, never null
     * @throws IllegalArgumentException if the arrays differ in length or hold a value that
     *     is not finite
     */
    public RfmScores score(double[] timeSinceLastPurchase, double[] frequency,
            double[] monetary) {
        Objects.requireNonNull(timeSinceLastPurchase, "timeSinceLastPurchase");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(monetary, "monetary");
        if (frequency.length != timeSinceLastPurchase.length
                || monetary.length != timeSinceLastPurchase.length) {
            throw new IllegalArgumentException("lengths differ: " + timeSinceLastPurchase.length
                    + ", " + frequency.length + ", " + monetary.length);
        }
        BinnedScores[] out = new BinnedScores[3];
        Parallelism where = timeSinceLastPurchase.length < PARALLEL_THRESHOLD ? Parallelism.sequential()
                : parallelism == null ? Parallelism.defaults() : parallelism;
        // a failure is rethrown unchanged, the lowest dimension's first
        where.run(3, d -> out[d] = d == 0
                ? scoreOne(timeSinceLastPurchase, recency, ScoreDirection.LOWER_IS_BETTER)
                : d == 1
                ? scoreOne(frequency, this.frequency, ScoreDirection.HIGHER_IS_BETTER)
                : scoreOne(monetary, this.monetary, ScoreDirection.HIGHER_IS_BETTER));
        return new RfmScores(out[0], out[1], out[2], weights);
    }

    private BinnedScores scoreOne(double[] values, Breakpoints points, ScoreDirection dir) {
        return points == null ? QuantileScores.score(values, bins, dir) : points.score(values, dir);
    }

    /**
     * Configures an {@link RfmScorer}. Each option may be set once. Not thread-safe; the
     * product is immutable.
     */
    public static final class Builder {
        private int bins;
        private RfmWeights weights;
        private Breakpoints recency;
        private Breakpoints frequency;
        private Breakpoints monetary;
        private Parallelism parallelism;

        private Builder() {
        }

        /**
         * Sets where large inputs are scored (default {@link Parallelism#defaults()}).
         *
         * @param parallelism the setting, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder parallelism(Parallelism parallelism) {
            Objects.requireNonNull(parallelism, "parallelism");
            if (this.parallelism != null) {
                throw new IllegalStateException("parallelism was already set to " + this.parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Sets the number of scores k (default 5).
         *
         * @param bins k, {@code 2 <= k <= QuantileScores.MAX_BINS}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         * @throws IllegalStateException if already set
         */
        public Builder bins(int bins) {
            if (this.bins != 0) {
                throw new IllegalStateException("bins were already set to " + this.bins);
            }
            QuantileScores.checkBins(bins);
            this.bins = bins;
            return this;
        }

        /**
         * Sets the weights of the combined score (default equal).
         *
         * @param weights the weights, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder weights(RfmWeights weights) {
            Objects.requireNonNull(weights, "weights");
            if (this.weights != null) {
                throw new IllegalStateException("weights were already set to " + this.weights);
            }
            this.weights = weights;
            return this;
        }

        /**
         * Scores recency (time since last purchase) by fixed breakpoints instead of
         * quantiles.
         *
         * @param points k - 1 breakpoints, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder recencyBreakpoints(Breakpoints points) {
            Objects.requireNonNull(points, "points");
            if (recency != null) {
                throw new IllegalStateException("recency breakpoints were already set");
            }
            recency = points;
            return this;
        }

        /**
         * Scores frequency by fixed breakpoints instead of quantiles.
         *
         * @param points k - 1 breakpoints, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder frequencyBreakpoints(Breakpoints points) {
            Objects.requireNonNull(points, "points");
            if (frequency != null) {
                throw new IllegalStateException("frequency breakpoints were already set");
            }
            frequency = points;
            return this;
        }

        /**
         * Scores monetary value by fixed breakpoints instead of quantiles.
         *
         * @param points k - 1 breakpoints, not null
         * @return this builder
         * @throws IllegalStateException if already set
         */
        public Builder monetaryBreakpoints(Breakpoints points) {
            Objects.requireNonNull(points, "points");
            if (monetary != null) {
                throw new IllegalStateException("monetary breakpoints were already set");
            }
            monetary = points;
            return this;
        }

        /**
         * Builds the scorer.
         *
         * @return the scorer, never null
         * @throws IllegalArgumentException if breakpoints define a different number of
         *     scores than {@code bins}
         */
        public RfmScorer build() {
            return new RfmScorer(this);
        }
    }
}
