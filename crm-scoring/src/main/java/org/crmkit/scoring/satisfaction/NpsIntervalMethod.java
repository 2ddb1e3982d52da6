package org.crmkit.scoring.satisfaction;

/**
 * How a confidence interval of a net promoter score is computed.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum NpsIntervalMethod {
    /**
     * The Wald interval {@code NPS -/+ z sqrt(var / n)} with
     * {@code var = pP + pD - (pP - pD)^2}: simple, but too narrow for small samples and
     * degenerate (zero width) when every answer falls in one category.
     */
    WALD,
    /**
     * The adjusted-Wald interval recommended by Rocks (2016, <i>The American
     * Statistician</i> 70(4), "Interval estimation for the net promoter score"): add 3 to
     * n and 3/4 to the promoter and detractor counts, then compute the Wald interval of
     * the adjusted shares. Good coverage down to small samples; never degenerate.
     */
    ADJUSTED_WALD
}
