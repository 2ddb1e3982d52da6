package org.crmkit.scoring.btyd;

/**
 * The limit that ended a fit before it converged, as {@link FitResult#limitReached()} reports it.
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = BtydFitter.standard().withMaxIterations(2).fit(BgNbd.model(), data);
 * fit.limitReached(); // Optional[ITERATIONS]
 * }</pre>
 */
public enum FitLimit {
    /** The chosen search used all the iterations {@link BtydFitter#withMaxIterations} allows. */
    ITERATIONS,
    /** The fit ran out of the time {@link BtydFitter#withTimeLimit} allows. */
    TIME,
    /** The fit used its likelihood-evaluation budget ({@link BtydFitter#MAX_EVALUATIONS}, {@link BtydFitter#WORK_BUDGET}). */
    EVALUATIONS
}
