package org.crmkit.scoring.btyd;

/**
 * A log-likelihood summed somewhere else than in this JVM's {@link BtydData}: the hook
 * through which {@link BtydFitter#fit(BtydModel, BtydData, ExternalLikelihood)} fits a
 * model to data it never holds, for example summaries spread over the partitions of a
 * cluster, where each optimiser step sums the partitions' log-likelihoods and gradients.
 *
 * <p>The sum must be the one {@link BtydModel#logLikelihood(double[], BtydData, double[])}
 * would return on all the rows together (the weighted total over the distinct rows, with
 * the rows of {@code T = 0} left out as {@link BtydData} leaves them out); only the order
 * of the additions may differ.
 *
 * <pre>{@code
 * ExternalLikelihood sum = new ExternalLikelihood() {
 *     public double customers() { return n; }
 *     public int rows() { return distinctRows; }
 *     public double logLikelihood(double[] p, double[] gradient) { return partitionsSum(p, gradient); }
 * };
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), sample, sum);
 * }</pre>
 *
 * <p>Implementations are called from the fitting thread only, one call at a time.
 */
public interface ExternalLikelihood {

    /**
     * Returns the total weight of the rows the likelihood sums over, as
     * {@link BtydData#customers()} counts it.
     *
     * @return the number of customers, positive
     */
    double customers();

    /**
     * Returns the number of distinct rows the likelihood sums over, as
     * {@link BtydData#size()} counts them; it sets the fit's evaluation budget and whether
     * the fit starts from a pilot fit of the sample.
     *
     * @return the number of rows, positive
     */
    int rows();

    /**
     * Returns the weighted total log-likelihood of all rows, and when {@code gradient} is
     * non-null writes into it the partial derivatives with respect to each parameter on
     * the parameter scale, as {@link BtydModel#logLikelihood(double[], BtydData, double[])}.
     *
     * @param parameters the parameter values, inside the bounds, not null
     * @param gradient an array of one entry per parameter to fill, or null
     * @return the log-likelihood; {@code -Infinity} where the data are impossible or a
     *     special function failed, never NaN
     */
    double logLikelihood(double[] parameters, double[] gradient);
}
