package org.crmkit.scoring.diagnostics;

import java.util.Map;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SimulatedCohort;

/**
 * A purchase model with closed forms simple enough to compute plot data by hand:
 * {@code E[X(t)] = rate t}, {@code P(X(t) = n)} Poisson with mean {@code rate t},
 * {@code E[Y(t) | x, t_x, T] = t (x + 1) / (T + 1)}, {@code P(alive) = (t_x + 1) / (T + 1)}.
 */
final class LinearModel implements PurchaseModel {
    private final double rate;

    LinearModel(double rate) {
        this.rate = rate;
    }

    @Override
    public String modelName() {
        return "linear";
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("rate", rate);
    }

    @Override
    public double expectedPurchases(double t) {
        return rate * t;
    }

    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double age) {
        return t * (x + 1) / (age + 1);
    }

    @Override
    public double probabilityAlive(double x, double tx, double age) {
        return (tx + 1) / (age + 1);
    }

    @Override
    public double probabilityAliveAt(double t, double x, double tx, double age) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double probabilityOfPurchases(int n, double t) {
        double mean = rate * t;
        double p = Math.exp(-mean);
        for (int k = 1; k <= n; k++) {
            p *= mean / k;
        }
        return p;
    }

    @Override
    public double conditionalProbabilityOfPurchases(int n, double t, double x, double tx, double age) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SimulatedCohort simulate(double[] ages, double holdout, long seed) {
        throw new UnsupportedOperationException();
    }
}
