package org.crmkit.core.customer;

import org.crmkit.core.internal.Check;

/**
 * The one masking rule for values that may be personal data, used wherever crmkit puts a value
 * a caller supplied into an exception message, a log line or an explanation, so that a mistyped
 * e-mail address in a number column, or a customer's e-mail in a rule explanation, is never
 * printed in full. The customer model's {@code toString} methods mask the same way.
 *
 * <p>The rule, applied by {@link #mask(String)}:
 * <ul>
 *   <li>a value with one {@code @}, after its first character, and no whitespace is shown as an
 *       e-mail address with its local part masked: {@code ann.lee@example.com} becomes
 *       {@code a***@example.com};</li>
 *   <li>a value that may identify a person in another way is masked but for its last two
 *       characters ({@code +49 30 1234567} becomes {@code ************67}): one with whitespace
 *       inside (a name, an address), with six or more digits (a phone or id number, a date that
 *       may be a birth date), with another {@code @}, or longer
 *       than {@value #MAX_SHOWN} characters; a value longer than {@value #MAX_MASKED} characters
 *       is reduced to its length ({@code *** (10485760 characters)});</li>
 *   <li>any other value (a short token such as {@code 12x}, {@code NaN}, {@code gold},
 *       {@code -5}) is shown as it is, since it helps to find the mistake and identifies no
 *       one.</li>
 * </ul>
 *
 * <pre>{@code
 * throw new IllegalArgumentException("age: not a number: '" + PersonalData.mask(cell) + "'");
 * PersonalData.mask("ann.lee@example.com"); // "a***@example.com"
 * PersonalData.mask("12x");                 // "12x"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PersonalData {
    /** Longest value shown unmasked when it looks like no personal data. */
    public static final int MAX_SHOWN = 20;
    /** Longest value masked character by character; longer ones are reduced to their length. */
    public static final int MAX_MASKED = 64;

    private PersonalData() {
    }

    /**
     * Masks a value that may be personal data, by the rule in the class comment.
     *
     * @param value the value, may be null
     * @return the value, masked where it may be personal data; {@code "null"} for null; never null
     */
    public static String mask(String value) {
        if (value == null) {
            return "null";
        }
        int n = value.length();
        if (n > MAX_MASKED) {
            return "*** (" + n + " characters)";
        }
        int at = value.indexOf('@');
        boolean identifying = looksIdentifying(value);
        if (at > 0 && value.indexOf('@', at + 1) < 0 && !hasWhitespace(value)) {
            return value.charAt(0) + "***" + value.substring(at);
        }
        if (at >= 0 || n > MAX_SHOWN || identifying) {
            return Check.mask(value, 2);
        }
        return value;
    }

    private static boolean hasWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksIdentifying(String value) {
        int digits = 0;
        String inner = value.strip();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (Character.isWhitespace(c)) {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= 6) {
                return true;
            }
        }
        return false;
    }
}
