package org.crmkit.scoring.btyd;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The outcome of {@link CovariateFitter#fit}: the fitted {@link CovariateModel} (with its
 * standard errors), the log-likelihood and the diagnostics of the search.
 *
 * <pre>{@code
 * CovariateFit fit = CovariateFitter.standard().fit(CovariateModel.Family.PARETO_NBD, data);
 * if (fit.converged()) {
 *     System.out.println(fit.model().transactionCoefficients() + " " + fit.model().standardErrors());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CovariateFit {

    private final CovariateModel model;
    private final double logLikelihood;
    private final double plainLogLikelihood;
    private final boolean converged;
    private final String convergence;
    private final int iterations;
    private final double gradientNorm;
    private final double customers;
    private final int freeParameters;
    private final double regularizationTransaction;
    private final double regularizationLifetime;
    private final double penalty;
    private final double[][] covariance;
    private final Optional<FitLimit> limitReached;
    private final Map<String, String> atBoundary;

    CovariateFit(CovariateModel model, double logLikelihood, double plainLogLikelihood, boolean converged,
            String convergence, int iterations, double gradientNorm, double customers, int freeParameters,
            double regularizationTransaction, double regularizationLifetime, double penalty, double[][] covariance,
            Optional<FitLimit> limitReached, Map<String, String> atBoundary) {
        this.model = Objects.requireNonNull(model, "model");
        this.logLikelihood = logLikelihood;
        this.plainLogLikelihood = plainLogLikelihood;
        this.converged = converged;
        this.convergence = Objects.requireNonNull(convergence, "convergence");
        this.iterations = iterations;
        this.gradientNorm = gradientNorm;
        this.customers = customers;
        this.freeParameters = freeParameters;
        this.regularizationTransaction = regularizationTransaction;
        this.regularizationLifetime = regularizationLifetime;
        this.penalty = penalty;
        this.covariance = covariance;
        this.limitReached = Objects.requireNonNull(limitReached, "limitReached");
        this.atBoundary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                Objects.requireNonNull(atBoundary, "atBoundary")));
    }

    /**
     * Returns the limit that ended a fit before it converged: {@link FitLimit#TIME} when
     * {@link CovariateFitter#withTimeLimit} stopped it, {@link FitLimit#ITERATIONS} when the
     * chosen search used all the iterations {@link CovariateFitter#withMaxIterations} allows;
     * empty for a converged fit or one that failed otherwise (for example at a boundary).
     *
     * @return the limit, or empty
     */
    public Optional<FitLimit> limitReached() {
        return limitReached;
    }

    /**
     * Returns the estimates that ran off to a limit, by name, as {@link FitResult#atBoundary()}
     * does for the plain models: a coefficient ({@code trans.gender=m}, {@code life.score}) to
     * {@code +inf} or {@code -inf}, a population parameter to {@code inf} or {@code 0}. Such a
     * fit is not converged, but its estimate is the limiting one (the likelihood rises towards
     * the boundary) and usable, as {@code crm fit} treats it.
     *
     * @return an unmodifiable map in design order, empty when no estimate is at a boundary
     */
    public Map<String, String> atBoundary() {
        return atBoundary;
    }

    /**
     * Returns the fitted model, with a standard error per estimate when the observed
     * information was positive definite.
     *
     * @return the model, never null
     */
    public CovariateModel model() {
        return model;
    }

    /**
     * Returns the (unpenalised) log-likelihood at the estimate.
     *
     * @return the log-likelihood
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * Returns the log-likelihood of the plain model's maximum-likelihood fit without
     * covariates on the same customers (always fitted, on every size): twice the difference
     * {@code logLikelihood() - plainLogLikelihood()} is the likelihood-ratio statistic of all
     * coefficients being zero (chi-squared with {@code parameterCount() - 4} degrees of
     * freedom for an unpenalised fit).
     *
     * @return the plain log-likelihood; empty only if it is not finite (a plain fit that
     *     found no finite value)
     */
    public OptionalDouble plainLogLikelihood() {
        return !Double.isFinite(plainLogLikelihood) ? OptionalDouble.empty() : OptionalDouble.of(plainLogLikelihood);
    }

    /**
     * Returns whether the search converged: the gradient test passed, no population parameter
     * ran past {@code |ln p| > 30}, and the observed information is positive definite.
     *
     * @return true if converged
     */
    public boolean converged() {
        return converged;
    }

    /**
     * Returns the search's own account of how it ended.
     *
     * @return the reason, never null
     */
    public String convergence() {
        return convergence;
    }

    /**
     * Returns the BFGS iterations of the best search.
     *
     * @return the iterations
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns the largest component of the objective's gradient (per customer) at the estimate.
     *
     * @return the gradient norm
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * Returns the number of customers fitted.
     *
     * @return the customers
     */
    public double customers() {
        return customers;
    }

    /**
     * Returns the number of free parameters: four, one transaction coefficient per design
     * column, and one lifetime coefficient per design column not constrained.
     *
     * @return the parameter count
     */
    public int parameterCount() {
        return freeParameters;
    }

    /**
     * Returns Akaike's information criterion {@code 2k - 2 LL}.
     *
     * @return AIC
     */
    public double aic() {
        return 2.0 * freeParameters - 2.0 * logLikelihood;
    }

    /**
     * Returns the Bayesian information criterion {@code k ln n - 2 LL}.
     *
     * @return BIC
     */
    public double bic() {
        return freeParameters * Math.log(customers) - 2.0 * logLikelihood;
    }

    /**
     * Returns the penalty weight of the transaction coefficients.
     *
     * @return lambda_trans, 0 for maximum likelihood
     */
    public double regularizationTransaction() {
        return regularizationTransaction;
    }

    /**
     * Returns the penalty weight of the lifetime coefficients.
     *
     * @return lambda_life, 0 for maximum likelihood
     */
    public double regularizationLifetime() {
        return regularizationLifetime;
    }

    /**
     * Returns the penalty at the estimate in log-likelihood units: {@code n} times the
     * per-customer penalty of {@link CovariateFitter#withRegularization(double, double)}.
     *
     * @return the penalty, 0 without regularization
     */
    public double penalty() {
        return penalty;
    }

    /**
     * Returns the covariance of the free parameters on the optimiser's scale
     * ({@code ln p0 .. ln p3}, then the coefficients as in {@link #parameterCount()}), the
     * inverse observed information, if it was positive definite.
     *
     * @return a copy of the covariance, or empty
     */
    public Optional<double[][]> covariance() {
        if (covariance == null) {
            return Optional.empty();
        }
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return Optional.of(c);
    }

    /**
     * Returns the standard errors of the model, as {@link CovariateModel#standardErrors()}.
     *
     * @return an unmodifiable map, empty when the information was not positive definite
     */
    public Map<String, Double> standardErrors() {
        return model.standardErrors();
    }

    /**
     * Returns e.g. {@code CovariateFit[LL=-9590.1, converged, CovariateModel[...]]}.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "CovariateFit[LL=" + logLikelihood + ", " + (converged ? "converged" : "not converged: " + convergence)
                + ", " + model + "]";
    }
}
