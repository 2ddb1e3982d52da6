package org.crmkit.scoring.btyd;

import java.util.Arrays;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.internal.Optimizers;
import org.crmkit.scoring.btyd.internal.ParetoNbdLikelihood;
import org.hipparchus.special.Gamma;

/**
 * The objective of a covariate fit: the mean negative log-likelihood of
 * {@link CovariateData} under a {@link CovariateModel} plus the L2 penalty of
 * {@link CovariateFitter#withRegularization(double, double)}, with its analytic gradient, in
 * the unbounded coordinates {@code theta = (ln p0, ln p1, ln p2, ln p3, free coefficients)}.
 *
 * <p>The free coefficients are the transaction coefficients of all design columns, then the
 * lifetime coefficients of the columns not constrained to equal their transaction
 * coefficient; a constrained column's lifetime coefficient is its transaction coefficient.
 *
 * <p>Each row's log-likelihood is the plain model's at the row's individual parameters
 * ({@link CovariateModel#individualParameters}); its gradient with respect to
 * {@code (r, alpha_i, s, beta_i)} (Pareto/NBD: {@link ParetoNbdLikelihood}) or
 * {@code (r, alpha_i, a_i, b_i)} (BG/NBD: {@link #bgNbdRow}) is carried to {@code theta} by
 * the chain rule: {@code d alpha_i / d ln alpha0 = alpha_i},
 * {@code d alpha_i / d gamma_trans,j = -z_ij alpha_i}, {@code d beta_i / d gamma_life,j =
 * -z_ij beta_i} (Pareto/NBD), and {@code d a_i / d gamma_life,j = z_ij a_i},
 * {@code d b_i / d gamma_life,j = z_ij b_i} (BG/NBD).
 *
 * <p>Rows are cut into chunks on the caller's {@link Parallelism}; each chunk writes its own
 * slot of a partial-sum array made once per objective, and the slots are added in chunk
 * order, so the value does not depend on the parallelism. The gamma-function terms that
 * depend on {@code r} and {@code x} only are computed once per distinct frequency and
 * evaluation. Nothing is allocated per evaluation on the Pareto/NBD continued-fraction route.
 *
 * <p>Not thread-safe: one fit uses an instance from one thread at a time.
 */
final class CovariateLikelihood implements Optimizers.Objective {

    /** Fewest rows of a chunk worth a task. */
    private static final int MIN_CHUNK = 4096;

    private final CovariateModel.Family family;
    private final CovariateData data;
    private final int p;
    private final int[] transIndex;
    private final int[] lifeIndex;
    private final int parameters;
    private final double lambdaTrans;
    private final double lambdaLife;
    private final Parallelism parallelism;
    private final int chunks;
    private final double[] sums;
    private final double[][] work;
    private final double[] lnGammaRatio;
    private final double[] digammaRatio;

    CovariateLikelihood(CovariateModel.Family family, CovariateData data, boolean[] constrained, double lambdaTrans,
            double lambdaLife, Parallelism parallelism) {
        this.family = family;
        this.data = data;
        this.p = data.design().width();
        this.transIndex = new int[p];
        this.lifeIndex = new int[p];
        int next = 4;
        for (int j = 0; j < p; j++) {
            transIndex[j] = next++;
        }
        for (int j = 0; j < p; j++) {
            lifeIndex[j] = constrained[j] ? transIndex[j] : next++;
        }
        this.parameters = next;
        this.lambdaTrans = lambdaTrans;
        this.lambdaLife = lambdaLife;
        this.parallelism = parallelism;
        this.chunks = Parallelism.chunkCount(data.size(), MIN_CHUNK);
        this.sums = new double[chunks * (parameters + 1)];
        this.work = new double[chunks][ParetoNbdLikelihood.WORK_LENGTH];
        int levels = data.frequencyLevels().length;
        this.lnGammaRatio = new double[levels];
        this.digammaRatio = new double[levels];
    }

    /** The number of free parameters, the length of {@code theta}. */
    int parameterCount() {
        return parameters;
    }

    /** Index in {@code theta} of the transaction coefficient of column {@code j}. */
    int transactionIndex(int j) {
        return transIndex[j];
    }

    /** Index in {@code theta} of the lifetime coefficient of column {@code j}. */
    int lifetimeIndex(int j) {
        return lifeIndex[j];
    }

    /** {@code theta} of a model (its constrained coefficients are taken from the transaction side). */
    double[] theta(double[] base, double[] trans, double[] life) {
        double[] theta = new double[parameters];
        for (int k = 0; k < 4; k++) {
            theta[k] = Math.log(base[k]);
        }
        for (int j = 0; j < p; j++) {
            theta[lifeIndex[j]] = life[j];
            theta[transIndex[j]] = trans[j];
        }
        return theta;
    }

    /** The transaction coefficients of {@code theta}. */
    double[] transaction(double[] theta) {
        double[] c = new double[p];
        for (int j = 0; j < p; j++) {
            c[j] = theta[transIndex[j]];
        }
        return c;
    }

