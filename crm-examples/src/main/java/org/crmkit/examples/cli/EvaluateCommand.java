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
import org.crmkit.scoring.uncertainty.Interval;
import org.crmkit.scoring.uncertainty.PredictionIntervals;
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
 * <p>{@code --intervals LEVEL [--draws N] [--seed S] [--interval-method covariance|bootstrap]}
 * adds {@code predictedPurchasesInterval}: a prediction interval for the total holdout
 * purchases that includes parameter uncertainty (draws from the model file's covariance, or a
 * parametric bootstrap) and the purchase process (each customer's holdout count simulated from
 * the model's conditional distribution over the customer's own {@code duration_holdout}), with
 * {@code actualInside} saying whether the actual total lies in it.
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

    @picocli.CommandLine.Mixin
    private IntervalOptions intervals;

    @picocli.CommandLine.Mixin
    private ProgressOptions progress;

    @Override
    public Integer call() throws IOException {
        InputFiles.requireOneStandardInput(model, summary);
        intervals.validate();
        String modelJson = JsonLines.readDocument(spec, model, "crm fit");
        if (CovariateCommands.isCovariateModel(modelJson)) {
            if (intervals.requested()) {
                throw new IllegalArgumentException("--intervals: not supported for a model with covariates");
            }
            return print(CovariateCommands.evaluate(spec, CovariateCommands.readModel(model, modelJson), summary),
                    null, null, null);
        }
        BtydCommands.ModelFile modelFile = BtydCommands.readModelFile(model, modelJson);
        FittedModel m = modelFile.model();
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
        return print(e, purchases, modelFile, s);
    }

    /** Prints the evaluation JSON; the interval needs the model, its file and the summaries (else null). */
    private int print(HoldoutEvaluation e, PurchaseModel purchases, BtydCommands.ModelFile modelFile,
            CustomerSummaries s) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("model", e.model());
        root.put("customers", e.customers());
        root.put("actualPurchases", e.actualTotal());
        root.put("predictedPurchases", e.predictedTotal());
        if (intervals.requested() && purchases != null) {
            Interval total = totalInterval(purchases, modelFile, s);
            ObjectNode i = root.putObject("predictedPurchasesInterval");
            i.put("level", total.level());
            i.put("low", total.low());
            i.put("high", total.high());
            i.put("point", total.point());
            ArrayNode includes = i.putArray("includes");
            total.includes().forEach(source -> includes.add(source.name().toLowerCase(java.util.Locale.ROOT)));
            i.put("method", total.method());
            i.put("actualInside", total.contains(e.actualTotal()));
        }
        root.put("meanAbsoluteError", e.meanAbsoluteError());
        root.put("rootMeanSquaredError", e.rootMeanSquaredError());
        table(root.putArray("holdoutTable"), e.holdoutTable());
        table(root.putArray("calibrationTable"), e.calibrationTable());
        spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The interval of the total holdout purchases, parameter and purchase-process uncertainty. */
    private Interval totalInterval(PurchaseModel purchases, BtydCommands.ModelFile modelFile, CustomerSummaries s) {
        int n = s.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] duration = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.frequency(i);
            tx[i] = s.recency(i);
            age[i] = s.t(i);
            duration[i] = s.durationHoldout(i);
        }
        PredictionIntervals bands = intervals.intervals(purchases, model, modelFile.covariance(), null, null,
                java.util.Optional.empty(), s, summary, progress.listener(spec));
        Interval total = bands.totalPurchases(duration, x, tx, age, true, intervals.seed());
        progress.finish();
        return total;
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
