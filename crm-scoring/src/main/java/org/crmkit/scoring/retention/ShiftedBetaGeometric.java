package org.crmkit.scoring.retention;

import java.util.Map;
import java.util.OptionalDouble;
import org.crmkit.scoring.btyd.internal.ModelSupport;
import org.hipparchus.special.Beta;

/**
 * The shifted beta-geometric (sBG) model of contract duration (Fader and Hardie 2007, "How to
 * project customer retention", Journal of Interactive Marketing 21(1), 76-90).
 *
 * <p>A customer with churn probability {@code theta} renews at the end of each period with
 * probability {@code 1 - theta}; {@code theta} is {@code Beta(alpha, beta)} across customers.
 * Then (Fader and Hardie 2007, the sBG model and the recursions of its appendix)
 * <ul>
 *   <li>{@code P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)}, or recursively
 *       {@code P(T = 1) = alpha / (alpha + beta)},
 *       {@code P(T = t) = P(T = t - 1) (beta + t - 2) / (alpha + beta + t - 1)};</li>
 *   <li>{@code S(t) = B(alpha, beta + t) / B(alpha, beta)};</li>
 *   <li>{@code r(t) = (beta + t - 1) / (alpha + beta + t - 1)}, rising with {@code t} although no
 *       customer's own probability changes (the sorting effect of heterogeneity).</li>
 * </ul>
 * The discounted expected residual lifetime of a customer with {@code m} renewals has the closed
 * form (Fader and Hardie 2010, Marketing Science 29(1), 85-93, the sBG DERL, with {@code n - 1 = m}
 * renewals; derived again here from {@code E[(1 - theta) / (1 - (1 - theta) / (1 + d))]} under the
 * posterior {@code Beta(alpha, beta + m)})
 * {@code DERL(d, m) = (beta + m) / (alpha + beta + m) 2F1(1, beta + m + 1; alpha + beta + m + 1; 1 / (1 + d))},
 * summed here as its hypergeometric series (term ratio below {@code 1 / (1 + d)}, truncated by
 * the same remainder bound as {@link RetentionModel#derl} documents). Its undiscounted
 * counterpart, the mean residual lifetime, is {@code (beta + m) / (alpha - 1)}, finite only for
 * {@code alpha > 1} ({@link #meanResidualLifetime}).
 *
 * <pre>{@code
 * ShiftedBetaGeometric regular = ShiftedBetaGeometric.of(0.704, 1.182);
 * double r1 = regular.retentionRate(1);   // 0.627
 * }</pre>
 *
 * <p>{@code equals} compares the parameters with {@link Double#compare}. Immutable and thread-safe.
 *
 * @param alpha the beta distribution's first shape, positive and finite
 * @param beta the beta distribution's second shape, positive and finite
 */
public record ShiftedBetaGeometric(double alpha, double beta) implements RetentionModel {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public ShiftedBetaGeometric {
        Checks.positive("alpha", alpha);
        Checks.positive("beta", beta);
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param alpha the first shape, positive and finite
     * @param beta the second shape, positive and finite
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static ShiftedBetaGeometric of(double alpha, double beta) {
        return new ShiftedBetaGeometric(alpha, beta);
    }

    @Override
    public String modelName() {
        return RetentionModelKind.SBG.modelName();
    }

    @Override
    public RetentionModelKind kind() {
        return RetentionModelKind.SBG;
    }

    @Override
    public Map<String, Double> parameters() {
        return ModelSupport.parameterMap(RetentionModelKind.SBG.parameterNames(), alpha, beta);
    }

    @Override
    public double survival(int t) {
        Checks.period(t, 0);
        return t == 0 ? 1 : Math.exp(logSurvivalAt(t));
    }

    @Override
    public double logSurvival(int t) {
        Checks.period(t, 0);
        return logSurvivalAt(t);
    }

    double logSurvivalAt(double t) {
        return t == 0 ? 0 : Math.min(0, Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    @Override
    public double churnProbability(int t) {
        Checks.period(t, 1);
        double p = Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
        return Math.min(1, p);
    }

    @Override
    public double retentionRate(int t) {
        Checks.period(t, 1);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    @Override
    public double expectedRenewals(int renewals, int horizon) {
        Checks.renewals(renewals);
        Checks.horizon("horizon", horizon);
        double ratio = 1;
        double sum = 0;
        for (int t = renewals + 1; t <= horizon; t++) {
            ratio *= (beta + t - 1) / (alpha + beta + t - 1); // S(t) / S(renewals)
            sum += ratio;
        }
        return sum;
    }

    @Override
    public double derl(double discountRate, int renewals) {
        Checks.discountRate(discountRate);
        Checks.renewals(renewals);
        double b = beta + renewals;
        double z = 1 / (1 + discountRate);
        double tailFactor = 1 / discountRate;
        long terms = DiscountedSurvival.maxTerms(discountRate);
        // 2F1(1, b + 1; alpha + b + 1; z) = sum_k (b + 1)_k / (alpha + b + 1)_k z^k
        double term = 1;
        double sum = 1;
        for (long k = 0; k < terms && term * tailFactor > DiscountedSurvival.TOLERANCE * sum; k++) {
            term *= (b + 1 + k) / (alpha + b + 1 + k) * z;
            sum += term;
        }
        return b / (alpha + b) * sum;
    }

    /**
     * Returns the undiscounted expected number of future renewals of a customer with
     * {@code renewals} renewals, {@code (beta + renewals) / (alpha - 1)}, the limit of
     * {@link #derl} as the discount rate goes to 0 (from {@code E[(1 - theta) / theta]} under
     * the posterior {@code Beta(alpha, beta + renewals)}).
     *
     * @param renewals the renewals made, {@code >= 0}
     * @return the mean, or empty when {@code alpha <= 1}, where it is infinite
     * @throws IllegalArgumentException if {@code renewals < 0}
     */
    public OptionalDouble meanResidualLifetime(int renewals) {
        Checks.renewals(renewals);
        return alpha > 1 ? OptionalDouble.of((beta + renewals) / (alpha - 1)) : OptionalDouble.empty();
    }
}
