package org.crmkit.scoring.rfm;

/**
 * Recency, frequency and monetary scores 1..k per customer, with the weighted combined
 * score, in columnar form (one byte per score).
 *
 * <pre>{@code
 * RfmScores s = RfmScorer.builder().build().score(summaries);
 * String cell = s.cell(0);          // e.g. "545"
 * double combined = s.combined(0);  // weighted mean of R, F, M
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmScores {
    private final BinnedScores recency;
    private final BinnedScores frequency;
    private final BinnedScores monetary;
    private final RfmWeights weights;

    RfmScores(BinnedScores recency, BinnedScores frequency, BinnedScores monetary,
            RfmWeights weights) {
        this.recency = recency;
        this.frequency = frequency;
        this.monetary = monetary;
        this.weights = weights;
    }

    /**
     * Returns the number of customers.
     *
     * @return the size
     */
    public int size() {
        return recency.size();
    }

    /**
     * Returns the number of scores per dimension.
     *
     * @return k
     */
    public int bins() {
        return recency.bins();
    }

    /**
     * Returns the recency score (recent is high).
     *
     * @param i the customer row
     * @return R in 1..k
     */
    public int recency(int i) {
        return recency.score(i);
    }

    /**
     * Returns the frequency score.
     *
     * @param i the customer row
     * @return F in 1..k
     */
    public int frequency(int i) {
        return frequency.score(i);
    }

    /**
     * Returns the monetary score.
     *
     * @param i the customer row
     * @return M in 1..k
     */
    public int monetary(int i) {
        return monetary.score(i);
    }

    /**
     * Returns the weighted combined score {@code (wR R + wF F + wM M) / (wR + wF + wM)}.
     *
     * @param i the customer row
     * @return the combined score in 1..k
     */
    public double combined(int i) {
        return weights.combine(recency.score(i), frequency.score(i), monetary.score(i));
    }

    /**
     * Returns the RFM cell, the three scores written one after another, e.g. {@code "545"}
     * (separated by dashes, {@code "10-3-7"}, when k exceeds 9).
     *
     * @param i the customer row
     * @return the cell label, never null
     */
    public String cell(int i) {
        if (bins() <= 9) {
            return new String(new char[] {(char) ('0' + recency(i)), (char) ('0' + frequency(i)),
                (char) ('0' + monetary(i))});
        }
        return recency(i) + "-" + frequency(i) + "-" + monetary(i);
    }

    /**
     * Returns the recency scores with their per-score counts.
     *
     * @return the recency scores, never null
     */
    public BinnedScores recencyScores() {
        return recency;
    }

    /**
     * Returns the frequency scores with their per-score counts.
     *
     * @return the frequency scores, never null
     */
    public BinnedScores frequencyScores() {
        return frequency;
    }

    /**
     * Returns the monetary scores with their per-score counts.
     *
     * @return the monetary scores, never null
     */
    public BinnedScores monetaryScores() {
        return monetary;
    }

    /**
     * Returns the weights of the combined score.
     *
     * @return the weights, never null
     */
    public RfmWeights weights() {
        return weights;
    }

    /**
     * Returns a description with the per-score counts of each dimension.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "RfmScores[size=" + size() + ", R=" + recency + ", F=" + frequency + ", M="
                + monetary + "]";
    }
}
