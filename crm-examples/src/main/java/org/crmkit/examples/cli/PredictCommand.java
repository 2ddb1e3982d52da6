package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BgBb;
import org.crmkit.scoring.btyd.BtydData;
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

    @Override
    public Integer call() throws IOException {
        output.refuseInputs(model, spendModel, summary);
        if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("--horizon: not a number >= 0: " + horizon);
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("--discount-rate: not a number >= 0: " + discountRate);
        }
        FittedModel m = BtydCommands.readModel(spec, model);
        if (!(m instanceof PurchaseModel purchases)) {
            throw BadInputException.definition(model, 1, "model", "model \"" + m.modelName()
                    + "\" does not predict purchases; give it as --spend-model");
        }
        SpendModel spend = null;
        if (spendModel != null) {
            FittedModel s = BtydCommands.readModel(spec, spendModel);
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
        double[] x = BtydData.frequencies(t);
        double[] tx = t.recencyColumn();
        double[] age = t.tColumn();
        double[] expected = new double[n];
        double[] alive = new double[n];
        boolean discrete = m instanceof BgBb;
        try {
            purchases.predict(horizon, x, tx, age, expected, alive);
        } catch (IllegalArgumentException e) {
            throw BtydCommands.locateRow(summary, t, e, i -> purchases.probabilityAlive(x[i], tx[i], age[i]));
        }
        // any horizon: the discounted sum costs the same for 52 periods and for 10^12
        double[] discounted = spend == null ? null : new double[n];
        if (spend != null) {
            purchases.discountedExpectedPurchases((long) Math.min(horizon, Long.MAX_VALUE), discountRate, x, tx,
                    age, discounted, Parallelism.defaults());
        }
        try (AtomicOutput out = output.open(spec)) {
            Writer w = out.writer();
            w.write("customer_id,expected_purchases,p_alive" + (discrete ? ",p_alive_next_period" : "")
                    + (spend == null ? "\n" : ",expected_spend,clv\n"));
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                CsvField.append(sb, t.customerId(i), output.spreadsheetSafe());
                sb.append(',').append(expected[i]).append(',').append(alive[i]);
                if (discrete) {
                    sb.append(',').append(purchases.probabilityAliveAt(1, x[i], tx[i], age[i]));
                }
                if (spend != null) {
                    double perPurchase = spend.conditionalExpectedSpend(x[i], t.monetaryValue(i));
                    sb.append(',').append(perPurchase).append(',').append(discounted[i] * perPurchase);
                }
                w.write(sb.append('\n').toString());
            }
            out.commit();
        }
        spec.commandLine().getErr().printf("wrote predictions for %d customers to %s%n", n, output.describe());
        return 0;
    }
}
