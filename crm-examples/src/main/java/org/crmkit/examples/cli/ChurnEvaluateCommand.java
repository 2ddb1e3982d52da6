package org.crmkit.examples.cli;

import org.crmkit.core.csv.CsvField;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.churn.ChurnReport;
import org.crmkit.scoring.churn.ChurnTable;
import org.crmkit.scoring.churn.LogisticChurnModel;
import org.crmkit.scoring.summary.CustomerSummaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm churn evaluate}: prints the evaluation JSON of {@link ChurnReport#toJson()}:
 * {@code customers, churners, auc, brier, deciles, precision_at, recall_at} and the
 * baselines with their AUC differences.
 *
 * <p>With a purchase model and a summary with holdout columns, each customer's window is
 * its {@code duration_holdout} and a churner made no holdout purchase; the baselines are
 * {@code p_alive}, {@code recency_rank} and {@code hiatus_K}. With a churn classifier and
 * a labelled customers CSV, the baselines are {@code prior} and {@code best_single_column}.
 *
 * <pre>{@code
 * crm churn evaluate --model bgnbd.json --summary summary_with_holdout.csv
 * crm churn evaluate --model churn.json --customers customers.csv --label-col churned
 * }</pre>
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate the churn risk against outcomes and baselines; prints JSON.")
public final class ChurnEvaluateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ChurnModelOption model;

    @Option(names = "--summary", paramLabel = "SUMMARY_WITH_HOLDOUT.csv",
            description = "summary CSV with frequency_holdout and duration_holdout")
    private Path summary;

    @Option(names = "--customers", paramLabel = "CUSTOMERS.csv", description = "labelled customers CSV")
    private Path customers;

    @Option(names = "--label-col", paramLabel = "L", description = "the label column of the customers CSV")
    private String labelColumn;

    @Override
    public Integer call() throws IOException {
        String json = model.read();
        ChurnReport report;
        if (ChurnModelOption.isClassifier(json)) {
            if (customers == null || labelColumn == null) {
                throw new IllegalArgumentException("--customers and --label-col are needed with a churn classifier");
            }
            LogisticChurnModel m = model.classifier(json);
            try {
                ChurnTable t = ChurnTable.read(customers, ChurnTrainCommand.idColumn(json), labelColumn, List.of());
                report = m.evaluate(t);
            } catch (CsvFormatException e) {
                throw BadInputException.of(e);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(customers, 0, labelColumn, e.getMessage());
            }
        } else {
            if (summary == null) {
                throw new IllegalArgumentException("--summary is needed with a purchase model");
            }
            PurchaseModel purchases = model.purchaseModel(spec);
            CustomerSummaries s = BtydCommands.readSummary(spec, summary);
            BtydCommands.requireModelRows(summary, s);
            if (!s.hasHoldout()) {
                throw new BadInputException(summary, 1, "frequency_holdout",
                        "missing column: evaluate needs the holdout columns (crm summarize --observation-end)");
            }
            try {
                report = ChurnReport.evaluate(purchases, s);
            } catch (IllegalArgumentException e) {
                BadInputException b = new BadInputException(summary, 0, null, e.getMessage());
                b.initCause(e);
                throw b;
            }
        }
        spec.commandLine().getOut().println(report.toJson());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
