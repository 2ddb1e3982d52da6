package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelismTest {

    @Test
    void chunkCount_ceilingCappedAndAtLeastOne() {
        assertThat(Parallelism.chunkCount(0, 10)).isEqualTo(1);
        assertThat(Parallelism.chunkCount(10, 10)).isEqualTo(1);
        assertThat(Parallelism.chunkCount(11, 10)).isEqualTo(2);
        assertThat(Parallelism.chunkCount(Integer.MAX_VALUE, 1)).isEqualTo(Parallelism.MAX_CHUNKS);
        assertThatThrownBy(() -> Parallelism.chunkCount(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size -1");
        assertThatThrownBy(() -> Parallelism.chunkCount(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minChunk 0");
    }

    @Test
    void of_rejectsBadArguments() {
        assertThatThrownBy(() -> Parallelism.of(null, 2)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("executor");
        assertThatThrownBy(() -> Parallelism.of(Runnable::run, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism 0");
        assertThat(Parallelism.of(Runnable::run, 1)).isSameAs(Parallelism.sequential());
    }

    @Test
    void forEachChunk_coversEveryItemOnceOnEverySetting() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Parallelism p : new Parallelism[] {Parallelism.sequential(), Parallelism.commonPool(),
                    Parallelism.of(pool, 4)}) {
                int n = 100_003;
                AtomicIntegerArray seen = new AtomicIntegerArray(n);
                p.forEachChunk(n, 1000, (c, from, to) -> {
                    assertThat(from).isEqualTo(Parallelism.chunkStart(n, 101, c));
                    for (int i = from; i < to; i++) {
                        seen.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertThat(seen.get(i)).as("%s item %d", p, i).isEqualTo(1);
                }
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void forEachChunk_sequentialStaysOnCallingThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Parallelism.sequential().forEachChunk(1_000_000, 10, (c, from, to) -> threads.add(Thread.currentThread()));
        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void run_usesTheGivenExecutorAndNoOther() throws InterruptedException {
        AtomicInteger handed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "caller-pool");
            t.setDaemon(true);
            return t;
        });
        try {
            Set<String> names = ConcurrentHashMap.newKeySet();
            Parallelism p = Parallelism.of(task -> {
                handed.incrementAndGet();
                pool.execute(task);
            }, 3);
            p.run(64, i -> {
                names.add(Thread.currentThread().getName());
                sleep(2);
            });
            assertThat(handed.get()).isEqualTo(2);
            assertThat(names).allMatch(n -> n.equals("caller-pool")
                    || n.equals(Thread.currentThread().getName()));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void run_rejectingExecutorFallsBackOnCaller() {
        Parallelism p = Parallelism.of(task -> {
            throw new RejectedExecutionException("full");
        }, 8);
        int[] sum = new int[1];
        p.run(100, i -> {
            synchronized (sum) {
                sum[0] += i;
            }
        });
        assertThat(sum[0]).isEqualTo(4950);
    }

    @Test
    void run_executorThatNeverRunsTasksDoesNotDeadlock() {
        Parallelism p = Parallelism.of(task -> { }, 4);
        AtomicInteger count = new AtomicInteger();
        p.run(50, i -> count.incrementAndGet());
        assertThat(count.get()).isEqualTo(50);
    }

    @Test
    void run_nestedOnTheSamePoolCompletes() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Parallelism p = Parallelism.of(pool, 2);
            AtomicInteger count = new AtomicInteger();
            p.run(4, i -> p.run(10, j -> count.incrementAndGet()));
            assertThat(count.get()).isEqualTo(40);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void run_rethrowsTheLowestFailingIndex() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Parallelism p : new Parallelism[] {Parallelism.sequential(), Parallelism.of(pool, 4)}) {
                assertThatThrownBy(() -> p.run(200, i -> {
                    if (i % 50 == 17) {
                        throw new IllegalArgumentException("task " + i);
                    }
                })).isInstanceOf(IllegalArgumentException.class).hasMessage("task 17");
            }
            assertThatThrownBy(() -> Parallelism.of(pool, 3).run(10, i -> {
                throw new AssertionError("error " + i);
            })).isInstanceOf(AssertionError.class).hasMessage("error 0");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void forEachChunk_partialSumsAreIdenticalOnEverySetting() {
        int n = 1_234_567;
        double[] values = new double[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble() * Math.pow(10, random.nextInt(12));
        }
        double sequential = chunkedSum(Parallelism.sequential(), values);
        assertThat(chunkedSum(Parallelism.commonPool(), values)).isEqualTo(sequential);
        assertThat(chunkedSum(Parallelism.of(Executors.newCachedThreadPool(), 7), values)).isEqualTo(sequential);
    }

    @Test
    void toString_namesTheSetting() {
        assertThat(Parallelism.sequential()).hasToString("Parallelism.sequential");
        assertThat(Parallelism.defaults().parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private static double chunkedSum(Parallelism p, double[] values) {
        int chunks = Parallelism.chunkCount(values.length, 4096);
        double[] partial = new double[chunks];
        p.forEachChunk(values.length, 4096, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                partial[c] += values[i];
            }
        });
        double total = 0;
        for (double v : partial) {
            total += v;
        }
        return total;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
