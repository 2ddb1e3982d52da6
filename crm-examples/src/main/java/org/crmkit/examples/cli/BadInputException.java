package org.crmkit.examples.cli;

import java.nio.file.Path;
import java.util.Objects;
import org.crmkit.core.csv.CsvFormatException;

/**
 * Bad input to a {@code crm} subcommand, located in a file: the command ends with exit code
 * 2 and {@link ErrorReporter} prints one line naming file, line and field.
 *
 * <p>The message has the form {@code FILE: line N, field 'F': REASON}; the line part is
 * left out when the problem is not on one line (0, {@code FILE: field 'F': REASON}), the field
 * part when no single field is at fault (null). Subcommands throw this (or any {@link IllegalArgumentException}, for
 * an option value) instead of printing errors themselves.
 *
 * <p>The command line's convention: in a reason, single quotes enclose values taken from an
 * input file, and only those (names of models, options and columns go without quotes or in
 * double quotes). The message shows such values masked by {@link SafeText} (personal data
 * never reaches the terminal), the field name cut, and the reason on one line and at most
 * {@value SafeText#MAX_REASON} characters. {@link #definition} creates the exception for a
 * definition file (rules, model JSON), whose quoted names are shown as they are.
 *
 * <p>Instances are immutable.
 */
final class BadInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String field;
    private final String reason;

    private BadInputException(String file, long line, String field, String reason, boolean maskValues) {
        super(format(file, line, field, reason, maskValues));
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    /**
     * Creates the exception for a data file; quoted values in the reason are masked.
     *
     * @param file the file at fault, not null
     * @param line the 1-based line, or 0 when the problem is not on one line
     * @param field the field, column or JSON path at fault, or null
     * @param reason what is wrong, not null
     */
    BadInputException(String file, long line, String field, String reason) {
        this(file, line, field, reason, true);
    }

    /** As {@link #BadInputException(String, long, String, String)} for a path. */
    BadInputException(Path file, long line, String field, String reason) {
        this(InputFiles.displayName(Objects.requireNonNull(file, "file")), line, field, reason, true);
    }

    /**
     * Creates the exception for a definition file (segment rules, a model file): quoted names in
     * the reason are shown as they are (still on one line, cut and with e-mail addresses masked).
     *
     * @param file the file at fault, not null
     * @param line the 1-based line, or 0
     * @param field the field or JSON path at fault, or null
     * @param reason what is wrong, not null
     * @return the exception, never null
     */
    static BadInputException definition(Path file, long line, String field, String reason) {
        return new BadInputException(InputFiles.displayName(Objects.requireNonNull(file, "file")), line, field,
                reason, false);
    }

    /**
     * Re-expresses a strict CSV reader's exception (the core reader's, or the summary readers'
     * subtype of it) in the command line's one format. Where the reader names no field, the
     * field a summary check speaks of is taken from the reason ({@link BtydCommands#fieldOf}).
     *
     * @param e the reader's exception, not null
     * @return the same location and problem, never null
     */
    static BadInputException of(CsvFormatException e) {
        String field = e.field().orElseGet(() -> BtydCommands.fieldOf(e.problem()));
        BadInputException b = new BadInputException(e.source(), e.line(), field, e.problem());
        b.initCause(e);
        return b;
    }

    private static String format(String file, long line, String field, String reason, boolean maskValues) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        String where = field == null ? "" : "field '" + SafeText.field(field) + "'";
        return file + (line > 0 ? ": line " + line + (where.isEmpty() ? "" : ", " + where)
                : where.isEmpty() ? "" : ": " + where) + ": "
                + (maskValues ? SafeText.maskQuoted(reason) : SafeText.reason(reason));
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

    /** @return the reason without the location, as given (not masked), never null */
    String reason() {
        return reason;
    }
}
