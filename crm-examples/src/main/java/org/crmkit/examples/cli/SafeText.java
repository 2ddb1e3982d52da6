package org.crmkit.examples.cli;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code crm} shows input values in its one error line: short, on one line, and without
 * personal data.
 *
 * <p>The rule, applied to every value an error quotes from an input file (in single quotes,
 * the command line's convention for input values):
 * <ul>
 *   <li>shown as it is only when it cannot be personal: a number with at most 6 digits
 *       ({@code -3}, {@code 2.5}, {@code 1e400}) or one of {@code NaN}, {@code Infinity},
 *       {@code inf}, {@code true}, {@code false}, {@code null}, {@code NA} (in any case and
 *       sign), or a date shaped {@code dddd-dd-dd} ({@code 2024-02-30});</li>
 *   <li>otherwise shown by its shape: each upper-case letter as {@code X}, other letters as
 *       {@code x}, each digit as {@code #}, control characters and undecodable bytes as
 *       {@code ?}, other characters as they are; so {@code ann.lee@example.com} becomes
 *       {@code xxx.xxx@xxxxxxx.xxx}, {@code +49 30 1234567} becomes {@code +## ## #######}
 *       and {@code Ann Lee} becomes {@code Xxx Xxx};</li>
 *   <li>cut after {@value #MAX_VALUE} characters, saying how long it was.</li>
 * </ul>
 * As a second line of defence, e-mail addresses and phone-like digit groups (7 or more
 * digits with separators, other than an ISO date the program prints itself) are masked wherever they appear in a reason, quoted or not; a
 * field name is cut after {@value #MAX_FIELD} characters and a reason after
 * {@value #MAX_REASON}. The masked form is shape-preserving and idempotent, so masking twice
 * changes nothing.
 *
 * <p>Stateless and thread-safe.
 */
final class SafeText {
    /** Longest value shown, in characters. */
    static final int MAX_VALUE = 32;
    /** Longest field name shown, in characters. */
    static final int MAX_FIELD = 64;
    /** Longest reason shown, in characters. */
    static final int MAX_REASON = 240;

    private static final Set<String> KEYWORDS = Set.of("nan", "+nan", "-nan", "infinity", "+infinity",
            "-infinity", "inf", "+inf", "-inf", "true", "false", "null", "na", "n/a");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\(?\\d[\\d ()./-]{5,}\\d");

    private SafeText() {
    }

    /**
     * Returns an input value as an error may show it (see the class documentation).
     *
     * @param value the value, not null
     * @return the value or its shape, at most about {@value #MAX_VALUE} characters, never null
     */
    static String value(String value) {
        if (value.length() <= MAX_VALUE && (KEYWORDS.contains(value.toLowerCase(Locale.ROOT)) || smallNumber(value)
                || ISO_DATE.matcher(value).matches())) {
            return value;
        }
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_VALUE) + 24);
        int shown = 0;
        int i = 0;
        while (i < value.length() && shown < MAX_VALUE) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            shown++;
            if (Character.isLetter(cp)) {
                sb.append(Character.isUpperCase(cp) ? 'X' : 'x');
            } else if (Character.isDigit(cp)) {
                sb.append('#');
            } else if (Character.isISOControl(cp) || cp == 0xFFFD || Character.getType(cp) == Character.FORMAT) {
                sb.append(cp == '\t' || cp == ' ' ? ' ' : '?');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        if (i < value.length()) {
            sb.append("... (").append(value.codePointCount(0, value.length())).append(" characters)");
        }
        return sb.toString();
    }

    private static boolean smallNumber(String value) {
        if (!NUMBER.matcher(value).matches()) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        return digits <= 6;
    }

    /**
     * Masks the input values an error reason quotes in single quotes, then applies the
     * second line of defence and the length limit. A quote opens a value at the start or after
     * a space, parenthesis, colon, comma or equals sign, and closes it before the end, a space,
     * a closing parenthesis or punctuation; a value with no closing quote runs to the end.
     *
     * @param reason the reason, not null
     * @return the reason with every quoted value masked, on one line, never null
     */
    static String maskQuoted(String reason) {
        StringBuilder sb = new StringBuilder(Math.min(reason.length(), 4 * MAX_REASON));
        int i = 0;
        int n = reason.length();
        while (i < n && sb.length() < 4 * MAX_REASON) {
            char c = reason.charAt(i);
            if (c == '\'' && opens(reason, i)) {
                int close = -1;
                for (int j = i + 1; j < n; j++) {
                    if (reason.charAt(j) == '\'' && closes(reason, j)) {
                        close = j;
                        break;
                    }
                }
                int end = close < 0 ? n : close;
                sb.append('\'').append(value(reason.substring(i + 1, end))).append('\'');
                i = close < 0 ? n : close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        if (i < n) {
            sb.append(" ...");
        }
        return reason(sb.toString());
    }

    private static boolean opens(String s, int i) {
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        return Character.isWhitespace(p) || p == '(' || p == ':' || p == ',' || p == '=' || p == '[';
    }

    private static boolean closes(String s, int j) {
        if (j == s.length() - 1) {
            return true;
        }
        char q = s.charAt(j + 1);
        return Character.isWhitespace(q) || q == ')' || q == ',' || q == '.' || q == ';' || q == ':' || q == ']';
    }

    /**
     * Puts a reason on one line, masks e-mail addresses and phone-like digit groups in it and
     * cuts it after {@value #MAX_REASON} characters.
     *
     * @param reason the reason, not null
     * @return the safe reason, never null
     */
    static String reason(String reason) {
        String head = reason.length() > 8 * MAX_REASON ? reason.substring(0, 8 * MAX_REASON) : reason;
        String one = oneLine(head);
        one = replace(EMAIL, one, false);
        one = replace(PHONE_LIKE, one, true);
        return cut(one, MAX_REASON);
    }

    /**
     * Cuts a field name for the error line; it is masked like a value when it looks like an
     * e-mail address or a phone number (a header row that is really data).
     *
     * @param field the field name, not null
     * @return the name as shown, never null
     */
    static String field(String field) {
        // cut before matching: the patterns backtrack over long runs of letters
        boolean long_ = field.length() > MAX_FIELD;
        String one = oneLine(long_ ? field.substring(0, MAX_FIELD) : field);
        if (EMAIL.matcher(one).find() || phoneLike(one)) {
            one = value(one.length() > MAX_VALUE ? one.substring(0, MAX_VALUE) : one);
        }
        return long_ ? one + "... (" + field.length() + " characters)" : one;
    }

    private static boolean phoneLike(String s) {
        Matcher m = PHONE_LIKE.matcher(s);
        while (m.find()) {
            if (digitGroupIsPersonal(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static String replace(Pattern p, String text, boolean digitsOnly) {
        Matcher m = p.matcher(text);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            if (digitsOnly && !digitGroupIsPersonal(m.group())) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length());
            }
            sb.append(text, last, m.start()).append(value(m.group()));
            last = m.end();
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }

    /** 7 or more digits that are not one plain decimal number (those are values a reason shows). */
    private static boolean digitGroupIsPersonal(String group) {
        int digits = 0;
        for (int i = 0; i < group.length(); i++) {
            if (Character.isDigit(group.charAt(i))) {
                digits++;
            }
        }
        return digits >= 7 && !NUMBER.matcher(group).matches() && !ISO_DATE.matcher(group).matches();
    }

    /** Joins the lines of a text with single spaces, dropping control characters. */
    static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || Character.isISOControl(c)) {
                space = true;
                continue;
            }
            if (space && sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
            space = false;
            sb.append(c);
        }
        return sb.toString().strip();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "... (" + text.length() + " characters)";
    }
}
