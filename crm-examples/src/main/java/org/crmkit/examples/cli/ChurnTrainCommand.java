package org.crmkit.examples.cli;

import org.crmkit.core.csv.CsvField;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.scoring.churn.ChurnTable;
import org.crmkit.scoring.churn.LogisticChurnModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm churn train}: fits the attribute-based churn classifier
 * ({@link LogisticChurnModel}: L2 logistic regression, Newton/IRLS) on a labelled customers
 * CSV and writes it as JSON with coefficients, odds ratios, the column encoding, the ignored
 * columns, the {@code --folds}-fold cross-validated AUC (default 5) and the id column's name.
 * The messy-CSV rules are those of {@link ChurnTable} and {@link LogisticChurnModel}.
 *
 * <pre>{@code
 * crm churn train --customers customers.csv --id-col customer_id --label-col churned \
 *     --exclude-col email --exclude-col signup_date --out churn.json
 * }</pre>
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train the attribute-based churn classifier.")
public final class ChurnTrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--customers", required = true, paramLabel = "CUSTOMERS.csv", description = "labelled customers")
    private Path customers;

    @Option(names = "--id-col", required = true, paramLabel = "C", description = "the customer id column")
    private String idColumn;

    @Option(names = "--label-col", required = true, paramLabel = "L", description = "the churn label column")
    private String labelColumn;

    @Option(names = "--exclude-col", paramLabel = "X", description = "a column not to use (repeatable)")
    private List<String> exclude = List.of();

    @Option(names = "--lambda", defaultValue = "1", paramLabel = "LAMBDA",
            description = "L2 penalty on the standardised coefficients (default 1)")
    private double lambda;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "cross-validation folds, 0 for none")
    private int folds;

    @Option(names = "--out", required = true, paramLabel = "CHURN.json", description = "output JSON, - for stdout")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("--lambda: not a number >= 0: " + lambda);
        }
        if (folds == 1 || folds < 0) {
            throw new IllegalArgumentException("--folds: 0 (none) or at least 2, got " + folds);
        }
        LogisticChurnModel.Trainer trainer = LogisticChurnModel.builder().lambda(lambda);
        LogisticChurnModel m;
        LogisticChurnModel.CrossValidation cv = null;
        try {
            ChurnTable t = ChurnTable.read(customers, idColumn, labelColumn, exclude);
            m = trainer.fit(t);
            if (folds != 0) {
                cv = trainer.crossValidate(t, folds, 20_261_202L);
            }
        } catch (CsvFormatException e) {
            throw BadInputException.of(e);
        } catch (IllegalArgumentException e) {
            if (e instanceof BadInputException) {
                throw e;
            }
            BadInputException b = new BadInputException(customers, 0, null, e.getMessage());
            b.initCause(e);
            throw b;
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(m.toJson());
        root.put("id_column", idColumn);
        root.put("label_column", labelColumn);
        if (cv != null) {
            ObjectNode c = root.putObject("cross_validation");
            c.put("folds", folds);
            c.put("mean_auc", cv.meanAuc());
            c.put("pooled_auc", cv.pooled().auc());
            cv.pooled().brier().ifPresent(v -> c.put("pooled_brier", v));
            var array = c.putArray("fold_auc");
            for (double a : cv.foldAuc()) {
                array.add(a);
            }
        }
        String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        AtomicOutput.write(spec, out, w -> w.write(text + "\n"));
        if (!out.toString().equals("-")) {
            spec.commandLine().getErr().printf("trained on %d customers (%d churners), %d features; wrote %s%n",
                    m.training().rows(), m.training().churners(), m.coefficients().size(), out);
        }
        return 0;
    }

    /** The id column a model was trained with, written by this command; "customer_id" if absent. */
    static String idColumn(String json) throws IOException {
        var node = new ObjectMapper().readTree(json).get("id_column");
        return node != null && node.isTextual() ? node.asText() : "customer_id";
    }
}
