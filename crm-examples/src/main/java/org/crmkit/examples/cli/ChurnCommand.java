package org.crmkit.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crm churn}: churn warning. {@code score} writes each customer's risk, level and
 * reasons; {@code evaluate} compares the risk with holdout outcomes and baselines;
 * {@code train} fits the attribute-based (contractual) churn classifier.
 *
 * <pre>{@code
 * crm churn score    --model bgnbd.json --summary summary.csv --window 39 --spend-model gg.json --out risk.csv
 * crm churn evaluate --model bgnbd.json --summary summary_with_holdout.csv
 * crm churn train    --customers customers.csv --id-col id --label-col churned --out churn.json
 * crm churn score    --model churn.json --customers customers.csv --out risk.csv
 * crm churn evaluate --model churn.json --customers customers.csv --label-col churned
 * }</pre>
 */
@Command(name = "churn", mixinStandardHelpOptions = true, description = "Churn warning: score, evaluate, train.",
        subcommands = {ChurnScoreCommand.class, ChurnEvaluateCommand.class, ChurnTrainCommand.class})
public final class ChurnCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
