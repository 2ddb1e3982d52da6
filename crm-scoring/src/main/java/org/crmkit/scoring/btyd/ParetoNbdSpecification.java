package org.crmkit.scoring.btyd;

import java.util.List;
import java.util.stream.IntStream;
import org.crmkit.scoring.btyd.internal.ModelSpecification;
import org.hipparchus.special.Gamma;

/**
 * Pareto/NBD as a {@link BtydModel}: the weighted sum of the individual log-likelihoods of
 * {@link ParetoNbdLikelihood} and their gradients. Large tables are split into chunks
 * evaluated in parallel; each chunk reuses one work array, so evaluation does not
 * allocate per customer. {@code ln Gamma(r + x)} and {@code psi(r + x)} are computed once
 * per distinct frequency ({@link BtydData#frequencyLevel(int)}), not once per row.
 *
 * <p>Thread-safe: stateless.
 */
final class ParetoNbdSpecification extends ModelSpecification<ParetoNbd> {

    private static final int CHUNK = 8192;

    ParetoNbdSpecification() {
        super(ParetoNbd.NAME, List.of("r", "alpha", "s", "beta"));
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        requirePositiveParameters(parameters);
        double r = parameters[0];
        double alpha = parameters[1];
        double s = parameters[2];
        double beta = parameters[3];
        int rows = data.size();
        int levels = data.frequencyLevelCount();
        double[] lnGammaRatio = new double[levels];
        double[] digammaRatio = new double[levels];
        double lnGammaR = Gamma.logGamma(r);
        double digammaR = gradient == null ? 0 : Gamma.digamma(r);
        for (int k = 0; k < levels; k++) {
            double x = data.frequencyLevel(k);
            lnGammaRatio[k] = Gamma.logGamma(r + x) - lnGammaR;
            digammaRatio[k] = gradient == null ? 0 : Gamma.digamma(r + x) - digammaR;
        }
        int chunks = (rows + CHUNK - 1) / CHUNK;
        double[][] partial = new double[chunks][5];
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            double[] work = new double[ParetoNbdLikelihood.WORK_LENGTH];
            double[] sum = partial[c];
            boolean wantGradient = gradient != null;
            for (int i = c * CHUNK, end = Math.min(rows, (c + 1) * CHUNK); i < end; i++) {
                double w = data.weight(i);
                int level = data.frequencyLevelIndex(i);
                sum[0] += w * ParetoNbdLikelihood.logLikelihood(r, alpha, s, beta, data.frequency(i),
                        data.recency(i), data.age(i), lnGammaRatio[level], digammaRatio[level],
                        wantGradient ? work : null);
                if (wantGradient) {
                    for (int k = 0; k < 4; k++) {
                        sum[k + 1] += w * work[k];
                    }
                }
            }
        });
        double total = 0;
        double[] g = new double[4];
        for (double[] p : partial) {
            total += p[0];
            for (int k = 0; k < 4; k++) {
                g[k] += p[k + 1];
            }
        }
        if (gradient != null) {
            System.arraycopy(g, 0, gradient, 0, 4);
        }
        return total;
    }

    /**
     * Starts from a purchase rate matching the mean frequency ({@code r / alpha = mean x /
     * mean T}) and a mean lifetime of the order of the observation period, then from
     * halved and doubled variants.
     */
    @Override
    public List<double[]> startingPoints(BtydData data) {
        double meanX = Math.max(data.meanFrequency(), 0.05);
        double meanT = data.meanAge();
        double alpha = Math.max(1e-3, meanT / meanX);
        return List.of(
                new double[] {1, alpha, 1, meanT},
                new double[] {0.5, 0.5 * alpha, 0.5, 0.5 * meanT},
                new double[] {2, 2 * alpha, 2, 2 * meanT},
                new double[] {0.1, 1, 0.1, 1});
    }

    @Override
    protected ParetoNbd create(double[] parameters) {
        return ParetoNbd.of(parameters[0], parameters[1], parameters[2], parameters[3]);
    }
}
