package org.crmkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.scoring.btyd.FittedModel;
import org.crmkit.scoring.btyd.PurchaseModel;
import org.crmkit.scoring.evaluation.FrequencyRow;
import org.crmkit.scoring.evaluation.HoldoutEvaluation;
import org.crmkit.scoring.summary.CustomerSummaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm evaluate}: compares a fitted transaction model's predictions with the actual
 * holdout purchases of a summary CSV that has {@code frequency_holdout} and
 * {@code duration_holdout}, and prints JSON: totals, mean absolute error per customer,
 * and the tables of actual versus expected customers by holdout (and calibration)
 * purchase count 0..6, 7+.
 *
 * <pre>{@code
 * crm evaluate --model bgnbd.json --summary summary_with_holdout.csv
 * }</pre>
 *
 * <p>Bad input exits with code 2 and one line on stderr.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compare a fitted model's predictions with holdout purchases; prints JSON.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "fitted model; - for stdin")
    private Path model;

    @Option(names = "--summary", required = true, paramLabel = "SUMMARY_WITH_HOLDOUT.csv",
            description = "summary CSV with frequency_holdout and duration_holdout; - for stdin")
    private Path summary;

    @Override
    public Integer call() throws IOException {
        InputFiles.requireOneStandardInput(model, summary);
        FittedModel m = BtydCommands.readModel(spec, model);
        if (!(m instanceof PurchaseModel purchases)) {
            throw BadInputException.definition(model, 1, "model", "model \"" + m.modelName()
                    + "\" does not predict purchases");
        }
        CustomerSummaries s = BtydCommands.readSummary(spec, summary);
        if (!s.hasHoldout()) {
            throw new BadInputException(summary, 1, "frequency_holdout",
                    "missing column: evaluate needs the holdout columns (crm summarize --observation-end)");
        }
        HoldoutEvaluation e = HoldoutEvaluation.evaluate(purchases, BtydCommands.holdoutInput(summary, s));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("model", e.model());
        root.put("customers", e.customers());
        root.put("actualPurchases", e.actualTotal());
        root.put("predictedPurchases", e.predictedTotal());
        root.put("meanAbsoluteError", e.meanAbsoluteError());
        root.put("rootMeanSquaredError", e.rootMeanSquaredError());
        table(root.putArray("holdoutTable"), e.holdoutTable());
        table(root.putArray("calibrationTable"), e.calibrationTable());
        spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static void table(ArrayNode array, List<FrequencyRow> rows) {
        for (FrequencyRow row : rows) {
            ObjectNode n = array.addObject();
            n.put("purchases", row.label());
            n.put("actual", row.actual());
            n.put("expected", row.expected());
        }
    }
}
