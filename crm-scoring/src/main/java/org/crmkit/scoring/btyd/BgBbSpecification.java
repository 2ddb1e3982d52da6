package org.crmkit.scoring.btyd;

import java.util.List;
import org.crmkit.scoring.btyd.internal.ModelSupport;

/**
 * BG/BB as a {@link BtydModel}: the weighted sum of {@link BgBbLikelihood} over the rows,
 * each checked to be a discrete-opportunity history (see {@link BgBb}).
 *
 * <p>Thread-safe: stateless.
 */
final class BgBbSpecification implements BtydModel<BgBb> {

    private static final List<String> NAMES = List.of("alpha", "beta", "gamma", "delta");

    @Override
    public String name() {
        return BgBb.NAME;
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        ModelSupport.requireLength(name(), parameters, 4);
        double a = ModelSupport.requirePositive("alpha", parameters[0]);
        double b = ModelSupport.requirePositive("beta", parameters[1]);
        double g = ModelSupport.requirePositive("gamma", parameters[2]);
        double d = ModelSupport.requirePositive("delta", parameters[3]);
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
    public BgBb withParameters(double[] parameters) {
        ModelSupport.requireLength(name(), parameters, 4);
        return BgBb.of(parameters[0], parameters[1], parameters[2], parameters[3]);
    }

    @Override
    public String toString() {
        return name();
    }
}
