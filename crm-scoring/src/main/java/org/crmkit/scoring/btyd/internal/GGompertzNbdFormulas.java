package org.crmkit.scoring.btyd.internal;

import org.hipparchus.special.Gamma;

/**
 * The GGompertz/NBD model of Bemmaor and Glady (2012), "Modeling purchasing behavior with
 * sudden 'death': a flexible customer lifetime model", Management Science 58(5), 1012-1021:
 * while alive a customer buys at the times of a Poisson process whose rate is
 * gamma({@code r, alpha}) across customers (as in the Pareto/NBD); the lifetime follows a
 * Gompertz distribution {@code P(tau > t | eta) = exp(-eta (e^(b t) - 1))} with
 * {@code eta ~ gamma(s, beta)}, so that {@code P(tau > t) = (beta / (beta + e^(b t) - 1))^s}
 * With {@code B(t) = beta + e^(b t) - 1} (computed as
 * {@code beta + expm1(b t)}) the likelihood of a history {@code (x, t_x, T)} is (the expression of the paper that
 * CLVTools' {@code ggomnbd} also integrates)
 *
 * <pre>
 * L = Gamma(r + x) / Gamma(r) alpha^r beta^s [ (alpha + T)^-(r + x) B(T)^-s
 *     + s b Integral_{t_x}^{T} e^(b tau) (alpha + tau)^-(r + x) B(tau)^-(s + 1) d tau ]
 * </pre>
 *
 * and everything else follows from two facts used throughout: given alive at {@code T} the
 * purchase rate is gamma({@code r + x, alpha + T}) and the dropout heterogeneity is
 * gamma({@code s, beta + e^(b T) - 1}), so the future after {@code T} is again a
 * GGompertz/NBD process with {@code (r + x, alpha + T, b, s, 1 + (beta - 1) e^(-b T))} (the
 * last after rescaling time to start at {@code T}); and {@code P(alive | x, t_x, T)} is the
 * first term of the bracket over the bracket. The integrals are taken by
 * {@link BoundedQuadrature}; the gradient of the likelihood differentiates under the
 * integral sign (the quadrature's weighted means).
 *
 * <p>Stateless; thread-safe.
 */
public final class GGompertzNbdFormulas {

    /** The length of the work array of {@link #logLikelihood}: the gradient, then scratch. */
    public static final int WORK_LENGTH = 10;

    private GGompertzNbdFormulas() {
    }

    /**
     * Returns {@code ln(beta + e^(b t) - 1)} without overflow for large {@code b t}.
     *
     * @param beta the dropout rate parameter
     * @param b the Gompertz parameter
     * @param t the time, {@code >= 0}
     * @return {@code ln B(t)}
     */
    static double logB(double beta, double b, double t) {
        double u = b * t;
        if (u > 30) {
            return u + Math.log1p((beta - 1.0) * Math.exp(-u));
        }
        return Math.log(beta + Math.expm1(u));
    }

    /** {@code e^(b t) / B(t)}, in (0, max(1, 1 / beta)]. */
    static double q(double beta, double b, double t) {
        return 1.0 / (1.0 + (beta - 1.0) * Math.exp(-b * t));
    }

    /**
     * A lower bound on the distance from {@code tau >= 0} to the complex singularities of the
     * integrands: {@code -alpha} (of {@code (alpha + tau)^-c}) and the zeros of
     * {@code beta - 1 + e^(b tau)} (of {@code ln B}): for {@code beta < 1} the real point
     * {@code ln(1 - beta) / b < 0} and its copies {@code 2 pi / b} apart vertically, for
     * {@code beta > 1} the points {@code ln(beta - 1) / b +- i pi / b} and their copies, for
     * {@code beta = 1} none.
     */
    static double singularities(double alpha, double b, double beta, double tau) {
        double gompertz;
        if (beta < 1) {
            gompertz = tau - Math.log1p(-beta) / b;
        } else if (beta > 1) {
            gompertz = Math.hypot(tau - Math.log(beta - 1) / b, Math.PI / b);
        } else {
            gompertz = Double.POSITIVE_INFINITY;
        }
        return Math.min(tau + alpha, gompertz);
    }

