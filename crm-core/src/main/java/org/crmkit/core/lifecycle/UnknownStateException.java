package org.crmkit.core.lifecycle;

import java.util.List;

/**
 * Thrown when a state name or state is not part of a lifecycle.
 *
 * <pre>{@code
 * lifecycle.state("nirvana"); // throws UnknownStateException naming the known states
 * }</pre>
 *
 * <p>Immutable.
 */
public final class UnknownStateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String state;
    private final String lifecycle;

    UnknownStateException(String lifecycle, String state, List<String> known) {
        super("lifecycle '" + lifecycle + "' has no state '" + state + "'; states are " + known);
        this.state = state;
        this.lifecycle = lifecycle;
    }

    /**
     * Returns the unknown state's name.
     *
     * @return the name as given, never null
     */
    public String state() {
        return state;
    }

    /**
     * Returns the lifecycle's name.
     *
     * @return the name, never null
     */
    public String lifecycle() {
        return lifecycle;
    }
}
