package org.crmkit.scoring.btyd.internal;

import java.util.List;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.GammaGamma;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma spend model as a {@link BtydModel} service provider; users reach it
 * through {@link GammaGamma#model()} or {@code BtydModels.byName("gamma-gamma")}.
 *
 * <p>The likelihood (Fader and Hardie 2013, "The Gamma-Gamma model of monetary value";
 * Fader, Hardie and Lee 2005, JMR 42(4)) of the mean {@code m} of
 * {@code x > 0} repeat transactions is
 * {@code Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q m^(px-1) x^(px) / (gamma + m x)^(px+q)};
 * rows with {@code x = 0} carry no spend information and are skipped.
 *
 * <p>Thread-safe: stateless.
 */
public final class GammaGammaModel extends ModelSpecification<GammaGamma> {

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public GammaGammaModel() {
        super(GammaGamma.NAME, List.of("p", "q", "v"));
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        ModelSupport.requireLength(name(), parameters, 3);
        requireSpend(data);
        double p = parameters[0];
        double q = parameters[1];
        double v = parameters[2];
        int levels = data.frequencyLevelCount();
        double[] lg = new double[levels];
        double[] psiPxq = new double[levels];
        double[] psiPx = new double[levels];
        double[] logX = new double[levels];
        for (int k = 0; k < levels; k++) {
            double x = data.frequencyLevel(k);
            if (x > 0) {
                double px = p * x;
                lg[k] = Gamma.logGamma(px + q) - Gamma.logGamma(px);
                psiPxq[k] = Gamma.digamma(px + q);
                psiPx[k] = Gamma.digamma(px);
                logX[k] = Math.log(x);
            }
        }
        double lgq = Gamma.logGamma(q);
        double psiq = Gamma.digamma(q);
        double logV = Math.log(v);
        double ll = 0;
        double gp = 0;
        double gq = 0;
        double gv = 0;
        for (int i = 0; i < data.size(); i++) {
            double x = data.frequency(i);
            if (x == 0) {
                continue;
            }
            int k = data.frequencyLevelIndex(i);
            double w = data.weight(i);
            double m = data.monetary(i);
            double px = p * x;
            double logM = Math.log(m);
            double vmx = v + m * x;
            double logVmx = Math.log(vmx);
            ll += w * (lg[k] - lgq + q * logV + (px - 1) * logM + px * logX[k] - (px + q) * logVmx);
            gp += w * x * (psiPxq[k] - psiPx[k] + logM + logX[k] - logVmx);
            gq += w * (psiPxq[k] - psiq + logV - logVmx);
            gv += w * (q / v - (px + q) / vmx);
        }
        if (gradient != null) {
            gradient[0] = gp;
            gradient[1] = gq;
            gradient[2] = gv;
        }
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
    }

    private static void requireSpend(BtydData data) {
        if (!data.hasMonetary()) {
            throw new IllegalArgumentException("the Gamma-Gamma model needs monetary values");
        }
        boolean any = false;
        double nonPositive = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency(i) > 0) {
                any = true;
                if (!(data.monetary(i) > 0)) {
                    nonPositive += data.weight(i);
                }
            }
        }
        if (nonPositive > 0) {
            // the rows are compressed here, so the customers can only be named before
            throw new IllegalArgumentException(nonPositive + " repeat customer(s) have a mean repeat spend of 0:"
                    + " Gamma-Gamma needs a positive mean spend; build the data with"
                    + " BtydData.forSpendModel(summaries, NonPositiveSpendPolicy) to name them (REJECT)"
                    + " or leave them out and count them (EXCLUDE)");
        }
        if (!any) {
            throw new IllegalArgumentException("no customer with repeat purchases: "
                    + "Gamma-Gamma has nothing to fit");
        }
    }

    @Override
    public List<double[]> startingPoints(BtydData data) {
        double sum = 0;
        double count = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency(i) > 0 && data.monetary(i) > 0) {
                sum += data.weight(i) * data.monetary(i);
                count += data.weight(i);
            }
        }
        double mean = count > 0 ? sum / count : 1;
        // E[m] ~ p v / (q - 1): start from p = 2, q = 3 and v matching the mean
        return List.of(new double[] {2, 3, mean}, new double[] {1, 2, mean / 2},
                new double[] {5, 5, mean}, new double[] {0.5, 1.5, mean / 4});
    }

    @Override
    protected GammaGamma create(double[] parameters) {
        return GammaGamma.of(parameters[0], parameters[1], parameters[2]);
    }
}
