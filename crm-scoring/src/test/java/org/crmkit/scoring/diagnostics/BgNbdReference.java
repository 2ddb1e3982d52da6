package org.crmkit.scoring.diagnostics;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * BG/NBD quantities computed here from the paper, independently of crmkit's model code
 * (Fader, Hardie and Lee 2005, "Counting your customers the easy way", Marketing Science
 * 24(2)).
 */
final class BgNbdReference {
    final double r;
    final double alpha;
    final double a;
    final double b;

    BgNbdReference(double r, double alpha, double a, double b) {
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
    }

    /**
     * E[X(t)] by numerical integration: given p, E[X(t) | p] = (1 - (alpha / (alpha + p t))^r) / p
     * (the gamma mixture of 1/p - e^{-lambda p t}/p, paper appendix), integrated over
     * p ~ Beta(a, b) after the substitution u = p^a (which removes the p^(a-1) singularity),
     * by Simpson's rule on 20,000 panels.
     */
    double expectedPurchases(double t) {
        int panels = 20_000;
        double h = 1.0 / panels;
        double sum = 0;
        for (int i = 0; i <= panels; i++) {
            double u = i * h;
            double p = Math.pow(u, 1 / a);
            double given = p == 0 ? r * t / alpha : (1 - Math.pow(alpha / (alpha + p * t), r)) / p;
            double f = given * Math.pow(1 - p, b - 1);
            double weight = i == 0 || i == panels ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * f;
        }
        return sum * h / 3 / (a * Math.exp(Beta.logBeta(a, b)));
    }

    /** P(X(t) = x), paper equation 8. */
    double probabilityOfPurchases(int x, double t) {
        double logB = Beta.logBeta(a, b);
        double q = alpha / (alpha + t);
        double first = Math.exp(Beta.logBeta(a, b + x) - logB + Gamma.logGamma(r + x) - Gamma.logGamma(r)
                - Gamma.logGamma(x + 1.0) + r * Math.log(q) + x * Math.log(t / (alpha + t)));
        if (x == 0) {
            return first;
        }
        double partial = 0;
        for (int j = 0; j < x; j++) {
            partial += Math.exp(Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0)
                    + j * Math.log(t / (alpha + t)));
        }
        double second = Math.exp(Beta.logBeta(a + 1, b + x - 1) - logB) * (1 - Math.pow(q, r) * partial);
        return first + second;
    }
}
