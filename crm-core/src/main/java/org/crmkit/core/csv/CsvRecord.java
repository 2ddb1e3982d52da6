package org.crmkit.core.csv;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of delimited text, with the line it starts on and typed access whose errors
 * name the source, the line and the column (never the value).
 *
 * <pre>{@code
 * CsvRecord row = reader.next();
 * String id = row.get("customer_id");
 * int score = row.getInt(reader.column("score"));
 * OptionalDouble value = row.getOptionalDouble(reader.column("value"));   // blank: empty
 * }</pre>
 *
 * <p>Numbers are parsed in the root locale after trimming blanks: {@code 1.5}, {@code -2},
 * {@code 1e3}; {@code NaN}, {@code Infinity}, hexadecimal and numbers that overflow to
 * infinity are errors.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvRecord {
    private final CsvReader reader;
    private final long line;
    private final String[] values;

    CsvRecord(CsvReader reader, long line, String[] values) {
        this.reader = reader;
        this.line = line;
        this.values = values;
    }

    /**
     * Returns the 1-based line on which the record starts.
     *
     * @return the line number
     */
    public long line() {
        return line;
    }

    /**
     * Returns the number of fields.
     *
     * @return the size
     */
    public int size() {
        return values.length;
    }

    /**
     * Returns the fields.
     *
     * @return the fields in file order, unmodifiable, never null
     */
    public List<String> values() {
        return List.of(values);
    }

    /**
     * Returns a field as it stands in the file (quotes removed).
     *
     * @param index the 0-based index
     * @return the field, never null (an empty field is {@code ""})
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public String get(int index) {
        return values[Objects.checkIndex(index, values.length)];
    }

    /**
     * Returns the field of a column named in the header.
     *
     * @param column the column name, not null
     * @return the field, never null
     * @throws CsvFormatException if the header has no such column
     */
    public String get(String column) {
        return values[reader.column(column)];
    }

    /**
     * Tells whether a field is empty or blanks only.
     *
     * @param index the 0-based index
     * @return true if blank
     */
    public boolean isBlank(int index) {
        return get(index).isBlank();
    }

    /**
     * Returns a field that must not be blank, trimmed.
     *
     * @param index the 0-based index
     * @return the trimmed field, never empty
     * @throws CsvFormatException if the field is blank
     */
    public String getRequired(int index) {
        String v = get(index).strip();
        if (v.isEmpty()) {
            throw error(index, "is empty");
        }
        return v;
    }

    /**
     * Returns a trimmed field, or empty when it is blank.
     *
     * @param index the 0-based index
     * @return the trimmed field, empty if blank
     */
    public Optional<String> getOptional(int index) {
        String v = get(index).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /**
     * Parses a field as a finite number.
     *
     * @param index the 0-based index
     * @return the number
     * @throws CsvFormatException if the field is blank or not a finite number
     */
    public double getDouble(int index) {
        return getOptionalDouble(index).orElseThrow(() -> error(index, "is empty, expected a number"));
    }

    /**
     * Parses a field as a finite number, or empty when it is blank.
     *
     * @param index the 0-based index
     * @return the number, empty if blank
     * @throws CsvFormatException if the field is not blank and not a finite number
     */
    public OptionalDouble getOptionalDouble(int index) {
        String v = get(index).strip();
        if (v.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!looksDecimal(v)) {
            throw error(index, "not a number (" + describe(v) + ")");
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(index, "not a number (" + describe(v) + ")");
        }
        if (!Double.isFinite(d)) {
            throw error(index, "number out of range");
        }
        return OptionalDouble.of(d);
    }

    /**
     * Parses a field as a whole number in the {@code int} range.
     *
     * @param index the 0-based index
     * @return the number
     * @throws CsvFormatException if the field is blank, not a whole number or out of range
     */
    public int getInt(int index) {
        long v = getLong(index);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(index, "whole number out of range");
        }
        return (int) v;
    }

    /**
     * Parses a field as a whole number in the {@code long} range.
     *
     * @param index the 0-based index
     * @return the number
     * @throws CsvFormatException if the field is blank, not a whole number or out of range
     */
    public long getLong(int index) {
        String v = getRequired(index);
        try {
            return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw error(index, "not a whole number (" + describe(v) + ")");
        }
    }

    /**
     * Parses a binary field: {@code 1/0}, {@code true/false}, {@code yes/no},
     * {@code y/n} in any case.
     *
     * @param index the 0-based index
     * @return the value
     * @throws CsvFormatException if the field is blank or not one of these
     */
    public boolean getBoolean(int index) {
        String v = getRequired(index).toLowerCase(Locale.ROOT);
        switch (v) {
            case "1", "true", "yes", "y", "t":
                return true;
            case "0", "false", "no", "n", "f":
                return false;
            default:
                throw error(index, "not a binary value (expected 1/0, true/false or yes/no)");
        }
    }

    /**
     * Creates the exception for a bad field of this record, naming source, line and
     * column; for callers that check a field's meaning themselves.
     *
     * @param index the 0-based index of the field at fault
     * @param problem what is wrong, not null, without the value
     * @return the exception, never null
     */
    public CsvFormatException error(int index, String problem) {
        return new CsvFormatException(reader.source(), line, reader.columnName(index), problem);
    }

    /**
     * Creates the exception for a problem of the whole record.
     *
     * @param problem what is wrong, not null, without personal values
     * @return the exception, never null
     */
    public CsvFormatException error(String problem) {
        return new CsvFormatException(reader.source(), line, null, problem);
    }

    /** What a rejected value looks like without repeating it: its length only. */
    static String describe(String value) {
        return value.length() + (value.length() == 1 ? " character" : " characters");
    }

    private static boolean looksDecimal(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code CsvRecord[line N, K fields]}: the fields are left out since they may
     * hold personal data.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "CsvRecord[line " + line + ", " + values.length + " fields]";
    }
}
