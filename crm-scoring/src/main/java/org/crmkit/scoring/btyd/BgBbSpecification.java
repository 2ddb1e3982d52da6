package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.internal.ModelSpecification;

/**
 * BG/BB as a {@link BtydModel}: the weighted sum of {@link BgBbLikelihood} over the rows,
 * each checked to be a discrete-opportunity history (see {@link BgBb}).
 *
 * <p>Thread-safe: stateless.
 */
final class BgBbSpecification extends ModelSpecification<BgBb> {

    BgBbSpecification() {
        super(BgBb.NAME, List.of("alpha", "beta", "gamma", "delta"));
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        requirePositiveParameters(parameters);
        double a = parameters[0];
        double b = parameters[1];
        double g = parameters[2];
        double d = parameters[3];
        double[] work = gradient == null ? null : new double[5];
        double total = 0;
        double[] sum = new double[4];
        for (int i = 0; i < data.size(); i++) {
            double x = data.frequency(i);
            double tx = data.recency(i);
            double n = data.age(i);
            BgBb.requireHistory(i, x, tx, n);
            double w = data.weight(i);
            total += w * BgBbLikelihood.logLikelihood(a, b, g, d, (int) x, (int) tx, (int) n, work);
            if (work != null) {
                for (int k = 0; k < 4; k++) {
                    sum[k] += w * work[k];
                }
            }
        }
        if (gradient != null) {
            System.arraycopy(sum, 0, gradient, 0, 4);
        }
        return total;
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
