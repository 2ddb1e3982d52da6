package org.crmkit.scoring.btyd.internal;

import java.util.Objects;
import org.crmkit.scoring.Parallelism;

/**
 * The weighted sum over summary rows of a per-row log-likelihood and its gradient, the
 * loop every built-in likelihood shares: rows are cut into chunks on a
 * {@link Parallelism}, each chunk adds its rows into its own slot of one partial-sum
 * array ({@code 1 + parameters} entries: the log-likelihood, then the gradient), and the
 * slots are added in chunk order, so the result does not depend on the parallelism. One
 * array per evaluation, nothing per row or per chunk.
 *
 * <p>Thread-safe: stateless.
 */
public final class LikelihoodSum {

    private LikelihoodSum() {
    }

    /** The rows of one chunk. */
    @FunctionalInterface
    public interface Chunk {
        /**
         * Adds rows {@code from .. to - 1} into {@code sums[at]} (log-likelihood) and
         * {@code sums[at + 1 .. at + parameters]} (gradient, when wanted).
         *
         * @param from the first row
         * @param to one past the last row
         * @param sums the partial sums of all chunks
         * @param at the first entry of this chunk's slot
         */
        void accumulate(int from, int to, double[] sums, int at);
    }

    /**
     * Adds one row into a chunk's slot: {@code weight} times its log-likelihood into
     * {@code sums[at]} and, when {@code rowGradient} is not null, {@code weight} times its first
     * {@code parameters} entries (the row's gradient) into {@code sums[at + 1 ..]}. The one
     * accumulation step of every {@link Chunk} of the built-in models.
     *
     * @param sums the partial sums of all chunks
     * @param at the first entry of the chunk's slot
     * @param weight the row's weight
     * @param logLikelihood the row's log-likelihood
     * @param rowGradient the row's gradient in its first {@code parameters} entries, or null
     * @param parameters the number of parameters
     */
    public static void addRow(double[] sums, int at, double weight, double logLikelihood, double[] rowGradient,
            int parameters) {
        sums[at] += weight * logLikelihood;
        if (rowGradient != null) {
            for (int k = 0; k < parameters; k++) {
                sums[at + 1 + k] += weight * rowGradient[k];
            }
        }
    }

    /**
     * Evaluates the sum.
     *
     * @param rows the number of rows
     * @param parameters the number of parameters (gradient entries)
     * @param minChunk the fewest rows per chunk
     * @param parallelism where the chunks run
     * @param gradient receives the gradient, or null
     * @param chunk adds the rows of a chunk
     * @return the log-likelihood, {@code -Infinity} instead of NaN
     */
    public static double evaluate(int rows, int parameters, int minChunk, Parallelism parallelism,
            double[] gradient, Chunk chunk) {
        Objects.requireNonNull(parallelism, "parallelism");
        int slot = parameters + 1;
        int chunks = Parallelism.chunkCount(rows, minChunk);
        double[] sums = new double[chunks * slot];
        parallelism.forEachChunk(rows, minChunk, (c, from, to) -> chunk.accumulate(from, to, sums, c * slot));
        double ll = 0;
        for (int c = 0; c < chunks; c++) {
            ll += sums[c * slot];
        }
        if (gradient != null) {
            for (int k = 0; k < parameters; k++) {
                double g = 0;
                for (int c = 0; c < chunks; c++) {
                    g += sums[c * slot + 1 + k];
                }
                gradient[k] = g;
            }
        }
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
    }
}
