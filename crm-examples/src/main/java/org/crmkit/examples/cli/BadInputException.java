package org.crmkit.examples.cli;

import java.nio.file.Path;
import java.util.Objects;
import org.crmkit.scoring.summary.CsvInputException;

/**
 * Bad input to a {@code crm} subcommand, located in a file: the command ends with exit code
 * 2 and {@link ErrorReporter} prints one line naming file, line and field.
 *
 * <p>The message has the form {@code FILE: line N, field 'F': REASON}; the line part is
 * left out when the problem is not on one line (0), the field part when no single field
 * is at fault (null). Subcommands throw this (or any {@link IllegalArgumentException}, for
 * an option value) instead of printing errors themselves.
 *
 * <p>Instances are immutable.
 */
final class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String field;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param file the file at fault, not null
     * @param line the 1-based line, or 0 when the problem is not on one line
     * @param field the field, column or JSON path at fault, or null
     * @param reason what is wrong, not null
     */
    BadInputException(String file, long line, String field, String reason) {
        super(format(file, line, field, reason));
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    /** As {@link #BadInputException(String, long, String, String)} for a path. */
    BadInputException(Path file, long line, String field, String reason) {
        this(Objects.requireNonNull(file, "file").toString(), line, field, reason);
    }

    /**
     * Re-expresses a CSV reader's exception in the command line's one format.
     *
     * @param e the reader's exception, not null
     * @return the same location and reason, never null
     */
    static BadInputException of(CsvInputException e) {
        BadInputException b = new BadInputException(e.getFile(), e.getLine(), e.getColumn(), e.getReason());
        b.initCause(e);
        return b;
    }

    private static String format(String file, long line, String field, String reason) {
        return Objects.requireNonNull(file, "file") + (line > 0 ? ": line " + line : "")
                + (field == null ? "" : ", field '" + field + "'") + ": "
                + Objects.requireNonNull(reason, "reason");
    }

    /** @return the file at fault, never null */
    String file() {
        return file;
    }

    /** @return the 1-based line, or 0 when the problem is not on one line */
    long line() {
        return line;
    }

    /** @return the field at fault, or null */
    String field() {
        return field;
    }

    /** @return the reason without the location, never null */
    String reason() {
        return reason;
    }
}
