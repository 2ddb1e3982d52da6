package org.crmkit.examples.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.BufferedOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code crm} command line. Errors of every subcommand are reported by
 * {@link ErrorReporter}: exit code 2 and one stderr line for bad input, 1 for other
 * failures, stack traces only with {@code --debug} (anywhere on the line).
 *
 * <p>Conventions every subcommand follows: data (CSV, JSON) go to standard output or
 * {@code --out}, status lines ("wrote ...", notes) to standard error; {@code -} where a file
 * is expected means standard input or output ({@link InputFiles}); files are written
 * atomically ({@link AtomicOutput}); option values such as dates and time units are typed
 * ({@link Converters}).
 */
@Command(name = "crm", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "crmkit command line",
        subcommands = {DemoCommand.class, SummarizeCommand.class, RfmCommand.class, FitCommand.class,
            PredictCommand.class, EvaluateCommand.class, SegmentCommand.class, NpsCommand.class,
            CampaignCommand.class, ChurnCommand.class, LoyaltyCommand.class, StoreCommand.class,
            ItemsetsCommand.class, RulesCommand.class, RecommendCommand.class, RetentionCommand.class,
            PlotCommand.class})
public final class Crm implements Runnable {
    /** The option that turns on stack traces, accepted anywhere on the line. */
    static final String DEBUG = "--debug";

    @Spec
    private CommandSpec spec;

    private final InputStream stdin;

    private Crm(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Returns the standard input of the running command line.
     *
     * @param spec any command of the line, not null
     * @return its standard input, never null
     */
    static InputStream standardInput(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof Crm crm ? crm.stdin : System.in;
    }

    /**
     * As {@link #commandLine(boolean, InputStream)} with empty standard input.
     *
     * @param debug whether to print stack traces
     * @return the configured command line, never null
     */
    static CommandLine commandLine(boolean debug) {
        return commandLine(debug, InputStream.nullInputStream());
    }

    /**
     * Builds the command line with crmkit's error handling ({@link ErrorReporter}): bad input
     * prints one line to stderr and exits with 2; another failure prints one line and exits
     * with 1; in debug mode the stack trace follows the line.
     *
     * @param debug whether to print stack traces
     * @param stdin what {@code -} reads, not null
     * @return the configured command line, never null
     */
    static CommandLine commandLine(boolean debug, InputStream stdin) {
        CommandLine cli = new CommandLine(new Crm(Objects.requireNonNull(stdin, "stdin")));
        ErrorReporter reporter = new ErrorReporter(debug);
        cli.setParameterExceptionHandler(reporter);
        cli.setExecutionExceptionHandler(reporter);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        Converters.register(cli);
        documentDebug(cli);
        return cli;
    }

    /**
     * --debug is taken off the line before parsing (see {@link #run}); here it only gets its help
     * entry. Every subcommand also answers --version.
     */
    private static void documentDebug(CommandLine cli) {
        cli.getCommandSpec().addOption(debugOption());
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().addOption(debugOption());
            sub.getCommandSpec().versionProvider(new Version());
        }
    }

    private static OptionSpec debugOption() {
        return OptionSpec.builder(DEBUG).arity("0")
                .description("print the stack trace after an error (accepted anywhere on the line)").build();
    }

    /**
     * Runs one command line with empty standard input.
     *
     * @param out standard output, not null
     * @param err standard error, not null
     * @param args the arguments, not null
     * @return the exit code: 0 success, 1 failure, 2 bad input
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(InputStream.nullInputStream(), out, err, args);
    }

    /**
     * Runs one command line: {@code --debug} is accepted anywhere on it (and removed before
     * parsing); the other arguments go to picocli. An error that escapes the command (out of
     * memory, a stack overflow) also ends with one line and exit code 1.
     *
     * @param stdin standard input, not null
     * @param out standard output, not null
     * @param err standard error, not null
     * @param args the arguments, not null
     * @return the exit code: 0 success, 1 failure, 2 bad input
     */
    static int run(InputStream stdin, PrintWriter out, PrintWriter err, String... args) {
        boolean debug = Arrays.asList(args).contains(DEBUG);
        String[] rest = Arrays.stream(args).filter(a -> !a.equals(DEBUG)).toArray(String[]::new);
        try {
            CommandLine cli = commandLine(debug, stdin);
            cli.setOut(out);
            cli.setErr(err);
            return cli.execute(rest);
        } catch (OutOfMemoryError e) {
            return ErrorReporter.outOfMemory(err, e, debug);
        } catch (RuntimeException | Error e) {
            return ErrorReporter.unexpected(err, e, debug);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Runs {@code crm} and exits with its exit code. Standard output is UTF-8 (it carries CSV
     * and JSON); standard error uses the platform encoding.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // crm.jar ships no SLF4J binding on purpose; stderr is for status lines, not SLF4J's notice of that
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        System.exit(run(System.in, out, err, args));
    }
}