    /** The integrand of the likelihood's integral and its log-derivatives; reused per chunk. */
    static final class LikelihoodIntegrand implements BoundedQuadrature.Integrand {
        private double rx;
        private double alpha;
        private double b;
        private double s;
        private double beta;

        void set(double rx, double alpha, double b, double s, double beta) {
            this.rx = rx;
            this.alpha = alpha;
            this.b = b;
            this.s = s;
            this.beta = beta;
        }

        @Override
        public double logDensity(double tau) {
            return b * tau - rx * Math.log(alpha + tau) - (s + 1.0) * logB(beta, b, tau);
        }

        @Override
        public double singularityDistance(double tau) {
            return singularities(alpha, b, beta, tau);
        }

        @Override
        public double logDensityAndWeights(double tau, double[] out) {
            double logAlpha = Math.log(alpha + tau);
            double u = b * tau;
            double lb;
            double q;
            double inverseB;
            if (u > 30) {
                double e = (beta - 1.0) * Math.exp(-u);
                lb = u + Math.log1p(e);
                q = 1.0 / (1.0 + e);
                inverseB = Math.exp(-lb);
            } else {
                double em = Math.expm1(u);
                inverseB = 1.0 / (beta + em);
                lb = Math.log(beta + em);
                q = (em + 1.0) * inverseB;
            }
            out[0] = -logAlpha;
            out[1] = -rx / (alpha + tau);
            out[2] = tau - (s + 1.0) * tau * q;
            out[3] = -lb;
            out[4] = -(s + 1.0) * inverseB;
            return u - rx * logAlpha - (s + 1.0) * lb;
        }
    }

    /**
     * Returns the log-likelihood of one history and, when {@code work} is not null, writes its
     * gradient with respect to {@code r, alpha, b, s, beta} into {@code work[0..4]}.
     *
     * @param r purchase shape
     * @param alpha purchase rate
     * @param b Gompertz parameter
     * @param s dropout shape
     * @param beta dropout scale
     * @param x frequency
     * @param tx recency
     * @param age T
     * @param lnGammaRatio {@code ln Gamma(r + x) - ln Gamma(r)}
     * @param digammaRatio {@code psi(r + x) - psi(r)} (used with a gradient only)
     * @param integrand a reusable integrand
     * @param work receives the gradient, length {@link #WORK_LENGTH}, or null
     * @return the log-likelihood
     */
    static double logLikelihood(double r, double alpha, double b, double s, double beta, double x, double tx,
            double age, double lnGammaRatio, double digammaRatio, LikelihoodIntegrand integrand, double[] work) {
        double rx = r + x;
        double logB = logB(beta, b, age);
        double la = -rx * Math.log(alpha + age) - s * logB;
        double li = Double.NEGATIVE_INFINITY;
        boolean gradient = work != null;
        if (age > tx) {
            integrand.set(rx, alpha, b, s, beta);
            li = Math.log(s * b) + BoundedQuadrature.logIntegral(integrand, tx, age, Double.NaN,
                    gradient ? 5 : 0, gradient ? work : null);
        }
        double top = Math.max(la, li);
        double wa = Math.exp(la - top);
        double wi = Math.exp(li - top);
        double lsum = top + Math.log(wa + wi);
        double ll = lnGammaRatio + r * Math.log(alpha) + s * Math.log(beta) + lsum;
        if (gradient) {
            double total = wa + wi;
            wa /= total;
            wi /= total;
            double m0 = wi > 0 ? work[0] : 0;
            double m1 = wi > 0 ? work[1] : 0;
            double m2 = wi > 0 ? work[2] : 0;
            double m3 = wi > 0 ? work[3] : 0;
            double m4 = wi > 0 ? work[4] : 0;
            work[0] = digammaRatio + Math.log(alpha) - wa * Math.log(alpha + age) + wi * m0;
            work[1] = r / alpha - wa * rx / (alpha + age) + wi * m1;
            work[2] = -wa * s * age * q(beta, b, age) + wi * (1.0 / b + m2);
            work[3] = Math.log(beta) - wa * logB + wi * (1.0 / s + m3);
            work[4] = s / beta - wa * s * Math.exp(-logB) + wi * m4;
        }
        return ll;
    }

