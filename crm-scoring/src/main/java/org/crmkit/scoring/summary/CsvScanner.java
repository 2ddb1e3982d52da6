package org.crmkit.scoring.summary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level delimited-text scanner: buffers an input stream, finds lines, splits them
 * into fields without allocating, and parses numbers from bytes. Not thread-safe.
 *
 * <p>Strict about encoding: every line must be well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), checked only for lines that hold a
 * byte above 0x7F, so ASCII input pays one OR per byte in the line-end search. A UTF-8
 * byte order mark at the start is skipped.
 *
 * <p>A line ends with LF, CRLF or a lone CR (old Mac files, some spreadsheet exports), mixed
 * freely within one file; the line end is not part of the line. A lone CR inside a quoted
 * field (an even count of double quotes before it on the line decides) is part of the
 * field, as RFC 4180 allows and {@link org.crmkit.core.csv.CsvField} writes; an LF always
 * ends the line (fields do not span lines). The search for the line end stays one pass over
 * the bytes, with a quote count only at a lone CR; a CR that is the last byte buffered
 * makes the scanner read on before it decides, so a CRLF split across two reads is one
 * line end.
 */
final class CsvScanner {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final InputStream in;
    private final String source;
    private final CsvDelimiter delimiter;
    byte[] buf = new byte[1 << 18];
    private int pos;
    private int limit;
    private boolean eof;
    private long discarded; // bytes of the input moved out of the buffer by fill()
    private long lineNumber;
    private boolean first = true;
    private boolean comments;
    private boolean comment;
    private int lineStart;
    private int lineEnd;
    private String[] names;
    int fieldCount;
    int[] fieldStart = new int[16];
    int[] fieldEnd = new int[16];

    CsvScanner(InputStream in, String source, CsvDelimiter delimiter) {
        this.in = in;
        this.source = source;
        this.delimiter = delimiter;
    }

    String source() {
        return source;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** The number of input bytes consumed by the lines returned so far. */
    long consumed() {
        return discarded + pos;
    }

    /**
     * Reads a part of a file that does not start at its beginning: a byte order mark there
     * is text, not a mark.
     */
    void startsMidFile() {
        first = false;
    }

    /** While on, a line whose first byte is '#' is returned unsplit as a comment. */
    void comments(boolean on) {
        comments = on;
    }

    /** Tells whether the current line is a comment (see {@link #comments(boolean)}). */
    boolean isComment() {
        return comment;
    }

    /** The current line as text, without its line end. */
    String line() {
        return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    /** Sets the header names used to label columns in error messages. */
    void columnNames(String[] header) {
        names = header.clone();
    }

    /** The header name of column {@code i}, or its 1-based position without a header. */
    String label(int i) {
        return names != null && i < names.length ? names[i] : Integer.toString(i + 1);
    }

    /** Advances to the next non-blank line and splits it; false at end of input. */
    boolean nextLine() throws IOException {
        while (true) {
            int nl = -1;
            int high = 0;
            int scanned = pos;
            while (true) {
                byte[] b = buf;
                int i = scanned;
                for (; i < limit; i++) {
                    byte c = b[i];
                    high |= c;
                    if (c == '\n') {
                        nl = i;
                        break;
                    }
                    if (c == '\r') {
                        if (i + 1 == limit && !eof) {
                            break; // the last byte read: read on to see whether an LF follows
                        }
                        if ((i + 1 < limit && b[i + 1] == '\n') || outsideQuotes(pos, i)) {
                            nl = i;
                            break;
                        }
                    }
                }
                if (nl >= 0 || eof) {
                    break;
                }
                scanned = i - pos;
                fill();
                scanned += pos;
            }
            if (pos >= limit && eof) {
                return false;
            }
            int ls = pos;
            int le = nl >= 0 ? nl : limit;
            pos = nl < 0 ? limit : nl + 1 < limit && buf[nl] == '\r' && buf[nl + 1] == '\n' ? nl + 2 : nl + 1;
            lineNumber++;
            if (first) {
                first = false;
                if (le - ls >= 3 && (buf[ls] & 0xff) == 0xEF && (buf[ls + 1] & 0xff) == 0xBB
                        && (buf[ls + 2] & 0xff) == 0xBF) {
                    ls += 3;
                }
            }
            if (high < 0) {
                checkUtf8(ls, le);
            }
            if (isBlank(ls, le)) {
                continue;
            }
            lineStart = ls;
            lineEnd = le;
            comment = comments && buf[ls] == '#';
            if (comment) {
                fieldCount = 0;
                return true;
            }
            split(ls, le);
            return true;
        }
    }

    /**
     * Tells whether a lone CR at {@code at} is outside a quoted field of the line that
     * starts at {@code from}: an even number of double quotes before it (a doubled quote
     * inside a quoted field counts two, so it keeps the parity). A CR inside quotes is part
     * of the field (ids written by {@link org.crmkit.core.csv.CsvField} may hold one).
     */
    private boolean outsideQuotes(int from, int at) {
        if (delimiter == CsvDelimiter.WHITESPACE) {
            return true;
        }
        boolean inside = false;
        for (int k = from; k < at; k++) {
            if (buf[k] == '"') {
                inside = !inside;
            }
        }
        return !inside;
    }

    /** Throws naming the line and column of the first byte that is not well-formed UTF-8. */
    private void checkUtf8(int ls, int le) {
        byte[] b = buf;
        int i = ls;
        while (i < le) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                throw badUtf8(ls, le, i);
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                if (i + k >= le || (b[i + k] & 0xC0) != 0x80) {
                    throw badUtf8(ls, le, i);
                }
                cp = (cp << 6) | (b[i + k] & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw badUtf8(ls, le, i);
            }
            i += n + 1;
        }
    }

    private CsvInputException badUtf8(int ls, int le, int at) {
        // which field: count the delimiters before the bad byte (quotes ignored; a hint)
        int field = 0;
        if (delimiter != CsvDelimiter.WHITESPACE) {
            for (int i = ls; i < at; i++) {
                if (buf[i] == (byte) delimiter.character()) {
                    field++;
                }
            }
        } else {
            boolean inField = false;
            for (int i = ls; i < at; i++) {
                boolean space = buf[i] == ' ' || buf[i] == '\t';
                if (!space && !inField) {
                    field++;
                }
                inField = !space;
            }
            field = Math.max(0, field - (inField ? 1 : 0));
        }
        return new CsvInputException(source, lineNumber, label(field), String.format(
                "invalid UTF-8: byte 0x%02X at byte %d of the line; the file must be UTF-8",
                buf[at] & 0xff, at - ls + 1));
    }

    private boolean isBlank(int ls, int le) {
        for (int i = ls; i < le; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            discarded += pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
            eof = true;
        } else {
            limit += r;
        }
    }

    private void addField(int s, int e) {
        if (fieldCount == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fieldCount * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fieldCount * 2);
        }
        fieldStart[fieldCount] = s;
        fieldEnd[fieldCount] = e;
        fieldCount++;
    }

