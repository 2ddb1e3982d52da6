package org.crmkit.consumertest.plugin;

import java.util.List;
import java.util.Objects;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.BtydModel;

/**
 * An example of a researcher's own model plugged in through the {@code BtydModel} SPI: purchases
 * form a Poisson process with one rate for everybody and no dropout, the strawman a
 * buy-till-you-die model is compared with.
 *
 * <p>Log-likelihood of a customer with x repeat purchases observed over an age T (the density of a
 * Poisson process's event times on (0, T], e.g. Cox and Lewis 1966, "The Statistical Analysis of
 * Series of Events", ch. 2): {@code ln L = x ln(lambda) - lambda T}; its derivative is
 * {@code x / lambda - T}, so the maximum-likelihood rate is {@code sum(x) / sum(T)}.
 *
 * <p>Registered in {@code META-INF/services/org.crmkit.scoring.btyd.BtydModel}; stateless and
 * thread-safe.
 */
public final class PoissonRateModel implements BtydModel<PoissonRate> {
    /** The model's registry name. */
    public static final String NAME = "poisson-rate";

    /** Creates the model; the service loader calls this. */
    public PoissonRateModel() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> parameterNames() {
        return List.of("lambda");
    }

    @Override
    public double logLikelihood(double[] parameters, BtydData data, double[] gradient) {
        double lambda = parameters[0];
        double ll = 0;
        double dLambda = 0;
        for (int i = 0; i < data.size(); i++) {
            double w = data.weight(i);
            double x = data.frequency(i);
            ll += w * ((x == 0 ? 0 : x * Math.log(lambda)) - lambda * data.age(i));
            dLambda += w * (x / lambda - data.age(i));
        }
        if (gradient != null) {
            gradient[0] = dLambda;
        }
        return ll;
    }

    @Override
    public List<double[]> startingPoints(BtydData data) {
        Objects.requireNonNull(data, "data");
        double purchases = 0;
        double exposure = 0;
        for (int i = 0; i < data.size(); i++) {
            purchases += data.weight(i) * data.frequency(i);
            exposure += data.weight(i) * data.age(i);
        }
        // the closed-form estimate, kept off zero when nobody bought again
        return List.<double[]>of(new double[] {Math.max(purchases, 0.5) / exposure});
    }

    @Override
    public PoissonRate withParameters(double[] parameters) {
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.length != 1) {
            throw new IllegalArgumentException("poisson-rate takes 1 parameter, got " + parameters.length);
        }
        return new PoissonRate(parameters[0]);
    }
}
