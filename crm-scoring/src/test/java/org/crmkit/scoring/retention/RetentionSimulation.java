package org.crmkit.scoring.retention;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/** Simulated cohorts with known parameters, for recovery tests (seeded). */
final class RetentionSimulation {
    private RetentionSimulation() {
    }

    /**
     * Active counts for periods 0..periods of {@code customers} customers drawn from BdW
     * (sBG at {@code c = 1}): theta ~ Beta(gamma, delta) and, with E ~ Exp(1) and
     * lambda = -ln(1 - theta), a customer survives t renewals iff t^c lambda <= E
     * (P = (1 - theta)^(t^c), the discrete Weibull survival).
     */
    static long[] cohort(double gamma, double delta, double c, int customers, int periods, long seed) {
        RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(seed));
        long[] active = new long[periods + 1];
        for (int i = 0; i < customers; i++) {
            double theta = random.nextBeta(gamma, delta);
            double lambda = -Math.log1p(-theta);
            double e = random.nextExponential(1);
            for (int t = 0; t <= periods; t++) {
                if (Math.pow(t, c) * lambda <= e) {
                    active[t]++;
                } else {
                    break;
                }
            }
        }
        return active;
    }
}
