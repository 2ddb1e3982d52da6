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
 * <p>A covariate model file ({@link CovariateModelJson}) reads too: {@link #covariateModel()}
 * holds the {@link CovariateModel}, {@link #model()} names its plain model and
 * {@link #parameters()} are its population parameters (those of a customer whose covariates
 * are all 0, the reference levels). Such a model has no single parameter vector for every
 * customer, so {@link #as} and {@link #toModel} refuse it with a message that says so;
 * score each customer with {@code covariateModel().get().forCustomer(z)}:
 *
 * <pre>{@code
 * StoredModel stored = BtydModelJson.read(Path.of("model.json"));
 * if (stored.hasCovariates()) {
 *     CovariateModel m = stored.covariateModel().get();
 *     double p = m.forCustomer(m.design().encode(new String[] {"m", "web"})).probabilityAlive(x, tx, t);
 * } else {
 *     FittedModel m = stored.toModel();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model name (for a covariate model, its plain model's), never null
 * @param parameters the parameter values by name (for a covariate model, the population
 *     parameters), never null
 * @param timeUnit the time unit the model was fitted in, if recorded
 * @param logLikelihood the log-likelihood of the fit, if recorded
 * @param converged whether the fit converged, if recorded
 * @param covariateModel the covariate model of a covariate model file, else empty
 */
public record StoredModel(String model, Map<String, Double> parameters, Optional<String> timeUnit,
        OptionalDouble logLikelihood, Optional<Boolean> converged, Optional<CovariateModel> covariateModel) {

    /**
     * Validates and copies the components.
     *
     * @param model see the record component
     * @param parameters see the record component
     * @param timeUnit see the record component
     * @param logLikelihood see the record component
     * @param converged see the record component
     * @param covariateModel see the record component
     * @throws NullPointerException if a component is null
     */
    public StoredModel {
        Objects.requireNonNull(model, "model");
        parameters = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(Objects.requireNonNull(parameters, "parameters")));
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(logLikelihood, "logLikelihood");
        Objects.requireNonNull(converged, "converged");
        Objects.requireNonNull(covariateModel, "covariateModel");
    }

    /**
     * Creates a stored plain model (no covariates).
     *
     * @param model see the record component
     * @param parameters see the record component
     * @param timeUnit see the record component
     * @param logLikelihood see the record component
     * @param converged see the record component
     * @throws NullPointerException if a component is null
     */
    public StoredModel(String model, Map<String, Double> parameters, Optional<String> timeUnit,
            OptionalDouble logLikelihood, Optional<Boolean> converged) {
        this(model, parameters, timeUnit, logLikelihood, converged, Optional.empty());
    }

    /**
     * Tells whether the file held a model with covariates ({@link #covariateModel()}).
     *
     * @return true for a covariate model
     */
    public boolean hasCovariates() {
        return covariateModel.isPresent();
    }

    /** Refuses a covariate model where one parameter vector for all customers is asked for. */
    private void requireNoCovariates() {
        covariateModel.ifPresent(m -> {
            throw new IllegalArgumentException("the file holds a " + model + " model with covariates "
                    + m.design().covariateNames() + ", which scores each customer by the customer's covariates"
                    + " (covariateModel().forCustomer(z)), not one model for all customers");
        });
    }

    /**
     * Returns the stored model as the given model type.
     *
     * @param <F> the model type
     * @param expected the expected model, not null
     * @return the parametrised model, never null
     * @throws IllegalArgumentException if the file holds another model or a model with
     *     covariates, its parameters do not fit, or it is a Gamma-Gamma model with
     *     {@code q <= 1} (infinite mean spend)
     */
    public <F extends FittedModel> F as(BtydModel<F> expected) {
        Objects.requireNonNull(expected, "expected");
        requireNoCovariates();
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
     * @throws IllegalArgumentException if the model is unknown or has covariates, its parameters
     *     do not fit, or it is a Gamma-Gamma model with {@code q <= 1} (infinite mean spend)
     */
    public FittedModel toModel() {
        requireNoCovariates();
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