    private void split(int ls, int le) {
        fieldCount = 0;
        byte[] b = buf;
        if (delimiter == CsvDelimiter.WHITESPACE) {
            int p = ls;
            while (true) {
                while (p < le && (b[p] == ' ' || b[p] == '\t')) {
                    p++;
                }
                if (p >= le) {
                    return;
                }
                int s = p;
                while (p < le && b[p] != ' ' && b[p] != '\t') {
                    p++;
                }
                addField(s, p);
            }
        }
        byte d = (byte) delimiter.character();
        int p = ls;
        while (true) {
            while (p < le && b[p] == ' ') {
                p++;
            }
            if (p < le && b[p] == '"') {
                int w = p + 1;
                int r = p + 1;
                int s = w;
                boolean closed = false;
                while (r < le) {
                    if (b[r] == '"') {
                        if (r + 1 < le && b[r + 1] == '"') {
                            b[w++] = '"';
                            r += 2;
                        } else {
                            closed = true;
                            r++;
                            break;
                        }
                    } else {
                        b[w++] = b[r++];
                    }
                }
                if (!closed) {
                    throw new CsvInputException(source, lineNumber, label(fieldCount),
                            "unterminated quoted field");
                }
                addField(s, w);
                while (r < le && b[r] == ' ') {
                    r++;
                }
                if (r < le && b[r] != d) {
                    throw new CsvInputException(source, lineNumber, label(fieldCount - 1),
                            "unexpected text after closing quote");
                }
                p = r;
            } else {
                int s = p;
                while (p < le && b[p] != d) {
                    p++;
                }
                int e = p;
                while (e > s && b[e - 1] == ' ') {
                    e--;
                }
                addField(s, e);
            }
            if (p >= le) {
                return;
            }
            p++; // the delimiter
            if (p >= le) {
                addField(le, le);
                return;
            }
        }
    }

    String field(int i) {
        return new String(buf, fieldStart[i], fieldEnd[i] - fieldStart[i], StandardCharsets.UTF_8);
    }

    /**
     * Throws unless the line has exactly {@code expected} fields, naming the first missing
     * column or the first extra one.
     */
    void requireFieldCount(int expected, String what) {
        if (fieldCount != expected) {
            int col = Math.min(fieldCount, expected);
            throw new CsvInputException(source, lineNumber, label(col), "the line has "
                    + fieldCount + " fields, " + what + " " + expected
                    + (fieldCount < expected ? " (missing)" : " (extra field)"));
        }
    }

    boolean fieldEquals(int i, byte[] other, int otherLength) {
        int s = fieldStart[i];
        int len = fieldEnd[i] - s;
        return len == otherLength
                && Arrays.equals(buf, s, s + len, other, 0, otherLength);
    }

    /**
     * Parses a decimal number; exact fast path for up to 15 significant digits, JDK
     * parsing otherwise. Throws NumberFormatException for anything but a finite decimal.
     */
    static double parseDouble(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean dot = false;
        boolean any = false;
        for (; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa != 0 || c != '0') {
                    if (++digits > 15) {
                        return slowParse(b, s, e);
                    }
                    mantissa = mantissa * 10 + (c - '0');
                }
                if (dot) {
                    scale++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slowParse(b, s, e);
            }
        }
        if (!any) {
            throw new NumberFormatException("not a number");
        }
        if (scale >= POW10.length) {
            return slowParse(b, s, e);
        }
        // both operands are exact doubles, so one division rounds correctly
        double v = mantissa / POW10[scale];
        return negative ? -v : v;
    }

    private static double slowParse(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-'
                    || c == '+';
            if (!ok) {
                throw new NumberFormatException("not a decimal number");
            }
        }
        double v = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("not a finite number");
        }
        return v;
    }
}
