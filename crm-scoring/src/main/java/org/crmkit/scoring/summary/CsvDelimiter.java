package org.crmkit.scoring.summary;

import java.util.Locale;
import java.util.Objects;

/**
 * The field separator of a delimited text file.
 *
 * <p>{@link #WHITESPACE} splits on runs of spaces and tabs and ignores leading and
 * trailing whitespace (the layout of the CDNOW files); the others split on one character
 * and allow RFC 4180 double quotes around a field.
 *
 * <p>Immutable and thread-safe.
 */
public enum CsvDelimiter {
    /** A comma. */
    COMMA(','),
    /** A semicolon. */
    SEMICOLON(';'),
    /** One tab character. */
    TAB('\t'),
    /** Any run of spaces and tabs. */
    WHITESPACE(' ');

    private final char character;

    CsvDelimiter(char character) {
        this.character = character;
    }

    char character() {
        return character;
    }

    /**
     * Parses a delimiter: {@code ","}, {@code ";"}, a tab, or the words {@code comma},
     * {@code semicolon}, {@code tab}, {@code whitespace} (ignoring case).
     *
     * @param text the delimiter text, not null
     * @return the delimiter, never null
     * @throws IllegalArgumentException if the text names no delimiter
     */
    public static CsvDelimiter parse(String text) {
        Objects.requireNonNull(text, "text");
        switch (text.equals("\t") ? "tab" : text.trim().toLowerCase(Locale.ROOT)) {
            case ",":
            case "comma":
                return COMMA;
            case ";":
            case "semicolon":
                return SEMICOLON;
            case "tab":
            case "\\t":
                return TAB;
            case "whitespace":
            case "space":
                return WHITESPACE;
            default:
                throw new IllegalArgumentException("unknown delimiter '" + text
                        + "'; expected ',', ';', tab or whitespace");
        }
    }
}
