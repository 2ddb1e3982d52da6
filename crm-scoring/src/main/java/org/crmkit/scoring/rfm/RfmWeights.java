package org.crmkit.scoring.rfm;

/**
 * Weights of recency, frequency and monetary scores in the combined RFM score
 * {@code (wR R + wF F + wM M) / (wR + wF + wM)}, which stays in 1..k.
 *
 * <pre>{@code
 * RfmWeights w = RfmWeights.of(3, 2, 1); // recency counts most
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param recency weight of R, finite and {@code >= 0}
 * @param frequency weight of F, finite and {@code >= 0}
 * @param monetary weight of M, finite and {@code >= 0}
 */
public record RfmWeights(double recency, double frequency, double monetary) {
    /** Equal weights. */
    public static final RfmWeights EQUAL = new RfmWeights(1, 1, 1);

    /**
     * Validates the weights.
     *
     * @param recency see the record component
     * @param frequency see the record component
     * @param monetary see the record component
     * @throws IllegalArgumentException if a weight is negative or not finite, or all are 0
     */
    public RfmWeights {
        if (!(recency >= 0) || !(frequency >= 0) || !(monetary >= 0)
                || !Double.isFinite(recency + frequency + monetary)
                || recency + frequency + monetary == 0) {
            throw new IllegalArgumentException("weights must be finite, >= 0 and not all 0: "
                    + recency + ", " + frequency + ", " + monetary);
        }
    }

    /**
     * Creates weights.
     *
     * @param recency weight of R
     * @param frequency weight of F
     * @param monetary weight of M
     * @return the weights, never null
     * @throws IllegalArgumentException if a weight is negative or not finite, or all are 0
     */
    public static RfmWeights of(double recency, double frequency, double monetary) {
        return new RfmWeights(recency, frequency, monetary);
    }

    double combine(int r, int f, int m) {
        return (recency * r + frequency * f + monetary * m) / (recency + frequency + monetary);
    }
}
