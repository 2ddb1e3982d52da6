package org.crmkit.scoring.btyd;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A model read from JSON by {@link BtydModelJson#read(String)}: its name, parameters and
 * what diagnostics the file held.
 *
 * <pre>{@code
 * StoredModel stored = BtydModelJson.read(json);
 * BgNbd model = stored.as(BgNbd.model());      // fails if the file holds another model
 * FittedModel any = stored.toModel();          // any registered model
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model name, never null
 * @param parameters the parameter values by name, never null
 * @param timeUnit the time unit the model was fitted in, if recorded
 * @param logLikelihood the log-likelihood of the fit, if recorded
 * @param converged whether the fit converged, if recorded
 */
public record StoredModel(String model, Map<String, Double> parameters, Optional<String> timeUnit,
        OptionalDouble logLikelihood, Optional<Boolean> converged) {

    /**
     * Validates and copies the components.
     *
     * @param model see the record component
     * @param parameters see the record component
     * @param timeUnit see the record component
     * @param logLikelihood see the record component
     * @param converged see the record component
     * @throws NullPointerException if a component is null
     */
    public StoredModel {
        Objects.requireNonNull(model, "model");
        parameters = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(logLikelihood, "logLikelihood");
        Objects.requireNonNull(converged, "converged");
    }

    /**
     * Returns the stored model as the given model type.
     *
     * @param <F> the model type
     * @param expected the expected model, not null
     * @return the parametrised model, never null
     * @throws IllegalArgumentException if the file holds another model, its parameters do not
     *     fit, or it is a Gamma-Gamma model with {@code q <= 1} (infinite mean spend)
     */
    public <F extends FittedModel> F as(BtydModel<F> expected) {
        Objects.requireNonNull(expected, "expected");
        if (!expected.name().equals(model)) {
            throw new IllegalArgumentException("the file holds model '" + model + "', not '"
                    + expected.name() + "'");
        }
        return usable(expected.withParameters(parameters));
    }

    /**
     * Returns the stored model via the registry {@link BtydModels}.
     *
     * @return the parametrised model, never null
     * @throws IllegalArgumentException if the model is unknown, its parameters do not fit, or it
     *     is a Gamma-Gamma model with {@code q <= 1} (infinite mean spend)
     */
    public FittedModel toModel() {
        return usable(BtydModels.require(model).withParameters(parameters));
    }

    /** Refuses a model that cannot predict what it is for, before any output is written. */
    private static <F extends FittedModel> F usable(F fitted) {
        if (fitted instanceof GammaGamma spend && !spend.hasFiniteMeanSpend()) {
            throw new IllegalArgumentException("gamma-gamma model with q = " + spend.parameters().get("q")
                    + " <= 1 is refused: its mean spend v p / (q - 1) is infinite, so it cannot predict spend"
                    + " or lifetime value; refit it (q > 1 is needed)");
        }
        return fitted;
    }
}
