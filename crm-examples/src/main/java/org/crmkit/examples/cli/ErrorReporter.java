package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.scoring.btyd.InvalidSummaryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where {@code crm} turns errors into exit codes and stderr lines, for every
 * subcommand:
 * <ul>
 *   <li>a bad option or option value (picocli's parse errors, and any
 *       {@link IllegalArgumentException} a subcommand throws, including
 *       {@link BadInputException} and {@link CsvFormatException} (and so the summary readers'
 *       {@code CsvInputException}) with file, line and field,
 *       and a missing input file): exit code 2;</li>
 *   <li>running out of memory: exit code 1 and a line that says how much heap to give
 *       ({@code java -Xmx2g -jar crm.jar ...});</li>
 *   <li>any other failure (I/O errors, bugs): exit code 1 and a line saying what happened and
 *       that {@code --debug} shows the stack trace.</li>
 * </ul>
 * Either way exactly one line {@code crm: MESSAGE} goes to stderr (a parse error's
 * message ends with the subcommand's help hint), on one line, at most a few hundred characters
 * and with personal data masked ({@link SafeText}); the stack trace follows only in debug mode
 * ({@code --debug} anywhere on the command line, see {@link Crm#run}). Subcommands therefore
 * never catch errors themselves.
 *
 * <p>Immutable and thread-safe.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** The longest line printed, in characters. */
    static final int MAX_LINE = 400;

    private final boolean debug;

    /**
     * Creates the reporter.
     *
     * @param debug whether to print stack traces after the one line
     */
    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String first = ex.getMessage() == null ? "bad input" : SafeText.reason(ex.getMessage());
        return report(cl.getErr(), first + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')", ex,
                CommandLine.ExitCode.USAGE, debug);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        PrintWriter err = cl.getErr();
        if (e instanceof CsvFormatException csv) {
            return report(err, BadInputException.of(csv).getMessage(), ex, CommandLine.ExitCode.USAGE, debug);
        }
        if (e instanceof BadInputException bad) {
            return report(err, bad.getMessage(), ex, CommandLine.ExitCode.USAGE, debug);
        }
        if (e instanceof InvalidSummaryException invalid) {
            return report(err, SafeText.maskQuoted(message(invalid)), ex, CommandLine.ExitCode.USAGE, debug);
        }
        if (e instanceof InsufficientHeapException heap) {
            return report(err, SafeText.reason(message(heap)), ex, CommandLine.ExitCode.SOFTWARE, debug);
        }
        if (e instanceof IllegalArgumentException) {
            return report(err, SafeText.reason(message(e)), ex, CommandLine.ExitCode.USAGE, debug);
        }
        if (e instanceof NoSuchFileException missing) {
            return report(err, missing.getFile() + ": no such file", ex, CommandLine.ExitCode.USAGE, debug);
        }
        if (e instanceof AccessDeniedException denied) {
            return report(err, denied.getFile() + ": permission denied", ex, CommandLine.ExitCode.USAGE, debug);
        }
        if (e instanceof IOException) {
            return report(err, "I/O error: " + SafeText.reason(message(e)), ex, CommandLine.ExitCode.SOFTWARE, debug);
        }
        return unexpected(err, e, debug);
    }

    /**
     * Reports running out of memory: one line with the heap to give and exit code 1.
     *
     * @param err standard error, not null
     * @param e the error, not null
     * @param debug whether to print the stack trace
     * @return 1
     */
    static int outOfMemory(PrintWriter err, OutOfMemoryError e, boolean debug) {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long suggest = Math.max(1, Math.min(64, (long) Math.ceil(2.0 * mb / 1024)));
        return report(err, String.format(Locale.ROOT, "out of memory (the heap was %d MB): needs more heap, run "
                + "java -Xmx%dg -jar crm.jar ... (or split the input)", mb, suggest), e,
                CommandLine.ExitCode.SOFTWARE, debug);
    }

    /**
     * Reports an unexpected failure (a bug, or an error of the machine): one line and exit code 1.
     *
     * @param err standard error, not null
     * @param e the failure, not null
     * @param debug whether to print the stack trace
     * @return 1
     */
    static int unexpected(PrintWriter err, Throwable e, boolean debug) {
        if (e instanceof OutOfMemoryError oom) {
            return outOfMemory(err, oom, debug);
        }
        if (e instanceof StackOverflowError) {
            return report(err, "the input is nested too deeply (stack overflow); run java -Xss16m -jar crm.jar ...",
                    e, CommandLine.ExitCode.SOFTWARE, debug);
        }
        return report(err, "internal error (" + e.getClass().getSimpleName() + ": " + SafeText.reason(message(e))
                + "); run again with --debug for the stack trace and report it", e, CommandLine.ExitCode.SOFTWARE,
                debug);
    }

    private static int report(PrintWriter err, String message, Throwable e, int code, boolean debug) {
        String line = "crm: " + SafeText.oneLine(message);
        if (line.length() > MAX_LINE) {
            line = line.substring(0, MAX_LINE - 4) + " ...";
        }
        err.println(line);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
