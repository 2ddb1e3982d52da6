package org.crmkit.scoring.retention;

import org.crmkit.scoring.btyd.internal.Optimizers;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The negative log-likelihood per customer of survival data under sBG or BdW, with its
 * analytic gradient, on the log-parameter scale {@code theta = ln(parameters)}.
 *
 * <p>The log-likelihood is Fader and Hardie (2007), appendix B, equation (B3):
 * {@code LL = sum_t lost_t ln P(T = t) + sum_t active_t ln S(t)}, the second sum over the last
 * observed period of each cohort. For sBG the terms come from the recursion
 * {@code S(t) = S(t - 1) (beta + t - 1) / (alpha + beta + t - 1)},
 * {@code P(T = t) = S(t - 1) alpha / (alpha + beta + t - 1)}, with no special function (loops
 * bounded by the data's last period). For BdW
 * {@code ln S(t) = ln B(gamma, delta + t^c) - ln B(gamma, delta)} with the derivatives
 * {@code d/d gamma = psi(gamma + delta) - psi(gamma + delta + x)},
 * {@code d/d delta = psi(delta + x) - psi(delta) - psi(gamma + delta + x) + psi(gamma + delta)},
 * {@code d/dc = [psi(delta + x) - psi(gamma + delta + x)] x ln t} ({@code x = t^c}), and
 * {@code d ln P(T = t) = (d ln S(t-1) - e^D d ln S(t)) / (1 - e^D)}, {@code D = ln S(t) - ln S(t-1)}.
 * Not thread-safe (scratch arrays); one per fit.
 */
final class RetentionLikelihood implements Optimizers.Objective {
    private final RetentionModelKind kind;
    private final double[] lost;
    private final double[] censored;
    private final double customers;
    private final int periods;
    // BdW scratch: ln S(t) and its gradient for t = 0..periods
    private final double[] logS;
    private final double[][] dLogS;

    RetentionLikelihood(RetentionModelKind kind, SurvivalData data) {
        this.kind = kind;
        this.lost = data.lostCounts();
        this.censored = data.censoredCounts();
        this.customers = data.customers();
        this.periods = data.maxPeriod();
        this.logS = new double[periods + 1];
        this.dLogS = new double[periods + 1][3];
    }

    /** Returns the log-likelihood (not per customer) at natural parameters. */
    double logLikelihood(double... parameters) {
        double[] theta = new double[parameters.length];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.log(parameters[i]);
        }
        return -value(theta, new double[theta.length]) * customers;
    }

    @Override
    public double value(double[] theta, double[] gradient) {
        double v = kind == RetentionModelKind.SBG ? sbg(theta, gradient) : bdw(theta, gradient);
        if (!Double.isFinite(v)) {
            java.util.Arrays.fill(gradient, 0);
            return Double.POSITIVE_INFINITY;
        }
        return v;
    }

    private double sbg(double[] theta, double[] gradient) {
        double a = Math.exp(theta[0]);
        double b = Math.exp(theta[1]);
        double lnA = theta[0];
        double logSurv = 0;
        double dA = 0;
        double dB = 0;
        double ll = 0;
        double gA = 0;
        double gB = 0;
        for (int t = 1; t <= periods; t++) {
            double s = a + b + t - 1;
            double lost = this.lost[t];
            if (lost > 0) {
                double lnP = logSurv + lnA - Math.log(s);
                ll += lost * lnP;
                gA += lost * (dA + 1 / a - 1 / s);
                gB += lost * (dB - 1 / s);
            }
            // ln r(t) = ln((b + t - 1) / s) = -log1p(a / (b + t - 1))
            logSurv -= Math.log1p(a / (b + t - 1));
            dA -= 1 / s;
            dB += 1 / (b + t - 1) - 1 / s;
            double active = censored[t];
            if (active > 0) {
                ll += active * logSurv;
                gA += active * dA;
                gB += active * dB;
            }
        }
        gradient[0] = -gA * a / customers;
        gradient[1] = -gB * b / customers;
        return -ll / customers;
    }

    private double bdw(double[] theta, double[] gradient) {
        double g = Math.exp(theta[0]);
        double d = Math.exp(theta[1]);
        double c = Math.exp(theta[2]);
        double logB0 = Beta.logBeta(g, d);
        double psiGD = Gamma.digamma(g + d);
        double psiD = Gamma.digamma(d);
        logS[0] = 0;
        dLogS[0][0] = 0;
        dLogS[0][1] = 0;
        dLogS[0][2] = 0;
        for (int t = 1; t <= periods; t++) {
            double lnT = Math.log(t);
            double logX = c * lnT;
            double x = Math.exp(logX);
            if (Double.isInfinite(x)) {
                return Double.POSITIVE_INFINITY;
            }
            logS[t] = Math.min(0, BetaDiscreteWeibull.logBetaShifted(g, d, logX) - logB0);
            // psi(d + x) - psi(g + d + x) = -[psi(u + g) - psi(u)] with u = d + x
            double diffX = -digammaIncrement(d + x, g);
            dLogS[t][0] = -digammaIncrement(g + d, x);          // psi(g+d) - psi(g+d+x)
            dLogS[t][1] = diffX - psiD + psiGD;
            dLogS[t][2] = diffX * x * lnT;
        }
        double ll = 0;
        double[] grad = new double[3];
        for (int t = 1; t <= periods; t++) {
            double lost = this.lost[t];
            if (lost > 0) {
                double diff = logS[t] - logS[t - 1];
                if (!(diff < 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                double oneMinus = -Math.expm1(diff);
                ll += lost * (logS[t - 1] + Math.log(oneMinus));
                double e = Math.exp(diff);
                for (int i = 0; i < 3; i++) {
                    grad[i] += lost * (dLogS[t - 1][i] - e * dLogS[t][i]) / oneMinus;
                }
            }
            double active = censored[t];
            if (active > 0) {
                ll += active * logS[t];
                for (int i = 0; i < 3; i++) {
                    grad[i] += active * dLogS[t][i];
                }
            }
        }
        gradient[0] = -grad[0] * g / customers;
        gradient[1] = -grad[1] * d / customers;
        gradient[2] = -grad[2] * c / customers;
        return -ll / customers;
    }

    /**
     * {@code psi(u + s) - psi(u)} for {@code u, s > 0}, without the cancellation of two large
     * digammas: for large {@code u} the asymptotic {@code psi(u) = ln u - 1/(2u) + O(u^-2)} gives
     * {@code log1p(s/u) + s / (2 u (u + s))}, error {@code O(s / u^3)}.
     */
    static double digammaIncrement(double u, double s) {
        if (u > 1e6) {
            return Math.log1p(s / u) + s / (2 * u * (u + s));
        }
        return Gamma.digamma(u + s) - Gamma.digamma(u);
    }
}
