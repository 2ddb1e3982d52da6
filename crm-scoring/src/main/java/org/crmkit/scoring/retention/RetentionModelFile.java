package org.crmkit.scoring.retention;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A retention model read from JSON ({@link RetentionModelJson#read(String)}), with the fit
 * diagnostics the document carried.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model, not null
 * @param logLikelihood the fit's log-likelihood, if recorded
 * @param converged whether the fit converged, if recorded
 * @param standardErrors the standard errors by parameter name, empty if not recorded; unmodifiable
 * @param customers the customers fitted, if recorded
 */
public record RetentionModelFile(RetentionModel model, OptionalDouble logLikelihood, Optional<Boolean> converged,
        Map<String, Double> standardErrors, OptionalLong customers) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if an argument is null
     */
    public RetentionModelFile {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(logLikelihood, "logLikelihood");
        Objects.requireNonNull(converged, "converged");
        standardErrors = Map.copyOf(Objects.requireNonNull(standardErrors, "standardErrors"));
        Objects.requireNonNull(customers, "customers");
    }
}
