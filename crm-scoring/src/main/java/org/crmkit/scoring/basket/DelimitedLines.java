package org.crmkit.scoring.basket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.csv.CsvFormatException;
import org.crmkit.core.csv.CsvReader;

/**
 * Reads lines of varying width for the basket format (one basket per line), which
 * {@link CsvReader} does not accept since it requires every row to be as wide as the first:
 * skips blank lines and a byte order mark, splits fields on one character with RFC 4180
 * double quotes (a quoted field stays on its line), or on runs of whitespace, and trims
 * spaces around unquoted fields. Errors are {@link CsvFormatException}s that name source,
 * line and field and never repeat a value. Not thread-safe.
 */
final class DelimitedLines {
    private final BufferedReader in;
    private final String source;
    private final CsvReader.Options options;
    private long line;
    private boolean first = true;

    DelimitedLines(Reader in, String source, CsvReader.Options options) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        this.source = source;
        this.options = options;
    }

    long line() {
        return line;
    }

    String source() {
        return source;
    }

    /** Returns the next non-blank line's fields, or null at the end. */
    List<String> next() throws IOException {
        while (true) {
            String text;
            try {
                text = in.readLine();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new CsvFormatException(source, line + 1, null, "is not valid UTF-8");
            }
            if (text == null) {
                return null;
            }
            line++;
            if (first) {
                first = false;
                if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
            }
            if (text.isBlank()) {
                continue;
            }
            return split(text);
        }
    }

    private List<String> split(String text) {
        List<String> fields = new ArrayList<>();
        if (options.whitespace()) {
            for (String f : text.strip().split("[ \\t]+")) {
                fields.add(f);
            }
            return fields;
        }
        char d = options.delimiter();
        int p = 0;
        int n = text.length();
        while (true) {
            while (p < n && text.charAt(p) == ' ') {
                p++;
            }
            if (p < n && text.charAt(p) == '"') {
                StringBuilder sb = new StringBuilder();
                int r = p + 1;
                boolean closed = false;
                while (r < n) {
                    char c = text.charAt(r);
                    if (c == '"') {
                        if (r + 1 < n && text.charAt(r + 1) == '"') {
                            sb.append('"');
                            r += 2;
                        } else {
                            closed = true;
                            r++;
                            break;
                        }
                    } else {
                        sb.append(c);
                        r++;
                    }
                }
                if (!closed) {
                    throw new CsvFormatException(source, line, Integer.toString(fields.size() + 1),
                            "unterminated quoted field");
                }
                fields.add(sb.toString());
                while (r < n && text.charAt(r) == ' ') {
                    r++;
                }
                if (r < n && text.charAt(r) != d) {
                    throw new CsvFormatException(source, line, Integer.toString(fields.size()),
                            "unexpected text after closing quote");
                }
                p = r;
            } else {
                int s = p;
                while (p < n && text.charAt(p) != d) {
                    p++;
                }
                fields.add(text.substring(s, p).strip());
            }
            if (p >= n) {
                return fields;
            }
            p++;
            if (p >= n) {
                fields.add("");
                return fields;
            }
        }
    }
}
