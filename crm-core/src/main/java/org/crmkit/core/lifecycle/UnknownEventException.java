package org.crmkit.core.lifecycle;

import java.util.List;

/**
 * Thrown when an event is fired that no transition of the lifecycle declares.
 *
 * <p>An event that the lifecycle knows but that is not allowed in the current state is not an
 * error: firing it returns {@link Outcome.NotAllowed}.
 *
 * <pre>{@code
 * lifecycle.decide(record, customer, context, Trigger.of("explode", at)); // throws
 * }</pre>
 *
 * <p>Immutable.
 */
public final class UnknownEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String event;
    private final String lifecycle;

    UnknownEventException(String lifecycle, String event, List<String> known) {
        super("lifecycle '" + lifecycle + "' has no event '" + event + "'; events are " + known);
        this.event = event;
        this.lifecycle = lifecycle;
    }

    /**
     * Returns the unknown event's name.
     *
     * @return the name as given, never null
     */
    public String event() {
        return event;
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
