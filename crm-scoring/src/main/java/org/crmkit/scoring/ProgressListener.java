package org.crmkit.scoring;

import java.util.Objects;

/**
 * Receives {@link ProgressEvent}s from long work: a fit ({@code BtydFitter.withProgress}), a
 * parametric bootstrap, a summary of a large transaction file. The library never prints; a
 * caller that wants a progress bar or log lines turns the events into them.
 *
 * <pre>{@code
 * FitResult<BgNbd> fit = BtydFitter.standard()
 *         .withProgress(e -> log.info("{}: {} after {}", e.phase(), e.done(), e.elapsed()))
 *         .fit(BgNbd.model(), data);
 * }</pre>
 *
 * <p>Events come from the thread that does the work, or, for work spread over a
 * {@link Parallelism}, from any of its threads, but never from two threads at once for one
 * piece of work; a listener should return quickly (record, do not render) and must not throw.
 * An exception from a listener ends the work with that exception.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Receives one event.
     *
     * @param event what has been done, never null
     */
    void onProgress(ProgressEvent event);

    /**
     * Returns the listener that ignores every event, the default of every operation that
     * reports progress.
     *
     * @return the silent listener, never null
     */
    static ProgressListener none() {
        return Silent.INSTANCE;
    }

    /**
     * Returns whether this is {@link #none()}, so that work can skip building events.
     *
     * @return true for the silent listener
     */
    default boolean isSilent() {
        return this == Silent.INSTANCE;
    }

    /**
     * Returns a listener that passes each event to this one and then to {@code next}.
     *
     * @param next the second listener, not null
     * @return the combined listener, never null
     */
    default ProgressListener andThen(ProgressListener next) {
        Objects.requireNonNull(next, "next");
        if (isSilent()) {
            return next;
        }
        if (next.isSilent()) {
            return this;
        }
        return e -> {
            onProgress(e);
            next.onProgress(e);
        };
    }

    /** The listener of {@link #none()}. */
    enum Silent implements ProgressListener {
        /** The one instance. */
        INSTANCE;

        @Override
        public void onProgress(ProgressEvent event) {
            // ignored
        }
    }
}
