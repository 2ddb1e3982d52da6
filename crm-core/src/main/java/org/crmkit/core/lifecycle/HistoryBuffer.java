package org.crmkit.core.lifecycle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Append-only storage shared by successive versions of one subject's record.
 *
 * <p>Version n sees slots [0, n). Appending to version n writes slot n in place when nobody has
 * claimed it yet (a compare-and-set on {@code fill}), so a chain of versions costs amortised
 * O(1) per move instead of copying the history; a writer that finds the slot taken (it appends
 * to an older version, for example after losing an optimistic race) copies. Slots are written
 * before the record that exposes them is published, so readers see them.
 */
final class HistoryBuffer {
    static final HistoryBuffer EMPTY = new HistoryBuffer(new Outcome.Moved[0], 0);

    private static final VarHandle FILL;

    static {
        try {
            FILL = MethodHandles.lookup().findVarHandle(HistoryBuffer.class, "fill", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Outcome.Moved[] items;
    @SuppressWarnings("unused") // accessed through FILL
    private volatile int fill;

    private HistoryBuffer(Outcome.Moved[] items, int fill) {
        this.items = items;
        this.fill = fill;
    }

    /** Returns the buffer holding [0, size) of this buffer followed by the move. */
    HistoryBuffer append(int size, Outcome.Moved move) {
        if (size < items.length && FILL.compareAndSet(this, size, size + 1)) {
            items[size] = move;
            return this;
        }
        Outcome.Moved[] copy = Arrays.copyOf(items, Math.max(4, size * 2));
        Arrays.fill(copy, size, copy.length, null);
        copy[size] = move;
        return new HistoryBuffer(copy, size + 1);
    }

    static HistoryBuffer of(Outcome.Moved[] moves) {
        return new HistoryBuffer(Arrays.copyOf(moves, Math.max(4, moves.length)), moves.length);
    }
}
