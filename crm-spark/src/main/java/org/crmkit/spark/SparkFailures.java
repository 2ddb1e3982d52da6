package org.crmkit.spark;

import java.util.function.Supplier;

/**
 * Runs a Spark action and turns a failed task's argument or state exception back into the
 * exception it was, so that bad input gives the same exception type on a cluster as on
 * one machine.
 */
final class SparkFailures {
    private SparkFailures() {
    }

    static <T> T unwrap(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException iae) {
                    IllegalArgumentException copy = new IllegalArgumentException(iae.getMessage(), e);
                    throw copy;
                }
                if (c instanceof IllegalStateException ise) {
                    throw new IllegalStateException(ise.getMessage(), e);
                }
                if (c.getCause() == c) {
                    break;
                }
            }
            throw e;
        }
    }
}
