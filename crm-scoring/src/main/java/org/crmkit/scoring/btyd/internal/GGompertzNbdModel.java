package org.crmkit.scoring.btyd.internal;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.GGompertzNbd;
import org.hipparchus.special.Gamma;

/**
 * GGompertz/NBD as a {@link BtydModel} service provider (users reach it through
 * {@link GGompertzNbd#model()} or {@code BtydModels.byName("ggompertz-nbd")}): the weighted sum
 * of the individual log-likelihoods of {@link GGompertzNbdFormulas} and their gradients, over
 * the distinct rows of {@link BtydData}, in parallel chunks that each reuse one integrand and
 * one work array. {@code ln Gamma(r + x)} and {@code psi(r + x)} are computed once per distinct
 * frequency.
 *
 * <p>Thread-safe: stateless.
 */
public final class GGompertzNbdModel extends ModelSpecification<GGompertzNbd> {

    private static final List<String> NAMES = List.of("r", "alpha", "b", "s", "beta");
    private static final int CHUNK = 1024;

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public GGompertzNbdModel() {
        super(GGompertzNbd.NAME, NAMES);
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient,
            Parallelism parallelism) {
        Objects.requireNonNull(parallelism, "parallelism");
        Objects.requireNonNull(data, "data");
        requirePositiveParameters(parameters);
        double r = parameters[0];
        double alpha = parameters[1];
        double b = parameters[2];
        double s = parameters[3];
        double beta = parameters[4];
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
        return LikelihoodSum.evaluate(data.size(), NAMES.size(), CHUNK, parallelism, gradient, (from, to, sums, at) -> {
            double[] work = wantGradient ? new double[GGompertzNbdFormulas.WORK_LENGTH] : null;
            GGompertzNbdFormulas.LikelihoodIntegrand integrand = new GGompertzNbdFormulas.LikelihoodIntegrand();
            for (int i = from; i < to; i++) {
                int level = data.frequencyLevelIndex(i);
                double ll = GGompertzNbdFormulas.logLikelihood(r, alpha, b, s, beta, data.frequency(i),
                        data.recency(i), data.age(i), lnGammaRatio[level], digammaRatio[level], integrand, work);
                LikelihoodSum.addRow(sums, at, data.weight(i), ll, work, NAMES.size());
            }
        });
    }

    /**
     * Starts from the purchase rate of the mean frequency ({@code r / alpha = mean x / mean T}),
     * a Gompertz {@code b} of one over the mean age (hazard doubling over about 0.7 mean ages)
     * and {@code s = beta = 1}, then from variants with weaker and stronger ageing.
     */
    @Override
    public List<double[]> startingPoints(BtydData data) {
        double meanX = Math.max(data.meanFrequency(), 0.05);
        double meanT = data.meanAge();
        double alpha = Math.max(1e-3, meanT / meanX);
        double b = 1.0 / meanT;
        return List.of(
                new double[] {1, alpha, b, 1, 1},
                new double[] {0.5, 0.5 * alpha, 0.1 * b, 0.5, 0.5},
                new double[] {2, 2 * alpha, 3 * b, 2, 2},
                new double[] {0.5, 2, 0.5, 0.5, 0.5});
    }

    @Override
    protected GGompertzNbd create(double[] parameters) {
        return GGompertzNbd.of(parameters[0], parameters[1], parameters[2], parameters[3], parameters[4]);
    }
}
