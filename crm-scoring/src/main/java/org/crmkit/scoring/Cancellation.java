package org.crmkit.scoring;

import java.util.concurrent.CancellationException;

/**
 * A token by which a caller stops long work from another thread: a fit, a bootstrap, a
 * summary of a large file. The work checks the token between steps (a fit before every
 * likelihood evaluation, a bootstrap before every refit, a summary every few thousand rows)
 * and, once it is cancelled, stops by throwing {@link CancellationException}; it returns no
 * partial result. (A time limit, by contrast, is a planned end: a fit stopped by
 * {@code BtydFitter.withTimeLimit} returns its best point flagged as not converged.)
 *
 * <pre>{@code
 * Cancellation cancel = Cancellation.create();
 * Future<?> job = pool.submit(() -> BtydFitter.standard().withCancellation(cancel).fit(model, data));
 * ...
 * cancel.cancel(); // the fit throws CancellationException soon after
 * }</pre>
 *
 * <p>Thread-safe: {@link #cancel()} may be called from any thread, any number of times.
 */
public final class Cancellation {

    private static final Cancellation NEVER = new Cancellation(false);

    private final boolean cancellable;
    private volatile boolean cancelled;

    private Cancellation(boolean cancellable) {
        this.cancellable = cancellable;
    }

    /**
     * Returns a new token, not cancelled.
     *
     * @return a new token, never null
     */
    public static Cancellation create() {
        return new Cancellation(true);
    }

    /**
     * Returns the token that is never cancelled, the default of every operation that takes one.
     *
     * @return the shared never-cancelled token, never null
     */
    public static Cancellation never() {
        return NEVER;
    }

    /**
     * Cancels the work that checks this token.
     *
     * @throws UnsupportedOperationException on {@link #never()}
     */
    public void cancel() {
        if (!cancellable) {
            throw new UnsupportedOperationException("Cancellation.never() cannot be cancelled; use create()");
        }
        cancelled = true;
    }

    /**
     * Returns whether {@link #cancel()} has been called.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Throws if the token is cancelled; work calls this between steps.
     *
     * @param what the work being cancelled, for the message, not null
     * @throws CancellationException if cancelled, with the message {@code "<what> was cancelled"}
     */
    public void throwIfCancelled(String what) {
        if (cancelled) {
            throw new CancellationException(what + " was cancelled");
        }
    }

    /**
     * Returns {@code Cancellation[cancelled]}, {@code Cancellation[active]} or {@code Cancellation[never]}.
     *
     * @return a short description, never null
     */
    @Override
    public String toString() {
        return "Cancellation[" + (!cancellable ? "never" : cancelled ? "cancelled" : "active") + "]";
    }
}
