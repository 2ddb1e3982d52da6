package org.crmkit.scoring.uncertainty;

/**
 * How the parameter sets of {@link ParameterDraws} were made.
 *
 * <pre>{@code
 * ParameterDraws.fromFit(BgNbd.model(), fit, 200, 7L).method(); // COVARIANCE
 * }</pre>
 */
public enum DrawMethod {
    /** The estimate alone, repeated: no parameter uncertainty ({@link ParameterDraws#fixed}). */
    ESTIMATE,
    /**
     * Multivariate normal draws from the fitted covariance on the fitter's unbounded scale (log
     * for positive parameters), carried back to the parameters ({@link ParameterDraws#fromCovariance}).
     */
    COVARIANCE,
    /** Refits of data simulated from the fit ({@link ParametricBootstrap}). */
    BOOTSTRAP
}
