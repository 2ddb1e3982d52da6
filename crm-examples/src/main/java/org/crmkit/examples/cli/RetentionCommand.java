package org.crmkit.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crm retention}: contractual retention models (sBG, BdW). {@code fit} estimates a
 * model from counts of customers still active by period; {@code project} writes its survival,
 * retention rates, expected renewals and discounted expected residual lifetime by period.
 *
 * <pre>{@code
 * crm retention fit     --survival regular.csv --model sbg --out sbg.json
 * crm retention project --model sbg.json --periods 12 --discount-rate 0.1 --margin 100 --out projection.csv
 * }</pre>
 */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Contractual retention (sBG, BdW): fit, project.",
        subcommands = {RetentionFitCommand.class, RetentionProjectCommand.class})
public final class RetentionCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
