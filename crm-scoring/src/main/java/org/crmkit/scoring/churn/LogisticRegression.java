package org.crmkit.scoring.churn;

import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * L2-regularised logistic regression fitted by Newton's method, i.e. iteratively reweighted
 * least squares (McCullagh and Nelder 1989, Generalized Linear Models, 2nd ed., section 4.4;
 * Hastie, Tibshirani and Friedman 2009, The Elements of Statistical Learning, 2nd ed.,
 * section 4.4.1): maximise
 * {@code l(b) = sum_i [y_i eta_i - ln(1 + e^eta_i)] - (lambda / 2) sum_{j>0} b_j^2} with
 * {@code eta_i = b_0 + sum_j b_j x_ij}; the intercept {@code b_0} is not penalised. Each
 * step solves {@code (X'WX + lambda D) delta = X'(y - p) - lambda D b} by Cholesky
 * decomposition ({@code W = diag(p (1 - p))}, {@code D} the identity without its intercept
 * entry) and halves the step while the penalised log-likelihood does not increase. The
 * penalty makes the problem strictly concave for {@code lambda > 0}, so separable data
 * converge too.
 *
 * <p>Rows are given row-major: {@code x[i * p + j]} is feature {@code j} of row {@code i}
 * (without the intercept column). The sums over rows run in chunks where the
 * {@link Parallelism} says and are combined in chunk order, so results do not depend on the
 * setting.
 *
 * <p>Stateless and thread-safe.
 */
final class LogisticRegression {

    /** Most Newton steps. */
    static final int MAX_ITERATIONS = 100;
    /** Converged when no coefficient moves by more than this. */
    static final double TOLERANCE = 1e-9;
    private static final int MIN_CHUNK = 4096;

    private LogisticRegression() {
    }

    /** The fitted coefficients: {@code beta[0]} the intercept. */
    record Fit(double[] beta, double logLikelihood, int iterations, boolean converged) {
    }

    static Fit fit(double[] x, int p, double[] y, double lambda, Parallelism parallelism) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int n = y.length;
        if (x.length != (long) n * p) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x " + p);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda " + lambda + " is not finite and >= 0");
        }
        int q = p + 1;
        double[] beta = new double[q];
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        if (mean > 0 && mean < 1) {
            beta[0] = Math.log(mean / (1 - mean));
        }
        double current = penalised(x, p, y, beta, lambda, parallelism);
        int chunks = Parallelism.chunkCount(n, MIN_CHUNK);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[][] hessianParts = new double[chunks][];
            double[][] gradientParts = new double[chunks][];
            double[] b = beta;
            parallelism.forEachChunk(n, MIN_CHUNK, (c, from, to) -> {
                double[] h = new double[q * (q + 1) / 2];
                double[] g = new double[q];
                for (int i = from; i < to; i++) {
                    int row = i * p;
                    double eta = b[0];
                    for (int j = 0; j < p; j++) {
                        eta += b[j + 1] * x[row + j];
                    }
                    double pi = sigmoid(eta);
                    double w = pi * (1 - pi);
                    double r = y[i] - pi;
                    g[0] += r;
                    h[0] += w;
                    int k = 1;
                    for (int j = 0; j < p; j++) {
                        double xj = x[row + j];
                        g[j + 1] += r * xj;
                        double wx = w * xj;
                        // lower triangle, row j + 1: columns 0 .. j + 1
                        h[k++] += wx;
                        for (int l = 0; l <= j; l++) {
                            h[k++] += wx * x[row + l];
                        }
                    }
                }
                hessianParts[c] = h;
                gradientParts[c] = g;
            });
            double[][] hessian = new double[q][q];
            double[] gradient = new double[q];
            for (int c = 0; c < chunks; c++) {
                if (hessianParts[c] == null) {
                    continue;
                }
                int k = 0;
                for (int a = 0; a < q; a++) {
                    for (int l = 0; l <= a; l++) {
                        hessian[a][l] += hessianParts[c][k++];
                    }
                    gradient[a] += gradientParts[c][a];
                }
            }
            for (int a = 0; a < q; a++) {
                for (int l = 0; l < a; l++) {
                    hessian[l][a] = hessian[a][l];
                }
                if (a > 0) {
                    hessian[a][a] += lambda;
                    gradient[a] -= lambda * beta[a];
                }
                hessian[a][a] += 1e-12 * (1 + hessian[a][a]); // keeps an all-zero column solvable
            }
            RealVector step = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false), 1e-14, 1e-14)
                    .getSolver().solve(new ArrayRealVector(gradient, false));
            double scale = 1;
            double[] next = new double[q];
            double value = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 30; halving++) {
                for (int a = 0; a < q; a++) {
                    next[a] = beta[a] + scale * step.getEntry(a);
                }
                value = penalised(x, p, y, next, lambda, parallelism);
                if (value >= current - 1e-12 * Math.abs(current)) {
                    break;
                }
                scale /= 2;
            }
            double moved = 0;
            for (int a = 0; a < q; a++) {
                moved = Math.max(moved, Math.abs(next[a] - beta[a]));
            }
            beta = next.clone();
            current = value;
            if (moved < TOLERANCE) {
                return new Fit(beta, current, iteration, true);
            }
        }
        return new Fit(beta, current, MAX_ITERATIONS, false);
    }

    /** The penalised log-likelihood, summed per chunk and combined in chunk order. */
    static double penalised(double[] x, int p, double[] y, double[] beta, double lambda, Parallelism parallelism) {
        int n = y.length;
        double[] parts = new double[Parallelism.chunkCount(n, MIN_CHUNK)];
        parallelism.forEachChunk(n, MIN_CHUNK, (c, from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                int row = i * p;
                double eta = beta[0];
                for (int j = 0; j < p; j++) {
                    eta += beta[j + 1] * x[row + j];
                }
                // y eta - ln(1 + e^eta), computed without overflow
                s += y[i] * eta - (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta)));
            }
            parts[c] = s;
        });
        double total = 0;
        for (double v : parts) {
            total += v;
        }
        double penalty = 0;
        for (int a = 1; a < beta.length; a++) {
            penalty += beta[a] * beta[a];
        }
        return total - lambda / 2 * penalty;
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }
}
