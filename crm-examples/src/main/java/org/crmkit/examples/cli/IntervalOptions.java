package org.crmkit.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.scoring.ProgressListener;
import org.crmkit.scoring.btyd.BtydModel;
import org.crmkit.scoring.btyd.BtydModels;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SpendModel;
import org.crmkit.scoring.summary.CustomerSummaries;
import org.crmkit.scoring.uncertainty.ParameterDraws;
import org.crmkit.scoring.uncertainty.ParametricBootstrap;
import org.crmkit.scoring.uncertainty.PredictionIntervals;
import picocli.CommandLine.Option;

/**
 * The interval options of {@code crm predict} and {@code crm evaluate}, as a picocli mixin:
 * {@code --intervals LEVEL [--draws N] [--seed S] [--interval-method covariance|bootstrap]}.
 *
 * <p>{@code covariance} (the default) draws the parameters from the covariance in the model
 * file ({@code crm fit} writes it), normal on the log scale; {@code bootstrap} refits the
 * purchase model N times to cohorts simulated from it with the ages T of the summary's
 * customers (the summary the model was fitted to), which takes N fits. A spend model's
 * parameters are always drawn from its file's covariance.
 *
 * <pre>{@code
 * crm predict --model bgnbd.json --summary s.csv --horizon 39 --intervals 0.9 --draws 200 --seed 7 --out p.csv
 * }</pre>
 */
public final class IntervalOptions {
    @Option(names = "--intervals", paramLabel = "LEVEL",
            description = "add LEVEL intervals (e.g. 0.9): _low and _high columns (predict), the interval of the"
                    + " predicted total (evaluate)")
    private Double level;

    @Option(names = "--draws", defaultValue = "200", paramLabel = "N",
            description = "parameter draws or bootstrap refits for --intervals (default 200)")
    private int draws;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "random seed of --intervals (default 0)")
    private long seed;

    @Option(names = "--interval-method", defaultValue = "covariance", paramLabel = "covariance|bootstrap",
            description = "parameter uncertainty from the model file's covariance (default) or a parametric bootstrap")
    private String method;

    /**
     * Returns whether intervals were asked for.
     *
     * @return true with {@code --intervals}
     */
    public boolean requested() {
        return level != null;
    }

    /**
     * Returns the seed.
     *
     * @return the {@code --seed} value
     */
    long seed() {
        return seed;
    }

    /** Checks the options before any input is read. */
    void validate() {
        if (level == null) {
            return;
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("--intervals: the level must be in (0, 1), e.g. 0.9; got " + level);
        }
        if (draws < 2 || draws > ParameterDraws.MAX_DRAWS) {
            throw new IllegalArgumentException("--draws: must be in [2, " + ParameterDraws.MAX_DRAWS + "], got " + draws);
        }
        if (!method.equals("covariance") && !method.equals("bootstrap")) {
            throw new IllegalArgumentException("--interval-method: expected covariance or bootstrap, got '" + method + "'");
        }
    }

    /**
     * Builds the intervals of a purchase model (and a spend model) read from files.
     *
     * @param model the purchase model read from {@code modelFile}
     * @param modelFile its file, for messages
     * @param covariance the covariance in that file, if any
     * @param spend the spend model, or null
     * @param spendFile its file
     * @param spendCovariance the covariance in the spend file, if any
     * @param summaries the customers, for the bootstrap's ages
     * @param summaryFile their file, for messages
     * @param progress the progress listener of the bootstrap
     */
    PredictionIntervals intervals(PurchaseModel model, Path modelFile, Optional<double[][]> covariance,
            SpendModel spend, Path spendFile, Optional<double[][]> spendCovariance, CustomerSummaries summaries,
            Path summaryFile, ProgressListener progress) {
        ParameterDraws<? extends PurchaseModel> purchaseDraws;
        if (method.equals("bootstrap")) {
            List<Double> ages = new ArrayList<>();
            for (int i = 0; i < summaries.size(); i++) {
                if (summaries.t(i) > 0) {
                    ages.add(summaries.t(i));
                }
            }
            if (ages.isEmpty()) {
                throw new BadInputException(summaryFile, 0, "T", "--interval-method bootstrap: no customer with T > 0");
            }
            purchaseDraws = bootstrap(model, ages.stream().mapToDouble(Double::doubleValue).toArray(), progress);
        } else {
            purchaseDraws = fromCovariance(model, modelFile, covariance);
        }
        PredictionIntervals intervals = PredictionIntervals.of(purchaseDraws, level);
        if (spend != null) {
            try {
                intervals = intervals.withSpend(fromCovariance(spend, spendFile, spendCovariance));
            } catch (IllegalArgumentException e) {
                throw BadInputException.definition(spendFile, 1, "covariance", e.getMessage());
            }
        }
        return intervals;
    }

    /** Draws of a model read from a file; the draws are of the estimate's own type. */
    @SuppressWarnings("unchecked") // every draw is made by the same model.withParameters as the estimate
    private <F extends FittedModel> ParameterDraws<F> fromCovariance(F estimate, Path file,
            Optional<double[][]> covariance) {
        double[][] c = covariance.orElseThrow(() -> BadInputException.definition(file, 1, "covariance",
                "--intervals needs the covariance of the estimates, which this model file lacks (crm fit writes it;"
                        + " or use --interval-method bootstrap)"));
        BtydModel<F> model = (BtydModel<F>) BtydModels.require(estimate.modelName());
        try {
            return ParameterDraws.fromCovariance(model, estimate, c, draws, seed);
        } catch (IllegalArgumentException e) {
            throw BadInputException.definition(file, 1, "covariance", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked") // the registry's model for the estimate's name makes estimates of its type
    private <F extends PurchaseModel> ParameterDraws<F> bootstrap(F estimate, double[] ages,
            ProgressListener progress) {
        BtydModel<F> model = (BtydModel<F>) BtydModels.require(estimate.modelName());
        try {
            return ParametricBootstrap.of(model, estimate, ages).withRefits(draws).withSeed(seed)
                    .withProgress(progress).run();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--interval-method bootstrap: " + e.getMessage(), e);
        }
    }
}
