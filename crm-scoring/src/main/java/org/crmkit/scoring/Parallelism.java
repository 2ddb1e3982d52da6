package org.crmkit.scoring;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Where the bulk operations of crmkit scoring run: on the calling thread only, or on the
 * calling thread helped by the threads of an {@link Executor}. Every bulk operation
 * (bulk predictions, likelihood evaluation during fits, summaries, RFM scores, holdout
 * evaluation) takes one of these, so an embedding server runs scoring on its own pool
 * or single-threaded.
 *
 * <p>The default, {@link #defaults()}, is {@link #commonPool()}: the JDK's common
 * {@link ForkJoinPool} with as many threads working at once as the machine has
 * processors. Methods without a {@code Parallelism} argument use the default.
 *
 * <pre>{@code
 * ExecutorService pool = Executors.newFixedThreadPool(4);
 * Parallelism onMyPool = Parallelism.of(pool, 4);
 * model.predict(39, x, tx, age, expected, alive, onMyPool);
 * model.predict(39, x, tx, age, expected, alive, Parallelism.sequential());
 * }</pre>
 *
 * <p>How work is split: {@link #forEachChunk} cuts {@code [0, size)} into
 * {@link #chunkCount(int, int)} contiguous chunks whose layout depends only on the size
 * and the smallest chunk, never on the parallelism; a sum accumulated per chunk and
 * combined in chunk order is therefore the same, to the last bit, on every setting. The
 * caller's thread always works too; {@code parallelism - 1} helper tasks are handed to
 * the executor, each claiming chunks until none is left. The caller waits only for
 * chunks some thread has claimed, so a saturated or rejecting executor slows the work
 * down but never deadlocks it, and calling a bulk operation from inside a task of the
 * same pool is safe.
 *
 * <p>Instances are immutable and thread-safe; the executor is the caller's to manage
 * (this class never shuts it down).
 */
public final class Parallelism {

    /** The most chunks any operation is split into, whatever its size. */
    public static final int MAX_CHUNKS = 256;

    private static final Parallelism SEQUENTIAL = new Parallelism(null, 1, "sequential");

    private final Executor executor;
    private final int parallelism;
    private final String description;

    private Parallelism(Executor executor, int parallelism, String description) {
        this.executor = executor;
        this.parallelism = parallelism;
        this.description = description;
    }

    /**
     * Returns the setting that runs everything on the calling thread.
     *
     * @return the sequential setting, never null
     */
    public static Parallelism sequential() {
        return SEQUENTIAL;
    }

    /**
     * Returns the setting that runs on {@link ForkJoinPool#commonPool()} with as many
     * threads at once as {@link Runtime#availableProcessors()} reports now.
     *
     * @return the common-pool setting, never null
     */
    public static Parallelism commonPool() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores <= 1 ? SEQUENTIAL
                : new Parallelism(ForkJoinPool.commonPool(), cores, "commonPool(" + cores + ")");
    }

    /**
     * Returns the default setting of every bulk operation: {@link #commonPool()}.
     *
     * @return the default setting, never null
     */
    public static Parallelism defaults() {
        return commonPool();
    }

    /**
     * Returns the setting that runs on the given executor, with at most
     * {@code parallelism} threads working at once (the calling thread counted).
     *
     * @param executor the executor that runs the helper tasks, not null
     * @param parallelism the most threads at once, {@code >= 1}; 1 runs on the calling
     *     thread only
     * @return the setting, never null
     * @throws IllegalArgumentException if {@code parallelism < 1}
     */
    public static Parallelism of(Executor executor, int parallelism) {
        Objects.requireNonNull(executor, "executor");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " is not >= 1");
        }
        return parallelism == 1 ? SEQUENTIAL
                : new Parallelism(executor, parallelism, "of(" + executor + ", " + parallelism + ")");
    }

    /**
     * Returns the most threads that work at once, the calling thread counted.
     *
     * @return the parallelism, {@code >= 1}
     */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Returns the number of chunks {@link #forEachChunk} cuts {@code size} items into:
     * {@code ceil(size / minChunk)}, at most {@link #MAX_CHUNKS}, at least 1.
     *
     * @param size the number of items, {@code >= 0}
     * @param minChunk the fewest items per chunk worth a task, {@code >= 1}
     * @return the number of chunks, {@code >= 1}
     * @throws IllegalArgumentException if size is negative or minChunk not positive
     */
    public static int chunkCount(int size, int minChunk) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        if (minChunk < 1) {
            throw new IllegalArgumentException("minChunk " + minChunk + " is not >= 1");
        }
        long chunks = ((long) size + minChunk - 1) / minChunk;
        return (int) Math.max(1, Math.min(MAX_CHUNKS, chunks));
    }

    /**
     * Returns the first item of a chunk: {@code floor(size * chunk / chunks)}, so that
     * chunk sizes differ by at most one.
     *
     * @param size the number of items
     * @param chunks the number of chunks
     * @param chunk the chunk index, {@code 0..chunks} ({@code chunks} gives {@code size})
     * @return the first item of the chunk
     */
    public static int chunkStart(int size, int chunks, int chunk) {
        return (int) ((long) size * chunk / chunks);
    }

    /** The work of one chunk. */
    @FunctionalInterface
    public interface ChunkTask {
        /**
         * Processes items {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param chunk the chunk index, {@code 0 .. chunkCount - 1}
         * @param from the first item
         * @param to one past the last item
         */
        void run(int chunk, int from, int to);
    }

    /**
     * Processes {@code [0, size)} in {@link #chunkCount(int, int)} chunks, in parallel
     * as far as this setting allows, and returns when every chunk is done.
     *
     * <pre>{@code
     * int chunks = Parallelism.chunkCount(n, 4096);
     * double[] partial = new double[chunks];
     * parallelism.forEachChunk(n, 4096, (c, from, to) -> {
     *     for (int i = from; i < to; i++) partial[c] += values[i];
     * });
     * }</pre>
     *
     * @param size the number of items, {@code >= 0}
     * @param minChunk the fewest items per chunk, {@code >= 1}
     * @param task the work of one chunk, not null
     * @throws IllegalArgumentException if size is negative or minChunk not positive
     * @throws RuntimeException the exception of the lowest-numbered failing chunk, as a
     *     sequential run would have thrown it; later chunks may then be skipped
     */
    public void forEachChunk(int size, int minChunk, ChunkTask task) {
        Objects.requireNonNull(task, "task");
        int chunks = chunkCount(size, minChunk);
        if (size == 0) {
            return;
        }
        run(chunks, c -> task.run(c, chunkStart(size, chunks, c), chunkStart(size, chunks, c + 1)));
    }

    /**
     * Runs {@code task} for each index {@code 0 .. tasks - 1}, in parallel as far as this
     * setting allows, and returns when all are done.
     *
     * @param tasks the number of tasks, {@code >= 0}
     * @param task the work of one index, not null
     * @throws IllegalArgumentException if tasks is negative
     * @throws RuntimeException the exception of the lowest failing index (errors are
     *     rethrown as they are); indexes above a failed one may be skipped
     */
    public void run(int tasks, IntConsumer task) {
        Objects.requireNonNull(task, "task");
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks " + tasks + " is negative");
        }
        if (tasks == 0) {
            return;
        }
        if (tasks == 1 || executor == null) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        Batch batch = new Batch(tasks, task);
        int helpers = Math.min(parallelism, tasks) - 1;
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(batch::work);
            } catch (RejectedExecutionException saturated) {
                break; // the calling thread does the rest
            }
        }
        batch.work();
        batch.done.join();
        batch.rethrow();
    }

    /** One call of {@link #run}: the next index to claim and what has finished. */
    private static final class Batch {
        final int tasks;
        final IntConsumer task;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger remaining;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final Throwable[] failures;
        volatile int lowestFailure = Integer.MAX_VALUE;

        Batch(int tasks, IntConsumer task) {
            this.tasks = tasks;
            this.task = task;
            this.remaining = new AtomicInteger(tasks);
            this.failures = new Throwable[tasks];
        }

        void work() {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    if (i < lowestFailure) {
                        task.accept(i);
                    }
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        failures[i] = e;
                        if (i < lowestFailure) {
                            lowestFailure = i;
                        }
                    }
                } finally {
                    if (remaining.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                }
            }
        }

        void rethrow() {
            int i = lowestFailure;
            if (i == Integer.MAX_VALUE) {
                return;
            }
            Throwable t;
            synchronized (this) {
                t = failures[i];
            }
            if (t instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) t;
        }
    }

    /**
     * Returns {@code sequential}, {@code commonPool(N)} or {@code of(executor, N)}.
     *
     * @return a description of the setting, never null
     */
    @Override
    public String toString() {
        return "Parallelism." + description;
    }
}
