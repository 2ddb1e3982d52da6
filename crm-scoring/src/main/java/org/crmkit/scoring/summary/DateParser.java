package org.crmkit.scoring.summary;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses dates from bytes into epoch days. {@code yyyyMMdd} and {@code yyyy-MM-dd} are
 * parsed digit by digit; any other pattern goes through a strict {@link DateTimeFormatter}.
 * Not thread-safe (it caches recent dates).
 *
 * <p>Strict: the ISO form may carry a time of day after 'T' or one space, which must be
 * well-formed ({@code HH:mm}, {@code HH:mm:ss} or {@code HH:mm:ss.fraction} with 1 to 9
 * digits, then optionally {@code Z} or an offset {@code +HH:mm}, {@code +HHmm} or
 * {@code +HH}) and is then ignored: the date is the calendar date as written. Anything
 * else after the date is an error. Every date must lie in {@value #MIN_YEAR}-01-01 ..
 * {@value #MAX_YEAR}-12-31, so that a typo such as {@code 9999-12-31} is reported instead
 * of turning into a customer age of millions of days.
 */
final class DateParser {
    private static final int CACHE = 4096;
    /** The earliest year accepted. */
    static final int MIN_YEAR = 1900;
    /** The latest year accepted. */
    static final int MAX_YEAR = 2199;

    private final String pattern;
    private final int kind;
    private final DateTimeFormatter formatter;
    private final int[] cacheKey = new int[CACHE];
    private final int[] cacheDay = new int[CACHE];
    private String lastText;
    private int lastDay;

    DateParser(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        if (pattern.equals("yyyyMMdd") || pattern.equals("uuuuMMdd")) {
            kind = 1;
            formatter = null;
        } else if (pattern.equals("yyyy-MM-dd") || pattern.equals("uuuu-MM-dd")
                || pattern.equalsIgnoreCase("iso")) {
            kind = 2;
            formatter = null;
        } else {
            kind = 3;
            try {
                formatter = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid date format '" + pattern + "': "
                        + e.getMessage(), e);
            }
        }
        for (int i = 0; i < CACHE; i++) {
            cacheKey[i] = -1;
        }
    }

    String pattern() {
        return pattern;
    }

    /** Returns the epoch day; throws IllegalArgumentException with a reason. */
    int parse(byte[] b, int s, int e) {
        int len = e - s;
        if (kind == 1) {
            if (len != 8) {
                throw bad(b, s, e);
            }
            int y = digits(b, s, 4);
            int m = digits(b, s + 4, 2);
            int d = digits(b, s + 6, 2);
            if ((y | m | d) < 0) {
                throw bad(b, s, e);
            }
            return epochDay(y, m, d, b, s, e);
        }
        if (kind == 2) {
            if (len < 10 || b[s + 4] != '-' || b[s + 7] != '-'
                    || (len > 10 && !timeOfDay(b, s + 10, e))) {
                throw bad(b, s, e);
            }
            int y = digits(b, s, 4);
            int m = digits(b, s + 5, 2);
            int d = digits(b, s + 8, 2);
            if ((y | m | d) < 0) {
                throw bad(b, s, e);
            }
            return epochDay(y, m, d, b, s, e);
        }
        String text = new String(b, s, len, StandardCharsets.UTF_8);
        if (text.equals(lastText)) {
            return lastDay;
        }
        try {
            LocalDate date = LocalDate.parse(text, formatter);
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                throw outOfRange(b, s, e);
            }
            long day = date.toEpochDay();
            lastText = text;
            lastDay = (int) day;
            return lastDay;
        } catch (DateTimeParseException ex) {
            throw bad(b, s, e);
        }
    }

    private int epochDay(int y, int m, int d, byte[] b, int s, int e) {
        int key = y * 10000 + m * 100 + d;
        int slot = (key ^ (key >>> 12)) & (CACHE - 1);
        if (cacheKey[slot] == key) {
            return cacheDay[slot];
        }
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw outOfRange(b, s, e);
        }
        int day;
        try {
            day = (int) LocalDate.of(y, m, d).toEpochDay();
        } catch (DateTimeException ex) {
            throw bad(b, s, e);
        }
        cacheKey[slot] = key;
        cacheDay[slot] = day;
        return day;
    }

    /** A well-formed time of day starting with 'T' or ' ' at {@code p}, up to {@code e}. */
    private static boolean timeOfDay(byte[] b, int p, int e) {
        if (b[p] != 'T' && b[p] != ' ') {
            return false;
        }
        p++;
        if (e - p < 5 || b[p + 2] != ':' || !inRange(b, p, 23) || !inRange(b, p + 3, 59)) {
            return false;
        }
        p += 5;
        if (p < e && b[p] == ':') {
            if (e - p < 3 || !inRange(b, p + 1, 59)) {
                return false;
            }
            p += 3;
            if (p < e && b[p] == '.') {
                int q = p + 1;
                while (q < e && b[q] >= '0' && b[q] <= '9') {
                    q++;
                }
                if (q - p - 1 < 1 || q - p - 1 > 9) {
                    return false;
                }
                p = q;
            }
        }
        if (p == e) {
            return true;
        }
        if (b[p] == 'Z') {
            return p + 1 == e;
        }
        if (b[p] != '+' && b[p] != '-') {
            return false;
        }
        p++;
        int left = e - p;
        if (left == 2) {
            return inRange(b, p, 18);
        }
        if (left == 4) {
            return inRange(b, p, 18) && inRange(b, p + 2, 59);
        }
        if (left == 5) {
            return b[p + 2] == ':' && inRange(b, p, 18) && inRange(b, p + 3, 59);
        }
        return false;
    }

    private static boolean inRange(byte[] b, int p, int max) {
        int v = digits(b, p, 2);
        return v >= 0 && v <= max;
    }

    private IllegalArgumentException outOfRange(byte[] b, int s, int e) {
        return new IllegalArgumentException("date '" + new String(b, s, e - s, StandardCharsets.UTF_8)
                + "' is outside the accepted range " + MIN_YEAR + "-01-01 .. " + MAX_YEAR + "-12-31");
    }

    private static int digits(byte[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private IllegalArgumentException bad(byte[] b, int s, int e) {
        return new IllegalArgumentException("cannot parse '"
                + new String(b, s, e - s, StandardCharsets.UTF_8) + "' as a date " + pattern);
    }
}
