package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.crmkit.scoring.ProgressEvent;
import org.crmkit.scoring.ProgressListener;
import org.crmkit.scoring.uncertainty.PredictionIntervals;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SpendModel;
import org.crmkit.core.csv.CsvField;
import org.crmkit.scoring.summary.CustomerSummaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm predict}: scores the customers of a summary CSV with a fitted transaction
 * model and writes {@code customer_id,expected_purchases,p_alive}, and with a spend model
 * also {@code expected_spend,clv}.
 *
 * <pre>{@code
 * crm predict --model bgnbd.json --spend-model gg.json --summary summary.csv \
 *     --horizon 52 --discount-rate 0.002 --out predictions.csv
 * }</pre>
 *
 * <p>{@code expected_purchases} is the conditional expectation over the next
 * {@code --horizon} time units; {@code p_alive} the probability of being alive now (at T);
 * {@code expected_spend} the spend model's expected value per purchase; {@code clv} the
 * discounted expected residual value over the horizon: the sum over each future time unit
 * k of its expected purchases discounted by {@code (1 + D)^k}, times the expected spend
 * (the horizon must then be a whole number of time units). {@code --horizon 0} is allowed and
 * gives zero expected purchases and value, as the API does.
 *
 * <p>For the discrete-time BG/BB model {@code p_alive} is P(alive at opportunity n), the
 * probability of having survived the n opportunities observed (1 when the last one had a
 * purchase); a further column {@code p_alive_next_period} gives P(alive in period n + 1), the
 * quantity Fader, Hardie and Shang (2010) and the BTYD package report
 * ({@link PurchaseModel#probabilityAliveAt} with t = 1).
 *
 * <p>{@code --intervals LEVEL [--draws N] [--seed S] [--interval-method covariance|bootstrap]}
 * adds {@code _low} and {@code _high} after each of {@code expected_purchases}, {@code p_alive},
 * {@code expected_spend} and {@code clv}: intervals for these expectations from parameter
 * uncertainty only ({@link IntervalOptions}, {@link PredictionIntervals}). Work longer than
 * 2 s shows progress on stderr unless {@code --quiet} ({@link ProgressOptions}).
 *
 * <p>Model files may hold only {@code model} and {@code parameters}. Bad input exits with
 * code 2 and one line; the status line goes to stderr, so {@code --out -} writes a clean CSV
 * on stdout.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score customers of a summary CSV with a fitted model.")
public final class PredictCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json",
            description = "fitted transaction model (crm fit output); - for stdin")
    private Path model;

    @Option(names = "--spend-model", paramLabel = "GG.json", description = "fitted spend model")
    private Path spendModel;

    @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv",
            description = "summary CSV; - for stdin")
    private Path summary;

    @Option(names = "--horizon", required = true, paramLabel = "T",
            description = "prediction window in the summary's time unit, >= 0")
    private double horizon;

    @Option(names = "--discount-rate", defaultValue = "0", paramLabel = "D",
            description = "discount rate per time unit for clv (default 0)")
    private double discountRate;

    @Mixin
    private OutputOptions output;

    @Mixin
    private IntervalOptions intervals;

    @Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() throws IOException {
        output.refuseInputs(model, spendModel, summary);
        if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("--horizon: not a number >= 0: " + horizon);
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("--discount-rate: not a number >= 0: " + discountRate);
        }
        intervals.validate();
        String modelJson = JsonLines.readDocument(spec, model, "crm fit");
        if (CovariateCommands.isCovariateModel(modelJson)) {
            return predictWithCovariates(CovariateCommands.readModel(model, modelJson));
        }
        BtydCommands.ModelFile modelFile = BtydCommands.readModelFile(model, modelJson);
        FittedModel m = modelFile.model();
        if (!(m instanceof PurchaseModel purchases)) {
            throw BadInputException.definition(model, 1, "model", "model \"" + m.modelName()
                    + "\" does not predict purchases; give it as --spend-model");
        }
        SpendModel spend = null;
        BtydCommands.ModelFile spendFile = null;
        if (spendModel != null) {
            spendFile = BtydCommands.readModelFile(spec, spendModel);
            FittedModel s = spendFile.model();
            if (!(s instanceof SpendModel sm)) {
                throw BadInputException.definition(spendModel, 1, "model", "model \"" + s.modelName()
                        + "\" is not a spend model");
            }
            spend = sm;
            if (horizon != Math.rint(horizon)) {
                throw new IllegalArgumentException("--horizon: clv needs a whole number of time units, got "
                        + horizon);
            }
        }
        CustomerSummaries t = BtydCommands.readSummary(spec, summary);
        if (spend != null && !t.hasMonetaryValue()) {
            throw new BadInputException(summary, 1, "monetary_value", "missing column, needed with --spend-model");
        }
        int n = t.size();
        boolean discrete = m instanceof BgBb;
        SpendModel spendModelOrNull = spend;
        ProgressListener listener = progress.listener(spec);
        long started = System.nanoTime();
        PredictionIntervals bands = !intervals.requested() ? null : intervals.intervals(purchases, model,
                modelFile.covariance(), spend, spendModel, spendFile == null ? Optional.empty() : spendFile.covariance(),
                t, summary, listener);
        try (AtomicOutput out = output.open(spec)) {
            Writer w = out.writer();
            w.write(header(discrete, spend != null, bands != null));
            StringBuilder sb = new StringBuilder(128);
            // blocks of rows: beside the summaries only a block's columns are held, so the
            // heap needed grows by about 42 bytes per row, not 90
            Block block = null;
            for (int from = 0; from < n; from += BLOCK) {
                int size = Math.min(BLOCK, n - from);
                if (block == null || block.size() != size) {
                    block = new Block(size, spend != null);
                }
                block.predict(t, from, purchases, spendModelOrNull, horizon, discountRate, summary);
                Bands band = bands == null ? null : Bands.of(bands, block, t, from, spend != null, horizon, discountRate);
                for (int j = 0; j < size; j++) {
                    int i = from + j;
                    sb.setLength(0);
                    CsvField.append(sb, t.customerId(i), output.spreadsheetSafe());
                    sb.append(',').append(block.expected[j]);
                    Bands.append(sb, band == null ? null : band.expected, j);
                    sb.append(',').append(block.alive[j]);
                    Bands.append(sb, band == null ? null : band.alive, j);
                    if (discrete) {
                        sb.append(',').append(purchases.probabilityAliveAt(1, block.x[j], block.tx[j], block.age[j]));
                    }
                    if (spend != null) {
                        double perPurchase = spend.conditionalExpectedSpend(block.x[j], t.monetaryValue(i));
                        sb.append(',').append(perPurchase);
                        Bands.append(sb, band == null ? null : band.spend, j);
                        sb.append(',').append(block.discounted[j] * perPurchase);
                        Bands.append(sb, band == null ? null : band.clv, j);
                    }
                    w.write(sb.append('\n').toString());
                }
                if (!listener.isSilent()) {
                    listener.onProgress(ProgressEvent.of("predict: customers", from + size, n,
                            Duration.ofNanos(System.nanoTime() - started)));
                }
            }
            out.commit();
        }
        progress.finish();
        spec.commandLine().getErr().printf("wrote predictions for %d customers to %s%n", n, output.describe());
        return 0;
    }

    /** A covariate model ({@code crm fit --covariates}): each customer predicted from its own covariates. */
    private int predictWithCovariates(org.crmkit.scoring.btyd.CovariateModel m) throws IOException {
        if (intervals.requested()) {
            throw new IllegalArgumentException("--intervals: not supported for a model with covariates");
        }
        SpendModel spend = null;
        if (spendModel != null) {
            FittedModel s = BtydCommands.readModelFile(spec, spendModel).model();
            if (!(s instanceof SpendModel sm)) {
                throw BadInputException.definition(spendModel, 1, "model", "model \"" + s.modelName()
                        + "\" is not a spend model");
            }
            spend = sm;
            if (horizon != Math.rint(horizon)) {
                throw new IllegalArgumentException("--horizon: clv needs a whole number of time units, got "
                        + horizon);
            }
        }
        return CovariateCommands.predict(spec, model, m, spend, summary, horizon, discountRate, output);
    }

    /** The header line: each predicted column followed, with intervals, by its _low and _high. */
    private static String header(boolean discrete, boolean spend, boolean bands) {
        StringBuilder h = new StringBuilder("customer_id");
        for (String c : spend ? List.of("expected_purchases", "p_alive", "expected_spend", "clv")
                : List.of("expected_purchases", "p_alive")) {
            h.append(',').append(c);
            if (bands) {
                h.append(',').append(c).append("_low,").append(c).append("_high");
            }
            if (discrete && c.equals("p_alive")) {
                h.append(",p_alive_next_period");
            }
        }
        return h.append('\n').toString();
    }

    /** The interval ends of one block's columns (null arrays: no such column). */
    private record Bands(double[][] expected, double[][] alive, double[][] spend, double[][] clv) {
        static Bands of(PredictionIntervals bands, Block block, CustomerSummaries t, int from, boolean withSpend,
                double horizon, double discountRate) {
            int size = block.size();
            double[][] expected = new double[2][size];
            double[][] alive = new double[2][size];
            bands.expectedPurchases(horizon, block.x, block.tx, block.age, expected[0], expected[1]);
            bands.probabilityAlive(block.x, block.tx, block.age, alive[0], alive[1]);
            if (!withSpend) {
                return new Bands(expected, alive, null, null);
            }
            double[] m = new double[size];
            for (int j = 0; j < size; j++) {
                m[j] = t.monetaryValue(from + j);
            }
            double[][] spend = new double[2][size];
            double[][] clv = new double[2][size];
            bands.expectedSpend(block.x, m, spend[0], spend[1]);
            bands.lifetimeValue((long) Math.min(horizon, Long.MAX_VALUE), discountRate, block.x, block.tx, block.age,
                    m, clv[0], clv[1]);
            return new Bands(expected, alive, spend, clv);
        }

        static void append(StringBuilder sb, double[][] ends, int j) {
            if (ends != null) {
                sb.append(',').append(ends[0][j]).append(',').append(ends[1][j]);
            }
        }
    }

    /** Rows predicted at a time. */
    static final int BLOCK = 1 << 16;

    /** The columns of one block of rows; confined to one call. */
    private record Block(double[] x, double[] tx, double[] age, double[] expected, double[] alive,
            double[] discounted) {
        Block(int size, boolean withSpend) {
            this(new double[size], new double[size], new double[size], new double[size], new double[size],
                    withSpend ? new double[size] : null);
        }

        int size() {
            return x.length;
        }

        /** Predicts rows {@code from .. from + size() - 1} of the summaries. */
        void predict(CustomerSummaries t, int from, PurchaseModel purchases, SpendModel spend, double horizon,
                double discountRate, Path file) {
            for (int j = 0; j < x.length; j++) {
                x[j] = t.frequency(from + j);
                tx[j] = t.recency(from + j);
                age[j] = t.t(from + j);
            }
            try {
                purchases.predict(horizon, x, tx, age, expected, alive);
            } catch (IllegalArgumentException e) {
                throw BtydCommands.locateRow(file, t, e,
                        i -> purchases.probabilityAlive(t.frequency(i), t.recency(i), t.t(i)));
            }
            // any horizon: the discounted sum costs the same for 52 periods and for 10^12
            if (spend != null) {
                purchases.discountedExpectedPurchases((long) Math.min(horizon, Long.MAX_VALUE), discountRate, x, tx,
                        age, discounted, Parallelism.defaults());
            }
        }
    }
}
