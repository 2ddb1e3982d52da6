package org.crmkit.scoring.summary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level delimited-text scanner: buffers an input stream, finds lines, splits them
 * into fields without allocating, and parses numbers from bytes. Not thread-safe.
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
    private long lineNumber;
    private boolean first = true;
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

    /** Advances to the next non-blank line and splits it; false at end of input. */
    boolean nextLine() throws IOException {
        while (true) {
            int nl = -1;
            while (true) {
                for (int i = pos; i < limit; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl >= 0 || eof) {
                    break;
                }
                fill();
            }
            if (pos >= limit && eof) {
                return false;
            }
            int ls = pos;
            int le = nl >= 0 ? nl : limit;
            pos = nl >= 0 ? nl + 1 : limit;
            lineNumber++;
            if (first) {
                first = false;
                if (le - ls >= 3 && (buf[ls] & 0xff) == 0xEF && (buf[ls + 1] & 0xff) == 0xBB
                        && (buf[ls + 2] & 0xff) == 0xBF) {
                    ls += 3;
                }
            }
            if (le > ls && buf[le - 1] == '\r') {
                le--;
            }
            if (isBlank(ls, le)) {
                continue;
            }
            split(ls, le);
            return true;
        }
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
                    throw new CsvInputException(source, lineNumber, Integer.toString(fieldCount + 1),
                            "unterminated quoted field");
                }
                addField(s, w);
                while (r < le && b[r] == ' ') {
                    r++;
                }
                if (r < le && b[r] != d) {
                    throw new CsvInputException(source, lineNumber, Integer.toString(fieldCount),
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
