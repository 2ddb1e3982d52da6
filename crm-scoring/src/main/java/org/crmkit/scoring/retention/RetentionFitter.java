package org.crmkit.scoring.retention;

import java.util.Objects;
import org.crmkit.scoring.btyd.internal.Optimizers;
import org.crmkit.scoring.btyd.internal.Optimizers.Outcome;

/**
 * Fits {@link ShiftedBetaGeometric} and {@link BetaDiscreteWeibull} by maximum likelihood to
 * {@link SurvivalData}.
 *
 * <p>The per-customer negative log-likelihood (Fader and Hardie 2007, appendix B, equation (B3); each cohort
 * right-censored at its last period) is minimised over the logarithms of the parameters by
 * BFGS with the analytic gradient (the project's {@link Optimizers}), falling back to
 * derivative-free BOBYQA then BFGS when BFGS fails. sBG starts from the method-of-moments point
 * the first two pooled retention rates give ({@code r1 = beta / (alpha + beta)},
 * {@code r2 = (beta + 1) / (alpha + beta + 1)}), or {@code (1, 1)} where they do not rise; BdW
 * starts from the sBG fit with {@code c = 1}, so its likelihood is never below sBG's. Standard
 * errors come from the inverse observed information on the log scale (central differences of
 * the analytic gradient) by the delta method.
 *
 * <p>Data that cannot identify the model are refused: no customer churned, no customer
 * renewed, or fewer distinct periods than parameters (sBG needs periods 1 and 2, BdW 1 to 3).
 * Data without heterogeneity (the same churn probability for everybody) have no finite
 * maximum: the likelihood rises towards infinite {@code alpha} and {@code beta} at a fixed
 * ratio, and the fit ends on that flat ridge with standard errors larger than the estimates, or
 * at the boundary of the range with {@link RetentionFit#converged()} false.
 *
 * <pre>{@code
 * RetentionFit fit = RetentionFitter.fit(RetentionModelKind.BDW, data);
 * }</pre>
 *
 * <p>Thread-safe: stateless.
 */
public final class RetentionFitter {
    static final double GRADIENT_TOLERANCE = 1e-9;
    static final int MAX_ITERATIONS = 1000;

    private RetentionFitter() {
    }

    /**
     * Fits a model.
     *
     * @param kind the model, not null
     * @param data the survival counts, not null
     * @return the fit, never null; see {@link RetentionFit#converged()}
     * @throws IllegalArgumentException if the data cannot identify the model (see the class documentation)
     */
    public static RetentionFit fit(RetentionModelKind kind, SurvivalData data) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(data, "data");
        int k = kind.parameterNames().size();
        if (data.maxPeriod() < k) {
            throw new IllegalArgumentException(kind.modelName() + " has " + k + " parameters and needs counts "
                    + "up to period " + k + " at least; the data end at period " + data.maxPeriod());
        }
        double[] lost = data.lostCounts();
        double churned = 0;
        for (double l : lost) {
            churned += l;
        }
        if (churned == 0) {
            throw new IllegalArgumentException("no customer churned in the data: a retention model needs churn");
        }
        if (lost[1] == data.customers()) {
            throw new IllegalArgumentException("every customer churned at the first renewal: a retention model "
                    + "needs some renewals");
        }
        RetentionLikelihood objective = new RetentionLikelihood(kind, data);
        double[] start;
        if (kind == RetentionModelKind.SBG) {
            start = sbgStart(data);
        } else {
            RetentionFit sbg = fit(RetentionModelKind.SBG, data);
            ShiftedBetaGeometric m = (ShiftedBetaGeometric) sbg.model();
            start = new double[] {Math.log(m.alpha()), Math.log(m.beta()), 0};
        }
        Outcome best = Optimizers.bfgs(objective, start, GRADIENT_TOLERANCE, MAX_ITERATIONS);
        if (!best.converged()) {
            Outcome fallback = Optimizers.bobyqa(objective, start, GRADIENT_TOLERANCE, MAX_ITERATIONS);
            if (fallback.converged() || fallback.value() < best.value()) {
                best = fallback;
            }
        }
        double[] theta = best.theta();
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp(theta[i]);
        }
        boolean interior = Optimizers.maxAbs(theta) < Optimizers.THETA_LIMIT;
        RetentionModel model;
        try {
            model = kind.create(p);
        } catch (IllegalArgumentException e) {
            // a parameter ran to 0 or infinity: report the boundary at the limit of the range
            for (int i = 0; i < k; i++) {
                p[i] = Math.exp(Math.max(-Optimizers.THETA_LIMIT, Math.min(Optimizers.THETA_LIMIT, theta[i])));
            }
            model = kind.create(p);
            interior = false;
        }
        double[][] covariance = interior ? covariance(objective, theta, p, data.customers()) : null;
        boolean converged = best.converged() && interior;
        String reason = best.reason() + (interior ? "" : "; a parameter is at the boundary of its range");
        return new RetentionFit(model, objective.logLikelihood(p), converged, reason, best.iterations(),
                Optimizers.maxAbs(best.gradient()), covariance, data.customers(), data.cohortNames().size(),
                data.maxPeriod());
    }

    /** Method of moments on the first two pooled retention rates; (1, 1) where unusable. */
    static double[] sbgStart(SurvivalData data) {
        double[] lost = data.lostCounts();
        double[] censored = data.censoredCounts();
        double n = data.customers();
        double r1 = 1 - lost[1] / n;
        double atRisk2 = n - lost[1] - censored[1];
        if (atRisk2 > 0) {
            double r2 = 1 - lost[2] / atRisk2;
            if (r1 > 0 && r2 < 1 && r2 > r1) {
                double s = (1 - r2) / (r2 - r1);
                double beta = r1 * s;
                double alpha = s - beta;
                if (alpha > 1e-6 && beta > 1e-6 && s < 1e10) {
                    return new double[] {Math.log(alpha), Math.log(beta)};
                }
            }
        }
        return new double[] {0, 0};
    }

    /** Inverse observed information on the log scale, then J C J with J = diag(p); null if not positive definite. */
    private static double[][] covariance(RetentionLikelihood objective, double[] theta, double[] p, double n) {
        int k = theta.length;
        double[][] inverse = Optimizers.inverseInformation(objective, theta, n);
        if (inverse == null) {
            return null;
        }
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c[i][j] = p[i] * inverse[i][j] * p[j];
                if (!Double.isFinite(c[i][j])) {
                    return null;
                }
            }
        }
        return c;
    }
}
