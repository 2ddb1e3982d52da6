package org.crmkit.scoring.btyd.internal;

import java.util.List;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;

/**
 * BG/BB as a {@link BtydModel} service provider: the weighted sum of
 * {@link BgBbLikelihood} over the rows, each checked to be a discrete-opportunity history
 * (see {@link BgBb}); users reach it through {@link BgBb#model()} or
 * {@code BtydModels.byName("bg-bb")}.
 *
 * <p>Thread-safe: stateless.
 */
public final class BgBbModel extends ModelSpecification<BgBb> {

    private static final List<String> NAMES = List.of("alpha", "beta", "gamma", "delta");
    private static final int CHUNK = 4096;

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public BgBbModel() {
        super(BgBb.NAME, NAMES);
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient,
            Parallelism parallelism) {
        requirePositiveParameters(parameters);
        double a = parameters[0];
        double b = parameters[1];
        double g = parameters[2];
        double d = parameters[3];
        int rows = data.size();
        for (int i = 0; i < rows; i++) {
            BgBbFormulas.requireHistory(i, data.frequency(i), data.recency(i), data.age(i));
        }
        boolean wantGradient = gradient != null;
        return LikelihoodSum.evaluate(rows, NAMES.size(), CHUNK, parallelism, gradient, (from, to, sums, at) -> {
            double[] work = wantGradient ? new double[BgBbLikelihood.WORK_LENGTH] : null;
            for (int i = from; i < to; i++) {
                double ll = BgBbLikelihood.logLikelihood(a, b, g, d, (int) data.frequency(i),
                        (int) data.recency(i), (int) data.age(i), work);
                LikelihoodSum.addRow(sums, at, data.weight(i), ll, work, NAMES.size());
            }
        });
    }

    @Override
    public List<double[]> startingPoints(BtydData data) {
        return List.of(new double[] {1, 1, 1, 1}, new double[] {0.5, 0.5, 0.5, 2},
                new double[] {2, 1, 1, 4}, new double[] {0.1, 0.1, 0.1, 0.1});
    }

    @Override
    protected BgBb create(double[] parameters) {
        return BgBb.of(parameters[0], parameters[1], parameters[2], parameters[3]);
    }
}
