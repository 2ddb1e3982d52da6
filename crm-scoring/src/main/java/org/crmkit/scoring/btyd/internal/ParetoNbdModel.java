package org.crmkit.scoring.btyd.internal;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.ParetoNbd;
import org.hipparchus.special.Gamma;

/**
 * Pareto/NBD as a {@link BtydModel} service provider (users reach it through
 * {@link ParetoNbd#model()} or {@code BtydModels.byName("pareto-nbd")}): the weighted sum of the individual log-likelihoods of
 * {@link ParetoNbdLikelihood} and their gradients. Large tables are split into chunks
 * evaluated in parallel; each chunk reuses one work array, so evaluation does not
 * allocate per customer. {@code ln Gamma(r + x)} and {@code psi(r + x)} are computed once
 * per distinct frequency ({@link BtydData#frequencyLevel(int)}), not once per row.
 *
 * <p>Thread-safe: stateless.
 */
public final class ParetoNbdModel extends ModelSpecification<ParetoNbd> {

    private static final List<String> NAMES = List.of("r", "alpha", "s", "beta");
    private static final int CHUNK = 8192;

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public ParetoNbdModel() {
        super(ParetoNbd.NAME, NAMES);
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient,
            Parallelism parallelism) {
        Objects.requireNonNull(parallelism, "parallelism");
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
        boolean wantGradient = gradient != null;
        return LikelihoodSum.evaluate(rows, NAMES.size(), CHUNK, parallelism, gradient, (from, to, sums, at) -> {
            double[] work = wantGradient ? new double[ParetoNbdLikelihood.WORK_LENGTH] : null;
            for (int i = from; i < to; i++) {
                int level = data.frequencyLevelIndex(i);
                double ll = ParetoNbdLikelihood.logLikelihood(r, alpha, s, beta, data.frequency(i),
                        data.recency(i), data.age(i), lnGammaRatio[level], digammaRatio[level], work);
                LikelihoodSum.addRow(sums, at, data.weight(i), ll, work, NAMES.size());
            }
        });
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
