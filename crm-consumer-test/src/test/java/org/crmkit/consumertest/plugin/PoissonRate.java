package org.crmkit.consumertest.plugin;

import java.util.Map;
import org.crmkit.scoring.btyd.FittedModel;

/**
 * A fitted example plug-in model: every customer buys at one constant rate and never drops out.
 *
 * @param lambda purchases per time unit, positive and finite
 */
public record PoissonRate(double lambda) implements FittedModel {
    /**
     * Validates the rate.
     *
     * @param lambda see the record
     * @throws IllegalArgumentException if lambda is not positive and finite
     */
    public PoissonRate {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive and finite: " + lambda);
        }
    }

    @Override
    public String modelName() {
        return PoissonRateModel.NAME;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("lambda", lambda);
    }
}
