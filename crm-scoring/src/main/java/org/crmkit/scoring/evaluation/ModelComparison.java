package org.crmkit.scoring.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.btyd.BtydFitter;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.FitResult;
import org.crmkit.scoring.btyd.PurchaseModel;

/**
 * Fits several transaction models to the same calibration data and compares them by
 * log-likelihood, AIC, BIC and holdout error, in one call.
 *
 * <pre>{@code
 * ModelComparison c = ModelComparison.compare(
 *         List.of(BgNbd.model(), MbgNbd.model()), holdoutData, BtydFitter.standard());
 * c.entries().forEach(e -> System.out.println(e.model() + " AIC " + e.aic()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param entries one entry per model, in the order given, never null
 */
public record ModelComparison(List<ModelComparison.Entry> entries) {

    /**
     * Copies the entries.
     *
     * @param entries see the record component
     * @throws NullPointerException if entries is null
     */
    public ModelComparison {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /**
     * The comparison figures of one model.
     *
     * @param model the model name, never null
     * @param converged whether the fit converged
     * @param parameters the number of parameters
     * @param logLikelihood the maximised log-likelihood
     * @param aic Akaike's information criterion
     * @param bic the Bayesian information criterion
     * @param holdout the holdout evaluation of the fitted model, never null
     * @param fit the fit itself, never null
     */
    public record Entry(String model, boolean converged, int parameters, double logLikelihood,
            double aic, double bic, HoldoutEvaluation holdout, FitResult<?> fit) {

        /**
         * Validates the components.
         *
         * @param model see the record component
         * @param converged see the record component
         * @param parameters see the record component
         * @param logLikelihood see the record component
         * @param aic see the record component
         * @param bic see the record component
         * @param holdout see the record component
         * @param fit see the record component
         * @throws NullPointerException if a reference is null
         */
        public Entry {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(holdout, "holdout");
            Objects.requireNonNull(fit, "fit");
        }
    }

    /**
     * Fits each model to the calibration part of the data and evaluates it on the holdout
     * part.
     *
     * @param models the transaction models, not null nor empty
     * @param data calibration and holdout data, not null
     * @param fitter the fitter, not null
     * @return the comparison, never null
     * @throws IllegalArgumentException if a model does not predict purchases
     */
    public static ModelComparison compare(List<? extends BtydModel<?>> models, HoldoutData data,
            BtydFitter fitter) {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(fitter, "fitter");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model to compare");
        }
        List<Entry> entries = new ArrayList<>();
        for (BtydModel<?> model : models) {
            FitResult<?> fit = fitter.fit(model, data.calibration());
            if (!(fit.model() instanceof PurchaseModel purchases)) {
                throw new IllegalArgumentException("model " + model.name()
                        + " does not predict purchases and cannot be evaluated on a holdout");
            }
            entries.add(new Entry(model.name(), fit.converged(), fit.parameterCount(),
                    fit.logLikelihood(), fit.aic(), fit.bic(),
                    HoldoutEvaluation.evaluate(purchases, data), fit));
        }
        return new ModelComparison(entries);
    }
}
