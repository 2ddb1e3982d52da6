package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.crmkit.scoring.summary.CsvInputException;
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
 *       {@link BadInputException} and {@link CsvInputException} with file, line and field,
 *       and a missing input file): exit code 2;</li>
 *   <li>any other failure (I/O errors, bugs): exit code 1.</li>
 * </ul>
 * Either way exactly one line {@code crm: MESSAGE} goes to stderr (a parse error's
 * message ends with the subcommand's help hint); the stack
 * trace follows only in debug mode ({@code --debug} anywhere on the command line, see
 * {@link Crm#run}). Subcommands therefore never catch errors themselves.
 *
 * <p>Immutable and thread-safe.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
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
        String first = ex.getMessage() == null ? "bad input" : oneLine(ex.getMessage());
        return report(cl, first + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')", ex,
                CommandLine.ExitCode.USAGE);
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (e instanceof CsvInputException csv) {
            return report(cl, BadInputException.of(csv).getMessage(), ex, CommandLine.ExitCode.USAGE);
        }
        if (e instanceof IllegalArgumentException) {
            return report(cl, message(e), ex, CommandLine.ExitCode.USAGE);
        }
        if (e instanceof NoSuchFileException missing) {
            return report(cl, missing.getFile() + ": no such file", ex, CommandLine.ExitCode.USAGE);
        }
        if (e instanceof IOException) {
            return report(cl, "I/O error: " + message(e), ex, CommandLine.ExitCode.SOFTWARE);
        }
        return report(cl, e.getClass().getSimpleName() + ": " + message(e), ex, CommandLine.ExitCode.SOFTWARE);
    }

    private int report(CommandLine cl, String message, Throwable e, int code) {
        PrintWriter err = cl.getErr();
        err.println("crm: " + message);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    private static String oneLine(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse(text);
    }
}