    /** The lifetime coefficients of {@code theta}. */
    double[] lifetime(double[] theta) {
        double[] c = new double[p];
        for (int j = 0; j < p; j++) {
            c[j] = theta[lifeIndex[j]];
        }
        return c;
    }

    /**
     * The penalty {@code lambda_trans sum_j gamma_trans,j^2 + lambda_life sum_j gamma_life,j^2}
     * over all design columns (a constrained column's shared coefficient in both sums).
     */
    double penalty(double[] theta) {
        double sum = 0;
        for (int j = 0; j < p; j++) {
            double gt = theta[transIndex[j]];
            double gl = theta[lifeIndex[j]];
            sum += lambdaTrans * gt * gt + lambdaLife * gl * gl;
        }
        return sum;
    }

    /**
     * The objective {@code -LL / n + penalty} and its gradient; {@code +infinity} (gradient
     * zero) where the likelihood is not finite.
     */
    @Override
    public double value(double[] theta, double[] gradient) {
        double n = data.customers();
        double ll = logLikelihood(theta, gradient);
        if (!Double.isFinite(ll)) {
            Arrays.fill(gradient, 0);
            return Double.POSITIVE_INFINITY;
        }
        for (int k = 0; k < parameters; k++) {
            gradient[k] = -gradient[k] / n;
        }
        for (int j = 0; j < p; j++) {
            gradient[transIndex[j]] += 2 * lambdaTrans * theta[transIndex[j]];
            gradient[lifeIndex[j]] += 2 * lambdaLife * theta[lifeIndex[j]];
        }
        for (double g : gradient) {
            if (!Double.isFinite(g)) {
                Arrays.fill(gradient, 0);
                return Double.POSITIVE_INFINITY;
            }
        }
        return -ll / n + penalty(theta);
    }

