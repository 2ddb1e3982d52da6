package org.crmkit.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crm} command line. */
@Command(name = "crm", mixinStandardHelpOptions = true, description = "crmkit command line",
        subcommands = {SummarizeCommand.class, RfmCommand.class, FitCommand.class,
            PredictCommand.class, EvaluateCommand.class})
public final class Crm implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Crm()).execute(args));
    }
}
