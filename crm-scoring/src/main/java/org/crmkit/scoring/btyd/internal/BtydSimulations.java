package org.crmkit.scoring.btyd.internal;

import java.util.Arrays;
import org.crmkit.scoring.btyd.SimulatedCohort;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Draws synthetic cohorts from the Pareto/NBD and BG/BB models with a seed.
 *
 * <p>Pareto/NBD (the assumptions of Schmittlein, Morrison &amp; Colombo 1987): each
 * customer draws {@code lambda ~ gamma(r, alpha)} and {@code mu ~ gamma(s, beta)}, lives an
 * exponential({@code mu}) lifetime and, while alive, buys at the times of a Poisson
 * process of rate {@code lambda}. BG/BB (the assumptions of Fader, Hardie &amp; Shang 2010):
 * {@code p ~ beta(alpha, beta)}, {@code theta ~ beta(gamma, delta)}; at each opportunity a
 * living customer first dies with probability {@code theta} and, if still alive, buys with
 * probability {@code p}. In both logs the first purchase is at time 0. Same seed, same
 * cohort. The variates come from Hipparchus' {@link RandomDataGenerator}, the one
 * random-number stack of the package (as for BG/NBD and MBG/NBD in
 * {@link BetaGeometricNbd#simulate}). Stateless; thread-safe.
 */
public final class BtydSimulations {

    private BtydSimulations() {
    }

    /** A growable transaction log. */
    private static final class Log {
        private int[] customers = new int[64];
        private double[] times = new double[64];
        private int size;

        void add(int customer, double time) {
            if (size == customers.length) {
                customers = Arrays.copyOf(customers, size * 2);
                times = Arrays.copyOf(times, size * 2);
            }
            customers[size] = customer;
            times[size++] = time;
        }
    }

    private static void requireHoldout(double holdout) {
        if (!(holdout >= 0) || Double.isInfinite(holdout)) {
            throw new IllegalArgumentException("holdout " + holdout + " is not finite and >= 0");
        }
    }

    /**
     * Draws a Pareto/NBD cohort.
     *
     * @param r purchase-rate shape
     * @param alpha purchase-rate rate
     * @param s dropout-rate shape
     * @param beta dropout-rate rate
     * @param ages the calibration ages, each positive and finite
     * @param holdout the holdout length, finite and {@code >= 0}
     * @param seed the seed
     * @return the cohort
     */
    public static SimulatedCohort paretoNbd(double r, double alpha, double s, double beta, double[] ages,
            double holdout, long seed) {
        requireHoldout(holdout);
        RandomDataGenerator draws = new RandomDataGenerator(seed);
        int n = ages.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] later = new double[n];
        Log log = new Log();
        for (int i = 0; i < n; i++) {
            double age = ages[i];
            if (!(age > 0) || Double.isInfinite(age)) {
                throw new IllegalArgumentException("age " + i + " = " + age + " is not positive and finite");
            }
            double lambda = draws.nextGamma(r, 1.0 / alpha);
            double mu = draws.nextGamma(s, 1.0 / beta);
            double end = Math.min(age + holdout, draws.nextExponential(1.0 / mu));
            log.add(i, 0.0);
            for (double time = draws.nextExponential(1.0 / lambda); time <= end; time += draws.nextExponential(1.0 / lambda)) {
                log.add(i, time);
                if (time <= age) {
                    x[i]++;
                    tx[i] = time;
                } else {
                    later[i]++;
                }
            }
        }
        return new SimulatedCohort(x, tx, ages, later, holdout, Arrays.copyOf(log.customers, log.size),
                Arrays.copyOf(log.times, log.size));
    }

    /**
     * Draws a BG/BB cohort.
     *
     * @param a purchase-probability shape alpha
     * @param b purchase-probability shape beta
     * @param g dropout-probability shape gamma
     * @param d dropout-probability shape delta
     * @param opportunities the calibration opportunities, whole numbers {@code >= 1}
     * @param holdout the holdout opportunities, a whole number {@code >= 0}
     * @param seed the seed
     * @return the cohort
     */
    public static SimulatedCohort bgBb(double a, double b, double g, double d, double[] opportunities,
            double holdout, long seed) {
        requireHoldout(holdout);
        if (holdout != Math.rint(holdout)) {
            throw new IllegalArgumentException("holdout " + holdout + " is not a whole number of opportunities");
        }
        RandomDataGenerator draws = new RandomDataGenerator(seed);
        int size = opportunities.length;
        double[] x = new double[size];
        double[] tx = new double[size];
        double[] later = new double[size];
        Log log = new Log();
        for (int i = 0; i < size; i++) {
            double n = opportunities[i];
            if (!(n >= 1) || n != Math.rint(n) || Double.isInfinite(n)) {
                throw new IllegalArgumentException("opportunities " + i + " = " + n + " is not a whole number >= 1");
            }
            double p = draws.nextBeta(a, b);
            double theta = draws.nextBeta(g, d);
            log.add(i, 0.0);
            for (long t = 1; t <= n + holdout; t++) {
                if (draws.nextDouble() < theta) {
                    break;
                }
                if (draws.nextDouble() < p) {
                    log.add(i, t);
                    if (t <= n) {
                        x[i]++;
                        tx[i] = t;
                    } else {
                        later[i]++;
                    }
                }
            }
        }
        return new SimulatedCohort(x, tx, opportunities, later, holdout, Arrays.copyOf(log.customers, log.size),
                Arrays.copyOf(log.times, log.size));
    }

    /**
     * Draws a GGompertz/NBD cohort (Bemmaor and Glady 2012): {@code lambda ~ gamma(r, alpha)},
     * {@code eta ~ gamma(s, beta)}, death at {@code ln(1 + E / eta) / b} with {@code E} standard
     * exponential (so that {@code P(tau > t | eta) = exp(-eta (e^(b t) - 1))}), Poisson
     * purchases of rate {@code lambda} until then; the first purchase at time 0.
     *
     * @param r purchase-rate shape
     * @param alpha purchase-rate rate
     * @param b Gompertz parameter
     * @param s lifetime-scale shape
     * @param beta lifetime-scale rate
     * @param ages the calibration ages, each positive and finite
     * @param holdout the holdout length, finite and {@code >= 0}
     * @param seed the seed
     * @return the cohort
     */
    public static SimulatedCohort ggompertzNbd(double r, double alpha, double b, double s, double beta,
            double[] ages, double holdout, long seed) {
        requireHoldout(holdout);
        RandomDataGenerator draws = new RandomDataGenerator(seed);
        int n = ages.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] later = new double[n];
        Log log = new Log();
        for (int i = 0; i < n; i++) {
            double age = ages[i];
            if (!(age > 0) || Double.isInfinite(age)) {
                throw new IllegalArgumentException("age " + i + " = " + age + " is not positive and finite");
            }
            double lambda = draws.nextGamma(r, 1.0 / alpha);
            double eta = draws.nextGamma(s, 1.0 / beta);
            double death = Math.log1p(draws.nextExponential(1.0) / eta) / b;
            double end = Math.min(age + holdout, death);
            log.add(i, 0.0);
            for (double time = draws.nextExponential(1.0 / lambda); time <= end;
                    time += draws.nextExponential(1.0 / lambda)) {
                log.add(i, time);
                if (time <= age) {
                    x[i]++;
                    tx[i] = time;
                } else {
                    later[i]++;
                }
            }
        }
        return new SimulatedCohort(x, tx, ages, later, holdout, Arrays.copyOf(log.customers, log.size),
                Arrays.copyOf(log.times, log.size));
    }
}
