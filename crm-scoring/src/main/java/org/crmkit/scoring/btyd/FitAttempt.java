package org.crmkit.scoring.btyd;

import java.util.List;
import java.util.Objects;

/**
 * One search the fitter made: which optimiser, from where, and how it ended.
 *
 * <pre>{@code
 * for (FitAttempt attempt : fit.attempts()) {
 *     System.out.println(attempt.optimizer() + " " + attempt.outcome());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param optimizer the optimiser, e.g. {@code BFGS}, never null
 * @param start the starting parameter values, never null
 * @param logLikelihood the log-likelihood reached
 * @param iterations the iterations (or evaluations for derivative-free searches) used
 * @param converged whether the search met the convergence test
 * @param outcome why the search stopped, never null
 */
public record FitAttempt(String optimizer, List<Double> start, double logLikelihood,
        int iterations, boolean converged, String outcome) {

    /**
     * Validates and copies the components.
     *
     * @param optimizer see the record component
     * @param start see the record component
     * @param logLikelihood see the record component
     * @param iterations see the record component
     * @param converged see the record component
     * @param outcome see the record component
     * @throws NullPointerException if a reference is null
     */
    public FitAttempt {
        Objects.requireNonNull(optimizer, "optimizer");
        start = List.copyOf(Objects.requireNonNull(start, "start"));
        Objects.requireNonNull(outcome, "outcome");
    }
}
