package org.crmkit.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crmkit.scoring.Parallelism;
import org.crmkit.scoring.btyd.BtydData;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SpendModel;
import org.crmkit.scoring.summary.CustomerSummaries;
import picocli.CommandLine.Command;
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
 * {@code --horizon} time units; {@code p_alive} the probability of being alive now;
 * {@code expected_spend} the spend model's expected value per purchase; {@code clv} the
 * discounted expected residual value over the horizon: the sum over each future time unit
 * k of its expected purchases discounted by {@code (1 + D)^k}, times the expected spend
 * (the horizon must then be a whole number of time units). Model files may hold only
 * {@code model} and {@code parameters}. Bad input exits with code 2 and one line.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score customers of a summary CSV with a fitted model.")
public final class PredictCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json",
            description = "fitted transaction model (crm fit output)")
    private Path model;

    @Option(names = "--spend-model", paramLabel = "GG.json", description = "fitted spend model")
    private Path spendModel;

    @Option(names = "--summary", required = true, paramLabel = "SUMMARY.csv", description = "summary CSV")
    private Path summary;

    @Option(names = "--horizon", required = true, paramLabel = "T",
            description = "prediction window in the summary's time unit")
    private double horizon;

    @Option(names = "--discount-rate", defaultValue = "0", paramLabel = "D",
            description = "discount rate per time unit for clv (default 0)")
    private double discountRate;

    @Option(names = "--out", required = true, paramLabel = "PREDICTIONS.csv", description = "output CSV")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (!(horizon >= 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("--horizon: not a number >= 0: " + horizon);
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("--discount-rate: not a number >= 0: " + discountRate);
        }
        FittedModel m = BtydCommands.readModel(model);
        if (!(m instanceof PurchaseModel purchases)) {
            throw new BadInputException(model, 0, "model", "model '" + m.modelName()
                    + "' does not predict purchases; give it as --spend-model");
        }
        SpendModel spend = null;
        if (spendModel != null) {
            FittedModel s = BtydCommands.readModel(spendModel);
            if (!(s instanceof SpendModel sm)) {
                throw new BadInputException(spendModel, 0, "model", "model '" + s.modelName()
                        + "' is not a spend model");
            }
            spend = sm;
            if (horizon != Math.rint(horizon)) {
                throw new IllegalArgumentException("--horizon: clv needs a whole number of time units, got "
                        + horizon);
            }
        }
        CustomerSummaries t = BtydCommands.readSummary(summary);
        BtydCommands.requireModelRows(summary, t);
        if (spend != null && !t.hasMonetaryValue()) {
            throw new BadInputException(summary, 1, "monetary_value", "needed with --spend-model");
        }
        int n = t.size();
        double[] x = BtydData.frequencies(t);
        double[] tx = t.recencyColumn();
        double[] age = t.tColumn();
        double[] expected = new double[n];
        double[] alive = new double[n];
        purchases.predict(horizon, x, tx, age, expected, alive);
        // any horizon: the discounted sum costs the same for 52 periods and for 10^12
        double[] discounted = spend == null ? null : new double[n];
        if (spend != null) {
            purchases.discountedExpectedPurchases((long) Math.min(horizon, Long.MAX_VALUE), discountRate, x, tx,
                    age, discounted, Parallelism.defaults());
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(spend == null ? "customer_id,expected_purchases,p_alive\n"
                    : "customer_id,expected_purchases,p_alive,expected_spend,clv\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                CsvField.append(sb, t.customerId(i));
                sb.append(',').append(expected[i]).append(',').append(alive[i]);
                if (spend != null) {
                    double perPurchase = spend.conditionalExpectedSpend(x[i], t.monetaryValue(i));
                    sb.append(',').append(perPurchase).append(',').append(discounted[i] * perPurchase);
                }
                w.write(sb.append('\n').toString());
            }
        }
        spec.commandLine().getOut().printf("wrote predictions for %d customers to %s%n", n, out);
        return 0;
    }
}
