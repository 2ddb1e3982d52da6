package org.crmkit.examples.cli;

import org.crmkit.core.csv.CsvField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.btyd.SpendModel;
import org.crmkit.scoring.churn.ChurnScorer;
import org.crmkit.scoring.churn.ChurnScores;
import org.crmkit.scoring.churn.ChurnTable;
import org.crmkit.scoring.churn.ChurnWarning;
import org.crmkit.scoring.churn.LogisticChurnModel;
import org.crmkit.scoring.churn.WarningPolicy;
import org.crmkit.scoring.summary.CustomerSummaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm churn score}: writes {@code customer_id,churn_risk,level,reasons} (and
 * {@code value_at_risk} with a spend model).
 *
 * <p>With a purchase model ({@code crm fit} output) and a summary, the risk is the
 * probability of no purchase in the next {@code --window} time units and the level and
 * reasons follow {@link WarningPolicy#defaults()} (cut-points 0.60 / 0.80 / 0.95, or
 * {@code --cut-points W,A,C}); {@code reasons} lists the reason codes joined with {@code ;}
 * ({@code model_risk}, {@code hiatus}). {@code value_at_risk} is the risk times the
 * expected residual value over {@code --value-horizon} time units (default: the window,
 * rounded up) discounted at {@code --discount-rate} per time unit.
 *
 * <p>With a churn classifier ({@code crm churn train} output) and a customers CSV, the risk
 * is the classifier's churn probability and the level follows the same cut-points;
 * {@code reasons} is {@code model_risk} when the level is above none.
 *
 * <pre>{@code
 * crm churn score --model bgnbd.json --summary summary.csv --window 39 --spend-model gg.json --out risk.csv
 * crm churn score --model churn.json --customers customers.csv --out risk.csv
 * }</pre>
 *
 * <p>Bad input exits with code 2 and one line naming file, line and field.
 */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score churn risk, level and reasons.")
public final class ChurnScoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ChurnModelOption model;

    @Option(names = "--summary", paramLabel = "SUMMARY.csv", description = "summary CSV (with a purchase model)")
    private Path summary;

    @Option(names = "--window", paramLabel = "T", description = "risk window in the summary's time unit")
    private Double window;

    @Option(names = "--spend-model", paramLabel = "GG.json", description = "spend model for value at risk")
    private Path spendModel;

    @Option(names = "--value-horizon", paramLabel = "N", description = "value horizon in whole time units")
    private Integer valueHorizon;

    @Option(names = "--discount-rate", defaultValue = "0", paramLabel = "D",
            description = "discount rate per time unit for the value (default 0)")
    private double discountRate;

    @Option(names = "--cut-points", paramLabel = "W,A,C", split = ",",
            description = "risk cut-points of watch, warning, critical (default 0.6,0.8,0.95)")
    private List<Double> cutPoints;

    @Option(names = "--customers", paramLabel = "CUSTOMERS.csv", description = "customers CSV (with a classifier)")
    private Path customers;

    @Option(names = "--out", required = true, paramLabel = "RISK.csv", description = "output CSV, - for stdout")
    private Path out;

    @Override
    public Integer call() throws IOException {
        WarningPolicy policy = policy(cutPoints);
        String json = model.read();
        if (ChurnModelOption.isClassifier(json)) {
            return scoreClassifier(json, policy);
        }
        if (summary == null || window == null) {
            throw new IllegalArgumentException("--summary and --window are needed with a purchase model");
        }
        if (!(window > 0) || Double.isInfinite(window)) {
            throw new IllegalArgumentException("--window: not a positive number: " + window);
        }
        PurchaseModel purchases = model.purchaseModel(spec);
        ChurnScorer.Builder b = ChurnScorer.builder(purchases).window(window).policy(policy);
        if (spendModel != null) {
            FittedModel s = BtydCommands.readModel(spec, spendModel);
            if (!(s instanceof SpendModel spend)) {
                throw new BadInputException(spendModel, 0, "model", "model '" + s.modelName() + "' is not a spend model");
            }
            int horizon = valueHorizon != null ? valueHorizon : (int) Math.ceil(window);
            if (horizon < 1) {
                throw new IllegalArgumentException("--value-horizon: not a whole number >= 1: " + horizon);
            }
            if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
                throw new IllegalArgumentException("--discount-rate: not a number >= 0: " + discountRate);
            }
            b.spendModel(spend, horizon, discountRate);
        }
        CustomerSummaries t = BtydCommands.readSummary(spec, summary);
        BtydCommands.requireModelRows(summary, t);
        if (spendModel != null && !t.hasMonetaryValue()) {
            throw new BadInputException(summary, 1, "monetary_value", "needed with --spend-model");
        }
        ChurnScores scores = b.build().score(t);
        boolean value = scores.hasValue();
        AtomicOutput.write(spec, out, w -> {
            w.write(value ? "customer_id,churn_risk,level,reasons,value_at_risk\n" : "customer_id,churn_risk,level,reasons\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < scores.size(); i++) {
                ChurnWarning warning = scores.warning(i);
                sb.setLength(0);
                CsvField.append(sb, scores.customerId(i));
                sb.append(',').append(scores.risk(i)).append(',').append(warning.level().label()).append(',');
                CsvField.append(sb, warning.assessment().reasonCodes());
                if (value) {
                    sb.append(',').append(scores.valueAtRisk(i));
                }
                w.write(sb.append('\n').toString());
            }
        });
        status("wrote churn risk for " + scores.size() + " customers to " + out);
        return 0;
    }

    private int scoreClassifier(String json, WarningPolicy policy) throws IOException {
        if (customers == null) {
            throw new IllegalArgumentException("--customers is needed with a churn classifier");
        }
        LogisticChurnModel m = model.classifier(json);
        ChurnTable table;
        double[] risk;
        try {
            table = ChurnTable.read(customers, ChurnTrainCommand.idColumn(json), null, List.of());
            risk = m.score(table);
        } catch (CsvFormatException e) {
            throw BadInputException.of(e);
        }
        ChurnTable rows = table;
        AtomicOutput.write(spec, out, w -> {
            w.write("customer_id,churn_risk,level,reasons\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < rows.size(); i++) {
                String level = policy.modelLevel(risk[i]).label();
                sb.setLength(0);
                CsvField.append(sb, rows.customerId(i));
                sb.append(',').append(risk[i]).append(',').append(level).append(',')
                        .append(level.equals("none") ? "" : "model_risk");
                w.write(sb.append('\n').toString());
            }
        });
        status("wrote churn risk for " + rows.size() + " customers to " + out);
        return 0;
    }

    static WarningPolicy policy(List<Double> cutPoints) {
        if (cutPoints == null) {
            return WarningPolicy.defaults();
        }
        if (cutPoints.size() != 3) {
            throw new IllegalArgumentException("--cut-points: three values W,A,C are needed, got " + cutPoints.size());
        }
        try {
            return WarningPolicy.builder().cutPoints(cutPoints.get(0), cutPoints.get(1), cutPoints.get(2)).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--cut-points: " + e.getMessage(), e);
        }
    }

    private void status(String line) {
        if (!out.toString().equals("-")) {
            spec.commandLine().getErr().println(line);
        }
    }
}