    /**
     * The weighted log-likelihood at {@code theta} and, when {@code gradient} is not null, its
     * gradient with respect to {@code theta}; {@code -infinity} instead of NaN.
     */
    double logLikelihood(double[] theta, double[] gradient) {
        for (double t : theta) {
            if (!Double.isFinite(t) || Math.abs(t) > Optimizers.THETA_LIMIT * 4) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double r = Math.exp(theta[0]);
        double[] levels = data.frequencyLevels();
        double lgr = Gamma.logGamma(r);
        double psir = gradient == null ? 0 : Gamma.digamma(r);
        for (int k = 0; k < levels.length; k++) {
            double x = levels[k];
            lnGammaRatio[k] = x == 0 ? 0 : Gamma.logGamma(r + x) - lgr;
            digammaRatio[k] = x == 0 || gradient == null ? 0 : Gamma.digamma(r + x) - psir;
        }
        Arrays.fill(sums, 0);
        int slot = parameters + 1;
        boolean wantGradient = gradient != null;
        int rows = data.size();
        parallelism.forEachChunk(rows, MIN_CHUNK, (c, from, to) -> accumulate(theta, from, to, c * slot,
                work[c], wantGradient));
        double ll = 0;
        for (int c = 0; c < chunks; c++) {
            ll += sums[c * slot];
        }
        if (wantGradient) {
            for (int k = 0; k < parameters; k++) {
                double g = 0;
                for (int c = 0; c < chunks; c++) {
                    g += sums[c * slot + 1 + k];
                }
                gradient[k] = g;
            }
        }
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
    }

    private void accumulate(double[] theta, int from, int to, int at, double[] g, boolean wantGradient) {
        double[] x = data.frequencies();
        double[] tx = data.recencies();
        double[] age = data.ages();
        double[] w = data.weights();
        double[] z = data.covariateMatrix();
        int[] level = data.frequencyLevelIndexes();
        double r = Math.exp(theta[0]);
        double ln1 = theta[1];
        double p2 = Math.exp(theta[2]);
        double ln3 = theta[3];
        double ln2 = theta[2];
        boolean pareto = family == CovariateModel.Family.PARETO_NBD;
        double[] out = wantGradient ? g : null;
        double ll = 0;
        double g0 = 0;
        double g1 = 0;
        double g2 = 0;
        double g3 = 0;
        for (int i = from; i < to; i++) {
            int row = i * p;
            double etaT = 0;
            double etaL = 0;
            for (int j = 0; j < p; j++) {
                double zij = z[row + j];
                etaT += theta[transIndex[j]] * zij;
                etaL += theta[lifeIndex[j]] * zij;
            }
            double wi = w[i];
            int k = level[i];
            double alphaI = Math.exp(ln1 - etaT);
            if (pareto) {
                double betaI = Math.exp(ln3 - etaL);
                ll += wi * ParetoNbdLikelihood.logLikelihood(r, alphaI, p2, betaI, x[i], tx[i], age[i],
                        lnGammaRatio[k], digammaRatio[k], out);
                if (wantGradient) {
                    double dAlpha = wi * alphaI * g[1];
                    double dBeta = wi * betaI * g[3];
                    g0 += wi * r * g[0];
                    g1 += dAlpha;
                    g2 += wi * p2 * g[2];
                    g3 += dBeta;
                    addCoefficients(row, z, at, -dAlpha, -dBeta);
                }
            } else {
                double aI = Math.exp(ln2 + etaL);
                double bI = Math.exp(ln3 + etaL);
                ll += wi * bgNbdRow(r, alphaI, aI, bI, x[i], tx[i], age[i], lnGammaRatio[k], digammaRatio[k], out);
                if (wantGradient) {
                    double dAlpha = wi * alphaI * g[1];
                    double dA = wi * aI * g[2];
                    double dB = wi * bI * g[3];
                    g0 += wi * r * g[0];
                    g1 += dAlpha;
                    g2 += dA;
                    g3 += dB;
                    addCoefficients(row, z, at, -dAlpha, dA + dB);
                }
            }
        }
        sums[at] += ll;
        if (wantGradient) {
            sums[at + 1] += g0;
            sums[at + 2] += g1;
            sums[at + 3] += g2;
            sums[at + 4] += g3;
        }
    }

    /** Adds {@code z_ij dTrans} and {@code z_ij dLife} to the coefficient sums of the chunk at {@code at}. */
    private void addCoefficients(int row, double[] z, int at, double dTrans, double dLife) {
        for (int j = 0; j < p; j++) {
            double zij = z[row + j];
            if (zij != 0) {
                sums[at + 1 + transIndex[j]] += zij * dTrans;
                sums[at + 1 + lifeIndex[j]] += zij * dLife;
            }
        }
    }

    /**
     * The plain model's log-likelihood of one customer with parameters {@code q}
     * (the individual parameters).
     */
    static double rowLogLikelihood(CovariateModel.Family family, double[] q, double x, double tx, double t) {
        double lnGammaRatio = x == 0 ? 0 : Gamma.logGamma(q[0] + x) - Gamma.logGamma(q[0]);
        if (family == CovariateModel.Family.PARETO_NBD) {
            return ParetoNbdLikelihood.logLikelihood(q[0], q[1], q[2], q[3], x, tx, t, lnGammaRatio, 0, null);
        }
        return bgNbdRow(q[0], q[1], q[2], q[3], x, tx, t, lnGammaRatio, 0, null);
    }

    /**
     * The BG/NBD log-likelihood of one customer (Fader, Hardie and Lee 2005, "Counting your
     * customers the easy way", Marketing Science 24(2), 275-284, the likelihood of a randomly
     * chosen customer):
     * {@code L = B(a, b + x) / B(a, b) Gamma(r + x) alpha^r / (Gamma(r) (alpha + T)^(r + x))
     * + [x > 0] B(a + 1, b + x - 1) / B(a, b) Gamma(r + x) alpha^r / (Gamma(r) (alpha + t_x)^(r + x))},
     * written as {@code ln Gamma(r + x) - ln Gamma(r) + r ln alpha + C + lse(A1, A2)} with
     * {@code C = ln Gamma(a + b) - ln Gamma(a + b + x) - ln Gamma(b)},
     * {@code A1 = ln Gamma(b + x) - (r + x) ln(alpha + T)} and
     * {@code A2 = ln a + ln Gamma(b + x - 1) - (r + x) ln(alpha + t_x)}.
     *
     * @param g receives {@code d/dr, d/dalpha, d/da, d/db} in entries 0..3, or null
     */
    static double bgNbdRow(double r, double alpha, double a, double b, double x, double tx, double t,
            double lnGammaRatio, double digammaRatio, double[] g) {
        double rx = r + x;
        double lT = Math.log(alpha + t);
        double common = lnGammaRatio + r * Math.log(alpha);
        if (x == 0) {
            // B(a, b) / B(a, b) = 1 and no second term
            if (g != null) {
                g[0] = digammaRatio + Math.log(alpha) - lT;
                g[1] = r / alpha - r / (alpha + t);
                g[2] = 0;
                g[3] = 0;
            }
            return common - r * lT;
        }
        double lTx = Math.log(alpha + tx);
        double lgBx1 = Gamma.logGamma(b + x - 1);
        double logBx1 = Math.log(b + x - 1);
        double c = Gamma.logGamma(a + b) - Gamma.logGamma(a + b + x) - Gamma.logGamma(b);
        double d1 = lgBx1 + logBx1 - rx * lT;
        double d2 = Math.log(a) + lgBx1 - rx * lTx;
        double m = Math.max(d1, d2);
        double e1 = Math.exp(d1 - m);
        double e2 = Math.exp(d2 - m);
        double sum = e1 + e2;
        double value = common + c + m + Math.log(sum);
        if (g != null) {
            double w1 = e1 / sum;
            double w2 = e2 / sum;
            double psiAb = Gamma.digamma(a + b);
            double psiAbx = Gamma.digamma(a + b + x);
            double psiBx1 = Gamma.digamma(b + x - 1);
            g[0] = digammaRatio + Math.log(alpha) - w1 * lT - w2 * lTx;
            g[1] = r / alpha - rx * (w1 / (alpha + t) + w2 / (alpha + tx));
            g[2] = psiAb - psiAbx + w2 / a;
            g[3] = psiAb - psiAbx - Gamma.digamma(b) + psiBx1 + w1 / (b + x - 1);
        }
        return value;
    }
}