    /**
     * Returns the log-likelihood of one history.
     *
     * @param r purchase shape
     * @param alpha purchase rate
     * @param b Gompertz parameter
     * @param s dropout shape
     * @param beta dropout scale
     * @param x frequency
     * @param tx recency
     * @param age T
     * @return the log-likelihood
     */
    public static double logLikelihood(double r, double alpha, double b, double s, double beta, double x,
            double tx, double age) {
        return logLikelihood(r, alpha, b, s, beta, x, tx, age, Gamma.logGamma(r + x) - Gamma.logGamma(r), 0,
                new LikelihoodIntegrand(), null);
    }

    /**
     * Returns {@code P(alive at T | x, t_x, T)}: the first term of the likelihood's bracket
     * over the bracket.
     *
     * @param r purchase shape
     * @param alpha purchase rate
     * @param b Gompertz parameter
     * @param s dropout shape
     * @param beta dropout scale
     * @param x frequency
     * @param tx recency
     * @param age T
     * @return the probability, in [0, 1]
     */
    public static double probabilityAlive(double r, double alpha, double b, double s, double beta, double x,
            double tx, double age) {
        if (!(age > tx)) {
            return 1.0;
        }
        double rx = r + x;
        double la = -rx * Math.log(alpha + age) - s * logB(beta, b, age);
        LikelihoodIntegrand f = new LikelihoodIntegrand();
        f.set(rx, alpha, b, s, beta);
        double li = Math.log(s * b) + BoundedQuadrature.logIntegral(f, tx, age, Double.NaN, 0, null);
        double d = li - la;
        // 1 / (1 + e^d), without overflow
        return d > 0 ? Math.exp(-d) / (1.0 + Math.exp(-d)) : 1.0 / (1.0 + Math.exp(d));
    }

    /**
     * Returns the dropout scale of the process after {@code T} of a customer alive at
     * {@code T}, time measured from {@code T}: {@code (beta + e^(b T) - 1) e^(-b T)}.
     *
     * @param beta dropout scale
     * @param b Gompertz parameter
     * @param age T
     * @return {@code 1 + (beta - 1) e^(-b T)}, positive
     */
    public static double posteriorBeta(double beta, double b, double age) {
        return 1.0 + (beta - 1.0) * Math.exp(-b * age);
    }

    /**
     * Returns {@code ln P(tau > t) = s (ln beta - ln B(t))}, the log survival of a new customer.
     *
     * @param b Gompertz parameter
     * @param s dropout shape
     * @param beta dropout scale
     * @param t the time, {@code >= 0}
     * @return the log survival, {@code <= 0}
     */
    public static double logSurvival(double b, double s, double beta, double t) {
        return Math.min(0.0, s * (Math.log(beta) - logB(beta, b, t)));
    }

    /**
     * Returns {@code E[X(t)] = r / alpha Integral_0^t P(tau > u) du} for a new customer (the
     * purchase rate times the expected time alive in the window; the paper writes the same
     * integral after integrating by parts).
     *
     * @param r purchase shape
     * @param alpha purchase rate
     * @param b Gompertz parameter
     * @param s dropout shape
     * @param beta dropout scale
     * @param t the window, finite and {@code >= 0}
     * @return the expectation, {@code >= 0}
     */
    public static double expectedPurchases(double r, double alpha, double b, double s, double beta, double t) {
        return r / alpha * expectedTimeAlive(b, s, beta, t);
    }

