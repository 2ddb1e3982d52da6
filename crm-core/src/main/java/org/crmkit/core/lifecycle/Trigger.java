package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A request to fire an event: which event, when, by whom, why, and on what evidence.
 *
 * <pre>{@code
 * Trigger t = Trigger.of("deepen", Instant.parse("2026-03-01T10:00:00Z"), "alice", "second order placed");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param event    the event's name, not blank
 * @param at       when the event happens; must not be before the subject's last move
 * @param actor    who or what fires it, not blank
 * @param reason   why, may be empty
 * @param evidence scores or signals behind the event, may be empty
 */
public record Trigger(String event, Instant at, String actor, String reason, List<Evidence> evidence) {

    /** The actor of {@link #of(String, Instant)}. */
    public static final String SYSTEM = "system";

    /**
     * Validates the components and copies the evidence.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if event or actor is blank
     */
    public Trigger {
        Names.require(event, "event");
        Objects.requireNonNull(at, "at");
        Names.require(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
    }

    /**
     * Returns a trigger by {@link #SYSTEM} without reason or evidence.
     *
     * @param event the event's name, not blank
     * @param at    when, not null
     * @return the trigger, never null
     */
    public static Trigger of(String event, Instant at) {
        return new Trigger(event, at, SYSTEM, "", List.of());
    }

    /**
     * Returns a trigger with actor and reason, without evidence.
     *
     * @param event  the event's name, not blank
     * @param at     when, not null
     * @param actor  who fires it, not blank
     * @param reason why, not null
     * @return the trigger, never null
     */
    public static Trigger of(String event, Instant at, String actor, String reason) {
        return new Trigger(event, at, actor, reason, List.of());
    }

    /**
     * Returns a copy carrying the given evidence.
     *
     * @param readings the evidence, not null
     * @return the copy, never null
     */
    public Trigger withEvidence(List<Evidence> readings) {
        return new Trigger(event, at, actor, reason, readings);
    }
}
