package org.crmkit.scoring.retention;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of fitting a retention model: the estimates, their standard errors and covariance
 * (the inverse observed information), the maximised log-likelihood and the optimiser's
 * diagnostics.
 *
 * <pre>{@code
 * RetentionFit fit = RetentionFitter.fit(RetentionModelKind.SBG, data);
 * if (fit.converged()) {
 *     double alpha = fit.model().parameters().get("alpha");
 *     double se = fit.standardErrors().get("alpha");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetentionFit {
    private final RetentionModel model;
    private final double logLikelihood;
    private final boolean converged;
    private final String convergence;
    private final int iterations;
    private final double gradientNorm;
    private final double[][] covariance;
    private final Map<String, Double> standardErrors;
    private final long customers;
    private final int cohorts;
    private final int periods;

    RetentionFit(RetentionModel model, double logLikelihood, boolean converged, String convergence, int iterations,
            double gradientNorm, double[][] covariance, long customers, int cohorts, int periods) {
        this.model = Objects.requireNonNull(model, "model");
        this.logLikelihood = logLikelihood;
        this.converged = converged;
        this.convergence = Objects.requireNonNull(convergence, "convergence");
        this.iterations = iterations;
        this.gradientNorm = gradientNorm;
        this.customers = customers;
        this.cohorts = cohorts;
        this.periods = periods;
        Map<String, Double> se = new LinkedHashMap<>();
        if (covariance != null) {
            this.covariance = new double[covariance.length][];
            List<String> names = model.kind().parameterNames();
            for (int i = 0; i < covariance.length; i++) {
                this.covariance[i] = covariance[i].clone();
                se.put(names.get(i), Math.sqrt(covariance[i][i]));
            }
        } else {
            this.covariance = null;
        }
        this.standardErrors = Collections.unmodifiableMap(se);
    }

    /**
     * Returns the fitted model.
     *
     * @return the model at the estimates, never null
     */
    public RetentionModel model() {
        return model;
    }

    /**
     * Returns the maximised log-likelihood (the full multinomial kernel of appendix B of Fader
     * and Hardie 2007, without the constant of the multinomial coefficient).
     *
     * @return the log-likelihood, finite and {@code <= 0}
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * Returns whether the optimiser met its gradient test at an interior point.
     *
     * @return true if converged
     */
    public boolean converged() {
        return converged;
    }

    /**
     * Returns how the optimiser ended, in words.
     *
     * @return the reason, never null
     */
    public String convergence() {
        return convergence;
    }

    /**
     * Returns the optimiser's iterations.
     *
     * @return the count, {@code >= 0}
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns the largest component of the gradient of the per-customer negative log-likelihood
     * on the log-parameter scale, at the estimates.
     *
     * @return the norm, {@code >= 0}
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * Returns the standard errors of the parameters, the square roots of the covariance's
     * diagonal.
     *
     * @return an unmodifiable map by parameter name, empty when the observed information is not
     *     positive definite (a boundary or a flat likelihood), never null
     */
    public Map<String, Double> standardErrors() {
        return standardErrors;
    }

    /**
     * Returns the covariance of the estimates: the inverse observed information on the
     * log-parameter scale (central differences of the analytic gradient), transformed by the
     * delta method.
     *
     * @return a copy, in the model's parameter order, or empty where not positive definite
     */
    public Optional<double[][]> covariance() {
        if (covariance == null) {
            return Optional.empty();
        }
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covariance[i].clone();
        }
        return Optional.of(copy);
    }

    /**
     * Returns the customers the model was fitted to (all cohorts' period 0 counts).
     *
     * @return the count, positive
     */
    public long customers() {
        return customers;
    }

    /**
     * Returns the number of cohorts fitted.
     *
     * @return the count, positive
     */
    public int cohorts() {
        return cohorts;
    }

    /**
     * Returns the longest cohort's last observed period.
     *
     * @return the period, positive
     */
    public int periods() {
        return periods;
    }

    /**
     * Returns Akaike's information criterion, {@code 2k - 2 LL}.
     *
     * @return the AIC
     */
    public double aic() {
        return 2 * model.kind().parameterNames().size() - 2 * logLikelihood;
    }

    /**
     * Returns the Bayesian information criterion, {@code k ln(customers) - 2 LL}.
     *
     * @return the BIC
     */
    public double bic() {
        return model.kind().parameterNames().size() * Math.log(customers) - 2 * logLikelihood;
    }

    @Override
    public String toString() {
        return "RetentionFit[" + model + ", logLikelihood=" + logLikelihood + ", converged=" + converged
                + ", standardErrors=" + standardErrors + "]";
    }
}
