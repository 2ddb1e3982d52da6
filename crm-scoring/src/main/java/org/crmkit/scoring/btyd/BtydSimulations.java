package org.crmkit.scoring.btyd;

import java.util.Arrays;

/**
 * Draws synthetic populations from the Pareto/NBD and BG/BB models with a seed.
 *
 * <p>Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987, assumptions (i)-(v)): each
 * customer draws {@code lambda ~ gamma(r, alpha)} and {@code mu ~ gamma(s, beta)}, lives an
 * exponential({@code mu}) lifetime and, while alive and within {@code (0, T]}, buys at the
 * times of a Poisson process of rate {@code lambda}. BG/BB (Fader, Hardie &amp; Shang 2010,
 * section 2): {@code p ~ beta(alpha, beta)}, {@code theta ~ beta(gamma, delta)}; at each of
 * the {@code n} opportunities a living customer first dies with probability {@code theta},
 * and if still alive buys with probability {@code p}. Same seed, same population.
 * Stateless; thread-safe.
 */
final class BtydSimulations {

    private BtydSimulations() {
    }

    static SimulatedPopulation paretoNbd(double r, double alpha, double s, double beta,
            double[] observation, long seed, boolean keepTransactions) {
        RandomDraws draws = new RandomDraws(seed);
        int size = observation.length;
        double[] x = new double[size];
        double[] tx = new double[size];
        int[] who = new int[keepTransactions ? 16 : 0];
        double[] when = new double[who.length];
        int logged = 0;
        for (int i = 0; i < size; i++) {
            double lambda = draws.gamma(r, alpha);
            double mu = draws.gamma(s, beta);
            double end = Math.min(observation[i], draws.exponential(mu));
            double time = 0.0;
            int count = 0;
            double last = 0.0;
            while (lambda > 0.0) {
                time += draws.exponential(lambda);
                if (!(time <= end)) {
                    break;
                }
                count++;
                last = time;
                if (keepTransactions) {
                    if (logged == who.length) {
                        who = Arrays.copyOf(who, logged * 2);
                        when = Arrays.copyOf(when, logged * 2);
                    }
                    who[logged] = i;
                    when[logged] = time;
                    logged++;
                }
            }
            x[i] = count;
            tx[i] = last;
        }
        return new SimulatedPopulation(x, tx, observation.clone(), Arrays.copyOf(who, logged),
                Arrays.copyOf(when, logged));
    }

    static SimulatedPopulation bgBb(double a, double b, double g, double d, int[] opportunities,
            long seed, boolean keepTransactions) {
        RandomDraws draws = new RandomDraws(seed);
        int size = opportunities.length;
        double[] x = new double[size];
        double[] tx = new double[size];
        double[] n = new double[size];
        int[] who = new int[keepTransactions ? 16 : 0];
        double[] when = new double[who.length];
        int logged = 0;
        for (int i = 0; i < size; i++) {
            double p = draws.beta(a, b);
            double theta = draws.beta(g, d);
            int count = 0;
            int last = 0;
            for (int t = 1; t <= opportunities[i]; t++) {
                if (draws.uniform() < theta) {
                    break;
                }
                if (draws.uniform() < p) {
                    count++;
                    last = t;
                    if (keepTransactions) {
                        if (logged == who.length) {
                            who = Arrays.copyOf(who, logged * 2);
                            when = Arrays.copyOf(when, logged * 2);
                        }
                        who[logged] = i;
                        when[logged] = t;
                        logged++;
                    }
                }
            }
            x[i] = count;
            tx[i] = last;
            n[i] = opportunities[i];
        }
        return new SimulatedPopulation(x, tx, n, Arrays.copyOf(who, logged), Arrays.copyOf(when, logged));
    }
}
