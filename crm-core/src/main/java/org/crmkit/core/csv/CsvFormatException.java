package org.crmkit.core.csv;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when delimited text breaks the rules of {@link CsvReader}: bytes that are not
 * UTF-8, a quote left open, a row with more or fewer fields than the header, a field
 * that is too long, a missing column, or a value that does not fit the type a caller
 * asked for.
 *
 * <p>The message has the form {@code SOURCE:LINE: field 'NAME': PROBLEM} (the field part
 * is left out where no single field is at fault). It never contains the offending value,
 * which may be personal data; a value's length may be given instead.
 *
 * <pre>{@code
 * try (CsvReader in = CsvReader.open(path, CsvReader.Options.comma())) { ... }
 * catch (CsvFormatException e) {
 *     System.err.println(e.getMessage());   // "surveys.csv:17: field 'score': not a whole number"
 * }
 * }</pre>
 *
 * <p>Readers of other modules that name a file, line and field the same way throw this type or a
 * subtype of it (crm-scoring's {@code CsvInputException}), so a caller catches one type for every
 * strict reader.
 *
 * <p>Immutable and thread-safe.
 */
public class CsvFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String field;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param source the file name or stream label, not null
     * @param line the 1-based line number (of the line where the record starts), at least 0
     *     (0 where the problem is not on one line, such as an empty file)
     * @param field the column name or 1-based position of the field at fault, or null
     * @param problem what is wrong, not null; must not contain the offending value
     * @throws NullPointerException if source or problem is null
     * @throws IllegalArgumentException if line is negative
     */
    public CsvFormatException(String source, long line, String field, String problem) {
        super(format(source, line, field, problem));
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, long line, String field, String problem) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(problem, "problem");
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(problem).toString();
    }

    /**
     * Returns the file name or stream label.
     *
     * @return the source, never null
     */
    public String source() {
        return source;
    }

    /**
     * Returns the 1-based line number, 0 when the problem is not on one line.
     *
     * @return the line
     */
    public long line() {
        return line;
    }

    /**
     * Returns the name (or 1-based position) of the field at fault.
     *
     * @return the field, empty when no single field is at fault
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /**
     * Returns what is wrong, without source, line or field.
     *
     * @return the problem, never null
     */
    public String problem() {
        return problem;
    }
}
