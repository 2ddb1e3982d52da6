package org.crmkit.examples.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code crm} command line. Errors of every subcommand are reported by
 * {@link ErrorReporter}: exit code 2 and one stderr line for bad input, 1 for other
 * failures, stack traces only with {@code --debug} (anywhere on the line).
 */
@Command(name = "crm", mixinStandardHelpOptions = true, description = "crmkit command line",
        subcommands = {DemoCommand.class, SummarizeCommand.class, RfmCommand.class, FitCommand.class,
            PredictCommand.class, EvaluateCommand.class, SegmentCommand.class, NpsCommand.class,
            CampaignCommand.class,
            ItemsetsCommand.class, RulesCommand.class, RecommendCommand.class})
public final class Crm implements Runnable {
    /** The option that turns on stack traces, accepted anywhere on the line. */
    static final String DEBUG = "--debug";

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with crmkit's error handling ({@link ErrorReporter}): bad input
     * prints one line to stderr and exits with 2; another failure prints one line and exits
     * with 1; in debug mode the stack trace follows the line.
     *
     * @param debug whether to print stack traces
     * @return the configured command line, never null
     */
    static CommandLine commandLine(boolean debug) {
        CommandLine cli = new CommandLine(new Crm());
        ErrorReporter reporter = new ErrorReporter(debug);
        cli.setParameterExceptionHandler(reporter);
        cli.setExecutionExceptionHandler(reporter);
        return cli;
    }

    /**
     * Runs one command line: {@code --debug} is accepted anywhere on it (and removed before
     * parsing); the other arguments go to picocli.
     *
     * @param out standard output, not null
     * @param err standard error, not null
     * @param args the arguments, not null
     * @return the exit code: 0 success, 1 failure, 2 bad input
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean debug = Arrays.asList(args).contains(DEBUG);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals(DEBUG)).toArray(String[]::new);
        CommandLine cli = commandLine(debug);
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(rest);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs {@code crm} and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // crm.jar ships no SLF4J binding on purpose; stderr is for status lines, not SLF4J's notice of that
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        System.exit(run(out, err, args));
    }
}
