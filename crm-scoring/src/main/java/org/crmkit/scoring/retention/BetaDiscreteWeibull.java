package org.crmkit.scoring.retention;

import java.util.Map;
import org.crmkit.scoring.btyd.internal.ModelSupport;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The beta-discrete-Weibull (BdW) model of contract duration (Fader, Hardie, Liu, Davin and
 * Steenburgh 2018, "'How to project customer retention' revisited: the role of duration
 * dependence", Journal of Interactive Marketing 43, 1-16).
 *
 * <p>A customer with parameter {@code theta} survives {@code t} renewals with probability
 * {@code (1 - theta)^(t^c)} (the discrete Weibull): its churn probability rises with tenure for
 * {@code c > 1}, falls for {@code c < 1} and is constant for {@code c = 1}; {@code theta} is
 * {@code Beta(gamma, delta)} across customers. Integrating over {@code theta} gives the survival
 * function of the paper, {@code S(t) = B(gamma, delta + t^c) / B(gamma, delta)}, with
 * {@code P(T = t) = S(t - 1) - S(t)} and {@code r(t) = S(t) / S(t - 1)}; at {@code c = 1} it is
 * the {@link ShiftedBetaGeometric} with {@code alpha = gamma}, {@code beta = delta}.
 *
 * <p>Numerics: {@code ln S} is a difference of log-beta functions, and where {@code t^c} is so
 * large that {@code delta + t^c} would lose {@code delta} (or overflow), the asymptotic form
 * {@code ln B(gamma, x) = ln Gamma(gamma) - gamma ln x + O(gamma^2 / x)} is used with
 * {@code ln x = c ln t}; {@code P(T = t)} is {@code S(t - 1) (1 - e^(ln S(t) - ln S(t - 1)))}
 * with {@code expm1}. DERL has no closed form here: it is the bounded sum documented at
 * {@link RetentionModel#derl}.
 *
 * <pre>{@code
 * BetaDiscreteWeibull m = BetaDiscreteWeibull.of(0.6, 2.0, 1.3);
 * double derl = m.derl(0.1, 2);
 * }</pre>
 *
 * <p>{@code equals} compares the parameters with {@link Double#compare}. Immutable and thread-safe.
 *
 * @param gamma the beta distribution's first shape, positive and finite
 * @param delta the beta distribution's second shape, positive and finite
 * @param c the Weibull shape (duration dependence), positive and finite
 */
public record BetaDiscreteWeibull(double gamma, double delta, double c) implements RetentionModel {

    /** Beyond {@code t^c > LARGE * (1 + gamma + delta)^2} the asymptotic log-beta is used. */
    private static final double LARGE = 1e17;

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public BetaDiscreteWeibull {
        Checks.positive("gamma", gamma);
        Checks.positive("delta", delta);
        Checks.positive("c", c);
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param gamma the first beta shape, positive and finite
     * @param delta the second beta shape, positive and finite
     * @param c the Weibull shape, positive and finite
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static BetaDiscreteWeibull of(double gamma, double delta, double c) {
        return new BetaDiscreteWeibull(gamma, delta, c);
    }

    @Override
    public String modelName() {
        return RetentionModelKind.BDW.modelName();
    }

    @Override
    public RetentionModelKind kind() {
        return RetentionModelKind.BDW;
    }

    @Override
    public Map<String, Double> parameters() {
        return ModelSupport.parameterMap(RetentionModelKind.BDW.parameterNames(), gamma, delta, c);
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
        if (t == 0) {
            return 0;
        }
        return Math.min(0, logBetaShifted(gamma, delta, c * Math.log(t)) - Beta.logBeta(gamma, delta));
    }

    /** ln B(g, d + x) for x = e^logX, accurate also where x swamps d or overflows. */
    static double logBetaShifted(double g, double d, double logX) {
        double scale = 1 + g + d;
        if (logX > Math.log(LARGE) + 2 * Math.log(scale)) {
            double x = Math.exp(logX);
            // ln Gamma(g) - g ln(d + x), with ln(d + x) = ln x + d / x to first order
            return Gamma.logGamma(g) - g * (logX + (Double.isInfinite(x) ? 0 : d / x));
        }
        return Beta.logBeta(g, d + Math.exp(logX));
    }

    @Override
    public double churnProbability(int t) {
        Checks.period(t, 1);
        double previous = logSurvivalAt(t - 1);
        double diff = logSurvivalAt(t) - previous;
        return Math.max(0, Math.min(1, Math.exp(previous) * -Math.expm1(Math.min(0, diff))));
    }

    @Override
    public double retentionRate(int t) {
        Checks.period(t, 1);
        return Math.min(1, Math.exp(Math.min(0, logSurvivalAt(t) - logSurvivalAt(t - 1))));
    }

    @Override
    public double expectedRenewals(int renewals, int horizon) {
        Checks.renewals(renewals);
        Checks.horizon("horizon", horizon);
        if (horizon <= renewals) {
            return 0;
        }
        double base = logSurvivalAt(renewals);
        double sum = 0;
        for (int t = renewals + 1; t <= horizon; t++) {
            sum += Math.exp(Math.min(0, logSurvivalAt(t) - base));
        }
        return sum;
    }

    @Override
    public double derl(double discountRate, int renewals) {
        Checks.discountRate(discountRate);
        Checks.renewals(renewals);
        return DiscountedSurvival.sum(this::logSurvivalAt, renewals, discountRate);
    }
}
