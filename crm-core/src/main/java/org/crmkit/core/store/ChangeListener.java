package org.crmkit.core.store;

/**
 * Observes committed changes of a {@link CustomerStore}. The store calls it after the change is
 * committed, on the writing thread; a listener that throws does not undo the change (the
 * exception is logged and swallowed). Listeners must be thread-safe and quick; hand slow work
 * to your own executor.
 *
 * <pre>{@code
 * ChangeListener.Registration r = store.addListener(event -> queue.offer(event));
 * r.close();   // stop listening
 * }</pre>
 */
@FunctionalInterface
public interface ChangeListener {
    /**
     * Called once per committed change.
     *
     * @param event the change, never null
     */
    void onChange(ChangeEvent event);

    /** A registered listener; closing it removes the listener. Thread-safe. */
    interface Registration extends AutoCloseable {
        /** Removes the listener; closing twice does nothing. */
        @Override
        void close();
    }
}
