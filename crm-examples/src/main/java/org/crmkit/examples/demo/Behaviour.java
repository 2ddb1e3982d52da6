package org.crmkit.examples.demo;

/**
 * How a simulated customer's buying changes over the simulated period; the demo shows the
 * relationship lifecycle following it. Immutable and thread-safe.
 */
public enum Behaviour {
    /** Never buys: a prospect with contacts only. */
    PROSPECT,
    /**
     * Buys as the BG/NBD model assumes (Fader, Hardie and Lee 2005): purchases at a
     * Poisson rate of its own, drawn from a gamma distribution, until it quits for good
     * after a purchase with a probability of its own, drawn from a beta distribution; the
     * parameters are {@link PopulationSimulator#BTYD_PROCESS}.
     */
    BTYD_PROCESS,
    /** Buys at an even pace throughout. */
    STEADY,
    /** Buys more and more often: the purchase rate rises linearly over the customer's time. */
    GROWING,
    /** Buys less and less often, then stops for good part-way through the period. */
    FADING,
    /** Buys, stops for more than a year, then comes back. */
    RETURNING
}
