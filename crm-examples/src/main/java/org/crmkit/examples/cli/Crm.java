package org.crmkit.examples.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crm} command line. */
@Command(name = "crm", mixinStandardHelpOptions = true, description = "crmkit command line",
        subcommands = {DemoCommand.class, SummarizeCommand.class, RfmCommand.class, FitCommand.class,
            PredictCommand.class, EvaluateCommand.class, SegmentCommand.class})
public final class Crm implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * Builds the command line with crmkit's error handling: a bad option or value prints one
     * line to stderr and exits with 2; a failure while running prints one line and exits
     * with 1; {@code --debug} anywhere on the line adds the stack trace.
     *
     * @param debug whether to print stack traces
     * @return the configured command line, never null
     */
    static CommandLine commandLine(boolean debug) {
        CommandLine cli = new CommandLine(new Crm());
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("crm: " + ex.getMessage().lines().findFirst().orElse("bad input")
                    + " (see 'crm " + ex.getCommandLine().getCommandName() + " --help')");
            if (debug) {
                ex.printStackTrace(ex.getCommandLine().getErr());
            }
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            commandLine.getErr().println("crm: " + message.lines().findFirst().orElse(message));
            if (debug) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ex instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new);
        System.exit(commandLine(debug).execute(rest));
    }
}
