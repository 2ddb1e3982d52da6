package org.crmkit.scoring.btyd;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;

/**
 * The plug-in point for a buy-till-you-die model: its parameters, its log-likelihood with
 * analytic gradient, where to start the search, and how to turn parameter values into a
 * {@link FittedModel} that predicts.
 *
 * <p>Given these, {@link BtydFitter} fits the model (with retries, standard errors, AIC,
 * BIC), {@link BtydModelJson} stores it, the evaluation package compares it on a holdout
 * period and the {@code crm} command line finds it by {@link #name()}. To add a model
 * without touching crmkit, implement this interface in a public class with a public
 * no-argument constructor and register it as a service provider of
 * {@code org.crmkit.scoring.btyd.BtydModel} ({@code provides} in {@code module-info.java}
 * and/or a {@code META-INF/services} file); {@link BtydModels#byName(String)} will find it.
 *
 * <p>Covariates: a plug-in model has one parameter vector for all customers. Time-invariant
 * covariates are offered for the Pareto/NBD and the BG/NBD ({@link CovariateModel.Family},
 * fitted by {@link CovariateFitter}, whose likelihood uses those two models' own row
 * gradients through the chain rule); the SPI has no hook for them, so a plug-in model takes
 * covariates only as separate fits per segment (one {@link BtydFitter} fit per level, each
 * stored and scored as a plain model). Model files of either kind are read by
 * {@link BtydModelJson#read(String)} ({@link StoredModel#hasCovariates()}).
 *
 * <pre>{@code
 * BtydModel<BgNbd> model = BgNbd.model();
 * double[] gradient = new double[4];
 * double ll = model.logLikelihood(new double[] {0.24, 4.4, 0.79, 2.4}, data, gradient);
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe: the fitter may evaluate the
 * likelihood from several threads.
 *
 * @param <F> the type of the parametrised model
 */
public interface BtydModel<F extends FittedModel> {

    /**
     * Returns the unique model name, lower case with hyphens, e.g. {@code bg-nbd}.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Returns the parameter names in the order of every parameter array.
     *
     * @return an unmodifiable list, never null nor empty
     */
    List<String> parameterNames();

    /**
     * Returns the bounds of each parameter as a transform to an unbounded scale; by
     * default every parameter is positive.
     *
     * @return one transform per parameter, never null
     */
    default List<ParameterTransform> transforms() {
        return Collections.nCopies(parameterNames().size(), ParameterTransform.POSITIVE);
    }

    /**
     * Returns the weighted total log-likelihood of the data, and when {@code gradient} is
     * non-null writes into it the partial derivatives with respect to each parameter
     * (on the parameter scale, not the transformed one).
     *
     * @param parameters the parameter values, inside the bounds, not null
     * @param data the summaries, not null
     * @param gradient an array of {@code parameterNames().size()} to fill, or null
     * @return the log-likelihood; may be {@code -Infinity} if the data are impossible
     *     under the parameters, never NaN
     * @throws IllegalArgumentException if the data do not suit the model (e.g. a
     *     spend model without monetary values)
     */
    double logLikelihood(double[] parameters, BtydData data, double[] gradient);

    /**
     * Returns the same as {@link #logLikelihood(double[], BtydData, double[])}, evaluated
     * on the given {@link Parallelism}; the fitter calls this one. By default the setting
     * is ignored; the built-in models split the rows into chunks on it.
     *
     * <pre>{@code
     * double ll = model.logLikelihood(parameters, data, gradient, Parallelism.sequential());
     * }</pre>
     *
     * @param parameters the parameter values, inside the bounds, not null
     * @param data the summaries, not null
     * @param gradient an array of {@code parameterNames().size()} to fill, or null
     * @param parallelism where the evaluation runs, not null
     * @return the log-likelihood; may be {@code -Infinity}, never NaN
     * @throws IllegalArgumentException if the data do not suit the model
     */
    default double logLikelihood(double[] parameters, BtydData data, double[] gradient,
            Parallelism parallelism) {
        Objects.requireNonNull(parallelism, "parallelism");
        return logLikelihood(parameters, data, gradient);
    }

    /**
     * Returns starting points for the fitter, the most promising first; the fitter tries
     * the next when a search fails.
     *
     * @param data the summaries to be fitted, not null
     * @return at least one parameter array, never null
     */
    List<double[]> startingPoints(BtydData data);

    /**
     * Returns the model with the given parameter values.
     *
     * @param parameters the values in the order of {@link #parameterNames()}, not null
     * @return the parametrised model, never null
     * @throws IllegalArgumentException if a value is outside its bounds
     */
    F withParameters(double[] parameters);

    /**
     * Returns the model with the given parameter values by name.
     *
     * @param parameters a value for every name in {@link #parameterNames()}, not null
     * @return the parametrised model, never null
     * @throws IllegalArgumentException if a parameter is missing, unknown or out of bounds
     */
    default F withParameters(Map<String, Double> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        List<String> names = parameterNames();
        for (String key : parameters.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown parameter '" + key + "' for model " + name() + "; expected " + names);
            }
        }
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            Double v = parameters.get(names.get(i));
            if (v == null) {
                throw new IllegalArgumentException(
                        "missing parameter '" + names.get(i) + "' for model " + name());
            }
            values[i] = v;
        }
        return withParameters(values);
    }
}
