package org.crmkit.core.segment;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses the regular-expression shapes that make {@link java.util.regex} backtrack
 * exponentially: back-references, and a repeated group ({@code *}, {@code +} or {@code {..}})
 * that contains a quantifier ({@code *}, {@code +}, {@code ?}, {@code {..}}), such as
 * {@code (a+)+} or {@code (a{1,30}){1,30}}. This is a syntactic check, not a proof of linear time
 * (overlapping alternatives such as {@code (a|aa)+} pass it); the work budget of every match
 * ({@link Rules#matchBudget(int)}) bounds what it lets through. Stateless.
 */
final class PatternGuard {

    private PatternGuard() {
    }

    /** Returns why the pattern is refused, or null if it is accepted. */
    static String risk(String p) {
        Deque<boolean[]> groups = new ArrayDeque<>(); // per open group: contains a quantifier
        boolean lastGroupQuantified = false; // the group just closed contained one
        boolean justClosed = false;
        int n = p.length();
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            boolean closedHere = false;
            switch (c) {
                case '\\':
                    if (i + 1 < n) {
                        char e = p.charAt(i + 1);
                        if ((e >= '1' && e <= '9') || e == 'k') {
                            return "back-references are not allowed (index " + i + ")";
                        }
                        if (e == 'Q') {
                            int end = p.indexOf("\\E", i + 2);
                            i = end < 0 ? n : end + 1;
                            break;
                        }
                        i++;
                    }
                    break;
                case '[':
                    i = skipClass(p, i);
                    break;
                case '(':
                    groups.push(new boolean[1]);
                    break;
                case ')':
                    if (!groups.isEmpty()) {
                        lastGroupQuantified = groups.pop()[0];
                        if (lastGroupQuantified && !groups.isEmpty()) {
                            groups.peek()[0] = true;
                        }
                        closedHere = true;
                    }
                    break;
                case '?':
                    // after '(' it opens a group construct, after a quantifier it makes it lazy
                    if (i > 0 && (p.charAt(i - 1) == '(' || isQuantifierEnd(p, i - 1)) && !escaped(p, i - 1)) {
                        break;
                    }
                    if (!groups.isEmpty()) {
                        groups.peek()[0] = true; // at most once: a quantifier inside, not a repeat
                    }
                    break;
                case '*':
                case '+':
                case '{': {
                    boolean repeat = c != '{' || isRepeat(p, i);
                    if (!repeat) {
                        break;
                    }
                    // a possessive or lazy modifier after a quantifier is not a new quantifier
                    if (i > 0 && (c == '+') && isQuantifierEnd(p, i - 1)) {
                        break;
                    }
                    if (justClosed && lastGroupQuantified && !isAtMostOnce(p, i)) {
                        return "a repeated group contains a quantifier, which can backtrack"
                                + " exponentially (index " + i + ")";
                    }
                    if (!groups.isEmpty()) {
                        groups.peek()[0] = true;
                    }
                    if (c == '{') {
                        i = p.indexOf('}', i);
                    }
                    break;
                }
                default:
                    break;
            }
            justClosed = closedHere;
        }
        return null;
    }

    /** True for {@code {0,1}} and {@code {1}}, which repeat nothing. */
    private static boolean isAtMostOnce(String p, int i) {
        if (p.charAt(i) != '{') {
            return false;
        }
        String body = p.substring(i + 1, p.indexOf('}', i));
        return body.equals("1") || body.equals("0,1") || body.equals("1,1");
    }

    private static boolean escaped(String p, int i) {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && p.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static boolean isQuantifierEnd(String p, int i) {
        char c = p.charAt(i);
        return (c == '*' || c == '+' || c == '?' || c == '}') && (i == 0 || p.charAt(i - 1) != '\\');
    }

    private static boolean isRepeat(String p, int i) {
        int end = p.indexOf('}', i);
        if (end < 0) {
            return false;
        }
        String body = p.substring(i + 1, end);
        return body.matches("[0-9]+(,[0-9]*)?");
    }

    private static int skipClass(String p, int i) {
        int j = i + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        int depth = 1;
        for (; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (--depth == 0) {
                    return j;
                }
            }
        }
        return p.length();
    }
}
