package org.crmkit.scoring.btyd.internal;

import java.util.List;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.FittedModel;

/**
 * The specification shared by BG/NBD and MBG/NBD: the same parameters and starting
 * points, and the likelihood of {@link BetaGeometricNbd} with its {@code modified} flag
 * selecting the model.
 *
 * <p>Thread-safe: immutable.
 *
 * @param <M> the fitted model type
 */
abstract class BetaGeometricSpecification<M extends FittedModel> extends ModelSpecification<M> {

    private static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    private final boolean modified;

    BetaGeometricSpecification(String name, boolean modified) {
        super(name, NAMES);
        this.modified = modified;
    }

    @Override
    public final double logLikelihood(double[] parameters, BtydData data, double[] gradient,
            Parallelism parallelism) {
        return BetaGeometricNbd.logLikelihood(parameters, data, gradient, modified,
                java.util.Objects.requireNonNull(parallelism, "parallelism"));
    }

    @Override
    public final List<double[]> startingPoints(BtydData data) {
        return BetaGeometricNbd.startingPoints(data);
    }
}
