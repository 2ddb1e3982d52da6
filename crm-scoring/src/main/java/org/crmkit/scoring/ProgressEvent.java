package org.crmkit.scoring;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One report of how far a long piece of work has got: what it is doing ({@code phase}), how
 * many units of it are done, how many there are when that is known, and how long the work
 * has run.
 *
 * <pre>{@code
 * ProgressListener print = e -> System.err.println(e.phase() + ": " + e.done()
 *         + e.total().stream().mapToObj(t -> " of " + t).findFirst().orElse("")
 *         + " after " + e.elapsed().toMillis() + " ms");
 * }</pre>
 *
 * <p>The units are the phase's own: rows read by a summary, likelihood evaluations of a fit
 * (whose total is not known in advance), refits of a bootstrap. {@code done} never decreases
 * within one phase of one piece of work.
 *
 * <p>Immutable and thread-safe.
 *
 * @param phase what the work is doing, e.g. {@code fit bg-nbd: likelihood evaluations}, never null nor blank
 * @param done the units done so far, {@code >= 0}
 * @param total the units in all, when known; then {@code >= done}
 * @param elapsed the time since the work started, not negative, never null
 */
public record ProgressEvent(String phase, long done, OptionalLong total, Duration elapsed) {

    /**
     * Validates the components.
     *
     * @param phase see the record component
     * @param done see the record component
     * @param total see the record component
     * @param elapsed see the record component
     * @throws NullPointerException if phase, total or elapsed is null
     * @throws IllegalArgumentException if phase is blank, done negative, total below done or
     *     elapsed negative
     */
    public ProgressEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(elapsed, "elapsed");
        if (phase.isBlank()) {
            throw new IllegalArgumentException("phase is blank");
        }
        if (done < 0) {
            throw new IllegalArgumentException("done " + done + " is negative");
        }
        if (total.isPresent() && total.getAsLong() < done) {
            throw new IllegalArgumentException("total " + total.getAsLong() + " is below done " + done);
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed " + elapsed + " is negative");
        }
    }

    /**
     * Returns an event whose total is known.
     *
     * @param phase what the work is doing, not null nor blank
     * @param done the units done, {@code 0 <= done <= total}
     * @param total the units in all
     * @param elapsed the time since the work started, not null
     * @return the event, never null
     * @throws IllegalArgumentException if a value is out of range
     */
    public static ProgressEvent of(String phase, long done, long total, Duration elapsed) {
        return new ProgressEvent(phase, done, OptionalLong.of(total), elapsed);
    }

    /**
     * Returns an event whose total is not known.
     *
     * @param phase what the work is doing, not null nor blank
     * @param done the units done, {@code >= 0}
     * @param elapsed the time since the work started, not null
     * @return the event, never null
     * @throws IllegalArgumentException if a value is out of range
     */
    public static ProgressEvent ofUnknownTotal(String phase, long done, Duration elapsed) {
        return new ProgressEvent(phase, done, OptionalLong.empty(), elapsed);
    }

    /**
     * Returns the fraction done, {@code done / total}, when the total is known (1 for a total of 0).
     *
     * @return the fraction in [0, 1], or empty when the total is unknown
     */
    public java.util.OptionalDouble fraction() {
        if (total.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        long t = total.getAsLong();
        return java.util.OptionalDouble.of(t == 0 ? 1 : (double) done / t);
    }
}
