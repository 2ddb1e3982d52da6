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
 * parsed digit by digit (the ISO form may carry a time of day after 'T' or a space,
 * which is ignored); any other pattern goes through a strict {@link DateTimeFormatter}.
 * Not thread-safe (it caches recent dates).
 */
final class DateParser {
    private static final int CACHE = 4096;

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
                    || (len > 10 && b[s + 10] != 'T' && b[s + 10] != ' ')) {
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
            long day = LocalDate.parse(text, formatter).toEpochDay();
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
