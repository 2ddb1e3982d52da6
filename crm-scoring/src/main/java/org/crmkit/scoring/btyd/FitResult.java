package org.crmkit.scoring.btyd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a maximum-likelihood fit: the fitted model, log-likelihood, whether and
 * why the search converged, the covariance matrix of the estimates, information criteria
 * and every attempt the fitter made.
 *
 * <p>A fit that did not converge says so ({@link #converged()} false and
 * {@link #convergence()} tells why); its parameters are the best found and must not be
 * used as estimates. A fit that ran into the boundary of the parameter space (the
 * likelihood still rising, or flat, as some parameters run to infinity or zero) is never
 * reported as converged: {@link #atBoundary()} names those parameters and where they run,
 * and {@link #convergence()} reads for example
 * {@code at boundary: a, b -> inf; no drop-out detected}.
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = BtydFitter.standard().fit(BgNbd.model(), data);
 * if (!fit.converged()) {
 *     throw new IllegalStateException(fit.convergence());
 * }
 * double seR = fit.standardErrors().get("r");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <F> the type of the fitted model
 */
public final class FitResult<F extends FittedModel> {

    private final F model;
    private final List<String> names;
    private final double logLikelihood;
    private final boolean converged;
    private final String convergence;
    private final int iterations;
    private final double gradientNorm;
    private final double[][] covariance;
    private final double customers;
    private final List<FitAttempt> attempts;
    private final Map<String, String> atBoundary;
    private final double excludedCustomers;
    private final Optional<FitLimit> limitReached;
    private final double regularization;
    private final double penalty;

    FitResult(F model, List<String> names, double logLikelihood, boolean converged, String convergence,
            int iterations, double gradientNorm, double[][] covariance, double customers,
            List<FitAttempt> attempts) {
        this(model, names, logLikelihood, converged, convergence, iterations, gradientNorm, covariance,
                customers, attempts, Map.of(), 0);
    }

    FitResult(F model, List<String> names, double logLikelihood, boolean converged, String convergence,
            int iterations, double gradientNorm, double[][] covariance, double customers,
            List<FitAttempt> attempts, Map<String, String> atBoundary, double excludedCustomers) {
        this.atBoundary = Collections.unmodifiableMap(new LinkedHashMap<>(atBoundary));
        this.excludedCustomers = excludedCustomers;
        this.model = Objects.requireNonNull(model, "model");
        this.names = List.copyOf(names);
        this.logLikelihood = logLikelihood;
        this.converged = converged;
        this.convergence = Objects.requireNonNull(convergence, "convergence");
        this.iterations = iterations;
        this.gradientNorm = gradientNorm;
        this.covariance = covariance == null ? null : deepCopy(covariance);
        this.customers = customers;
        this.attempts = List.copyOf(attempts);
        this.limitReached = Optional.empty();
        this.regularization = 0;
        this.penalty = 0;
    }

    /** A copy of {@code from} with the limit it ran into and the L2 penalty it was fitted with. */
    private FitResult(FitResult<F> from, Optional<FitLimit> limitReached, double regularization, double penalty) {
        this.model = from.model;
        this.names = from.names;
        this.logLikelihood = from.logLikelihood;
        this.converged = from.converged;
        this.convergence = from.convergence;
        this.iterations = from.iterations;
        this.gradientNorm = from.gradientNorm;
        this.covariance = from.covariance;
        this.customers = from.customers;
        this.attempts = from.attempts;
        this.atBoundary = from.atBoundary;
        this.excludedCustomers = from.excludedCustomers;
        this.limitReached = Objects.requireNonNull(limitReached, "limitReached");
        this.regularization = regularization;
        this.penalty = penalty;
    }

    /** A copy of this result recording the limit the fit ran into. */
    FitResult<F> withLimit(Optional<FitLimit> limit) {
        return new FitResult<>(this, limit, regularization, penalty);
    }

    /** This fit with the regularization weight and the penalty (on the total scale) it had. */
    FitResult<F> regularized(double lambda, double totalPenalty) {
        return new FitResult<>(this, limitReached, lambda, totalPenalty);
    }

    /**
     * Returns the limit that stopped the fit before it converged: {@link FitLimit#ITERATIONS}
     * ({@link BtydFitter#withMaxIterations}), {@link FitLimit#TIME} ({@link BtydFitter#withTimeLimit})
     * or {@link FitLimit#EVALUATIONS} (the fitter's evaluation budget). Empty for a converged fit
     * and for one that stopped for another reason (a failed line search, a boundary); what the
     * fit reached is in {@link #iterations()}, {@link #gradientNorm()} and {@link #convergence()}.
     *
     * @return the limit reached, or empty, never null
     */
    public Optional<FitLimit> limitReached() {
        return limitReached;
    }

    /**
     * Returns the L2 penalty weight per customer the fit used
     * ({@link BtydFitter#withRegularization(double)}); 0 for maximum likelihood.
     *
     * @return lambda, {@code >= 0}
     */
    public double regularization() {
        return regularization;
    }

    /**
     * Returns the penalty at the estimate on the scale of the log-likelihood,
     * {@code n lambda sum theta^2}: the fit maximised {@code logLikelihood() - penalty()}.
     *
     * @return the penalty, {@code >= 0}; 0 without regularization
     */
    public double penalty() {
        return penalty;
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /**
     * Returns the model with the estimated parameters.
     *
     * @return the fitted model, never null
     */
    public F model() {
        return model;
    }

    /**
     * Returns the estimates by name.
     *
     * @return an ordered unmodifiable map, never null
     */
    public Map<String, Double> parameters() {
        return model.parameters();
    }

    /**
     * Returns the maximised (weighted) log-likelihood.
     *
     * @return the log-likelihood at the estimates
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * Returns whether the fit converged: the gradient test was met, no parameter ran to
     * the boundary and the observed information matrix is positive definite.
     *
     * @return true if the estimates can be used
     */
    public boolean converged() {
        return converged;
    }

    /**
     * Returns why the search stopped, e.g. {@code gradient norm 3.1E-9 <= 1.0E-6}.
     *
     * @return a sentence, never null
     */
    public String convergence() {
        return convergence;
    }

    /**
     * Returns the iterations of the chosen attempt.
     *
     * @return the iteration count, {@code >= 0}
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns the largest absolute component of the log-likelihood gradient per customer
     * on the optimisation scale at the estimates.
     *
     * @return the gradient norm used by the convergence test
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * Returns the number of customers (sum of weights) fitted.
     *
     * @return the sample size n used in BIC
     */
    public double customers() {
        return customers;
    }

    /**
     * Returns the number of estimated parameters.
     *
     * @return k
     */
    public int parameterCount() {
        return names.size();
    }

    /**
     * Returns Akaike's information criterion {@code 2k - 2 LL}.
     *
     * @return AIC
     */
    public double aic() {
        return 2 * parameterCount() - 2 * logLikelihood;
    }

    /**
     * Returns the Bayesian information criterion {@code k ln(n) - 2 LL}.
     *
     * @return BIC
     */
    public double bic() {
        return parameterCount() * Math.log(customers) - 2 * logLikelihood;
    }

    /**
     * Returns the covariance matrix of the estimates, rows and columns in the order of
     * {@link BtydModel#parameterNames()}: the inverse observed information
     * on the optimisation scale, carried to the parameter scale by the delta method.
     * Empty when the observed information is not positive definite.
     *
     * @return a copy of the full matrix
     */
    public Optional<double[][]> covariance() {
        return covariance == null ? Optional.empty() : Optional.of(deepCopy(covariance));
    }

    /**
     * Returns the standard errors, the square roots of the covariance diagonal; empty
     * when the covariance is unavailable.
     *
     * @return an ordered unmodifiable map, never null
     */
    public Map<String, Double> standardErrors() {
        if (covariance == null) {
            return Map.of();
        }
        Map<String, Double> se = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            se.put(names.get(i), Math.sqrt(covariance[i][i]));
        }
        return Collections.unmodifiableMap(se);
    }

    /**
     * Returns the parameters that ran into the boundary of their range, each with where it
     * runs ({@code "inf"} or {@code "0"}), in the model's parameter order; empty for an
     * interior fit. When not empty the fit is not converged: the maximum likelihood lies at
     * infinity (for BG/NBD, {@code a, b -> inf} means every customer has the same drop-out
     * probability, and {@code b -> inf} alone that no drop-out was detected), so the
     * parameters and their standard errors are not estimates.
     *
     * <pre>{@code
     * if (!fit.atBoundary().isEmpty()) {
     *     System.out.println(fit.convergence()); // "at boundary: a, b -> inf; no drop-out detected"
     * }
     * }</pre>
     *
     * @return an ordered unmodifiable map of parameter name to {@code "inf"} or {@code "0"}, never null
     */
    public Map<String, String> atBoundary() {
        return atBoundary;
    }

    /**
     * Returns how many customers (sum of weights) the data left out before the fit, for
     * example repeat customers with a non-positive mean spend under
     * {@link NonPositiveSpendPolicy#EXCLUDE}.
     *
     * @return the count, 0 when none
     */
    public double excludedCustomers() {
        return excludedCustomers;
    }

    /**
     * Returns every search the fitter made, in order.
     *
     * @return an unmodifiable list, never empty
     */
    public List<FitAttempt> attempts() {
        return attempts;
    }

    /**
     * Returns the format {@code FitResult[model, LL=.., converged=.., reason]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "FitResult[" + model + ", LL=" + logLikelihood + ", converged=" + converged
                + " (" + convergence + "), iterations=" + iterations + "]";
    }
}
