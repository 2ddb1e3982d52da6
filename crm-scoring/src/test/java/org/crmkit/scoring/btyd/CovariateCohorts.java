package org.crmkit.scoring.btyd;

import org.hipparchus.random.RandomDataGenerator;

/**
 * Simulated cohorts with known covariate effects, drawn customer by customer from the
 * models' stories (not from the code under test): purchase rate
 * {@code lambda ~ gamma(r, alpha_i)}; Pareto/NBD lifetime exponential with
 * {@code mu ~ gamma(s, beta_i)}; BG/NBD dropout after each purchase with
 * {@code p ~ beta(a_i, b_i)}; individual parameters as documented in {@link CovariateModel}.
 *
 * <p>Design: a binary covariate {@code gender} (reference {@code f}, column {@code gender=m})
 * drawn with probability 1/2, and a standard normal numeric covariate {@code score}. Ages
 * are spread evenly over 26..52 periods.
 */
final class CovariateCohorts {

    static final CovariateDesign DESIGN = CovariateDesign.builder()
            .categorical("gender", java.util.List.of("f", "m"))
            .numeric("score")
            .build();

    private CovariateCohorts() {
    }

    static CovariateData draw(CovariateModel truth, int customers, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] t = new double[customers];
        double[][] z = new double[customers][];
        boolean pareto = truth.family() == CovariateModel.Family.PARETO_NBD;
        for (int i = 0; i < customers; i++) {
            double[] zi = {random.nextUniform(0, 1) < 0.5 ? 0 : 1, random.nextNormal(0, 1)};
            double[] q = truth.individualParameters(zi);
            double age = 26 + 26.0 * i / customers;
            double lambda = random.nextGamma(q[0], 1 / q[1]);
            int count = 0;
            double last = 0;
            if (pareto) {
                double mu = random.nextGamma(q[2], 1 / q[3]);
                double death = random.nextExponential(1 / mu);
                double end = Math.min(death, age);
                double clock = random.nextExponential(1 / lambda);
                while (clock <= end) {
                    count++;
                    last = clock;
                    clock += random.nextExponential(1 / lambda);
                }
            } else {
                double p = random.nextBeta(q[2], q[3]);
                double clock = random.nextExponential(1 / lambda);
                while (clock <= age) {
                    count++;
                    last = clock;
                    if (random.nextUniform(0, 1) < p) {
                        break;
                    }
                    clock += random.nextExponential(1 / lambda);
                }
            }
            x[i] = count;
            tx[i] = last;
            t[i] = age;
            z[i] = zi;
        }
        return CovariateData.of(DESIGN, x, tx, t, z);
    }
}
