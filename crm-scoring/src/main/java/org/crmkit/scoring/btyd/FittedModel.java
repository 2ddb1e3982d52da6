package org.crmkit.scoring.btyd;

import java.util.Map;

/**
 * A buy-till-you-die model with parameter values: what a fit produces and what
 * predictions are made with.
 *
 * <pre>{@code
 * FittedModel m = BgNbd.of(0.243, 4.414, 0.793, 2.426);
 * Map<String, Double> p = m.parameters(); // {r=0.243, alpha=4.414, a=0.793, b=2.426}
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface FittedModel {

    /**
     * Returns the model's name, the key of {@link BtydModels}, e.g. {@code bg-nbd}.
     *
     * @return the model name, never null
     */
    String modelName();

    /**
     * Returns the parameter values by name, in the order of
     * {@link BtydModel#parameterNames()}.
     *
     * @return an unmodifiable ordered map, never null
     */
    Map<String, Double> parameters();
}
