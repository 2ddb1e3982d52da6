package org.crmkit.examples.cli;

/** Keeps text echoed from the user's input short in error lines. */
final class CliText {
    private static final int MAX = 60;

    private CliText() {
    }

    static String shorten(String text) {
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