    /**
     * Returns the expected time alive in {@code (0, t]}, {@code Integral_0^t P(tau > u) du}
     * with the survival {@code (beta / (beta + e^(b u) - 1))^s}, by quadrature; the expected
     * purchases of {@link #expectedPurchases} are {@code r / alpha} times it.
     *
     * @param b Gompertz parameter
     * @param s dropout shape
     * @param beta dropout scale
     * @param t the window, finite and {@code >= 0}
     * @return the expected time alive, in {@code [0, t]}
     */
    public static double expectedTimeAlive(double b, double s, double beta, double t) {
        if (t == 0) {
            return 0.0;
        }
        BoundedQuadrature.Integrand survival = new BoundedQuadrature.Integrand() {
            @Override
            public double logDensity(double u) {
                return logSurvival(b, s, beta, u);
            }

            @Override
            public double singularityDistance(double u) {
                return singularities(Double.POSITIVE_INFINITY, b, beta, u);
            }
        };
        // the survival does not increase: the march may stop once the rest is negligible
        return Math.exp(BoundedQuadrature.logIntegral(survival, 0.0, t, 0.0, 0, null));
    }

    private static double logNbd(double lnGammaTerm, double r, double alpha, int n, double t) {
        double logT = n == 0 ? 0.0 : n * Math.log(t);
        return lnGammaTerm + r * (Math.log(alpha) - Math.log(alpha + t)) + logT - n * Math.log(alpha + t);
    }

    /**
     * Returns {@code P(X(t) = n)} for a new customer: alive throughout, the negative binomial
     * probability of {@code n} purchases in {@code t}, times {@code P(tau > t)}, plus the same
     * probability for a window of {@code tau}, integrated against the lifetime density
     * {@code f(tau) = s b beta^s e^(b tau) B(tau)^-(s + 1)} over {@code (0, t]}.
     *
     * @param r purchase shape
     * @param alpha purchase rate
     * @param b Gompertz parameter
     * @param s dropout shape
     * @param beta dropout scale
     * @param t the window, positive and finite
     * @param n the number of purchases, {@code >= 0}
     * @return the probability, in [0, 1]
     */
    public static double probabilityOfPurchases(double r, double alpha, double b, double s, double beta,
            double t, int n) {
        double lnGammaTerm = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0);
        double alive = Math.exp(logSurvival(b, s, beta, t) + logNbd(lnGammaTerm, r, alpha, n, t));
        double logScale = Math.log(s * b) + s * Math.log(beta);
        BoundedQuadrature.Integrand died = new BoundedQuadrature.Integrand() {
            @Override
            public double logDensity(double tau) {
                return logScale + b * tau - (s + 1.0) * logB(beta, b, tau)
                        + (tau == 0 && n > 0 ? Double.NEGATIVE_INFINITY : logNbd(lnGammaTerm, r, alpha, n, tau));
            }

            @Override
            public double singularityDistance(double tau) {
                return singularities(alpha, b, beta, tau);
            }
        };
        // both marches start near the largest value (found on a grid, linear and towards 0
        // geometric), so the tails on either side lie far below it and are crossed in growing
        // panels. Below tau0 the slope n / tau - (r + n) / (alpha + tau) + (ln f)' is positive,
        // since |(ln f)'| <= b (1 + (s + 1) max(1, 1 / beta)): marching down the integrand only
        // falls there, so that march may stop once the rest is negligible
        double peak = t;
        double top = died.logDensity(t);
        for (int k = 1; k < 32; k++) {
            double[] candidates = {t * k / 32.0, t * Math.scalb(1.0, -k)};
            for (double tau : candidates) {
                double h = died.logDensity(tau);
                if (h > top) {
                    top = h;
                    peak = tau;
                }
            }
        }
        double bound = b * (1.0 + (s + 1.0) * Math.max(1.0, 1.0 / beta)) + (r + n) / alpha;
        double tau0 = n / bound;
        double up = BoundedQuadrature.logIntegral(died, peak, t, Double.NaN, 0, null);
        double down = BoundedQuadrature.logIntegral(died, peak, 0.0, tau0, 0, null);
        double dead = Math.exp(up) + Math.exp(down);
        return Math.min(1.0, Math.max(0.0, alive + dead));
    }
}
