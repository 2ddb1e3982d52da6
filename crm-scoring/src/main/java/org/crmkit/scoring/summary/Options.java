package org.crmkit.scoring.summary;

/**
 * The "each option at most once" rule of this package's builders, with one message
 * format for all of them.
 *
 * <p>Thread-safe: stateless.
 */
final class Options {

    private Options() {
    }

    /**
     * Rejects setting an option that already has a value.
     *
     * @param current the option's current value, null if unset
     * @param option the option's name for the message
     * @throws IllegalStateException if {@code current} is not null
     */
    static void once(Object current, String option) {
        if (current != null) {
            throw new IllegalStateException(option + " was already set to " + current);
        }
    }
}
