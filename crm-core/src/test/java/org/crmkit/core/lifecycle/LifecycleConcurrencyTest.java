package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 8 threads fire 10,000 events on one subject; no move may be lost or duplicated. Each test also
 * shows that writers really raced (conflicts were reported, or guards re-evaluated after a lost
 * compare-and-set), else it would prove nothing about concurrency.
 */
class LifecycleConcurrencyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int THREADS = 8;
    private static final int EVENTS = 10_000;

    /**
     * A three-state cycle where 'next' is always allowed and 'back' only from b and c. Every
     * transition has a guard that always holds but counts its evaluations and yields, which widens
     * the window between reading the record and committing, where races happen.
     */
    private static Lifecycle<Object, Object> cycle(AtomicLong actionRuns, AtomicLong guardCalls) {
        Lifecycle.Builder<Object, Object> b = Lifecycle.<Object, Object>builder("cycle").initial("a").state("b", "c");
        String[][] arcs = {{"a", "next", "b"}, {"b", "next", "c"}, {"c", "next", "a"}, {"b", "back", "a"}, {"c", "back", "b"}};
        for (String[] arc : arcs) {
            b.transition(arc[0], arc[1], arc[2], "racy");
        }
        return b.onEntry("a", "count").onEntry("b", "count").onEntry("c", "count")
                .action("count", (s, c, m) -> actionRuns.incrementAndGet())
                .guard("racy", (s, c) -> {
                    guardCalls.incrementAndGet();
                    Thread.yield();
                    return true;
                })
                .build();
    }

    @Test
    void fire_retryPolicyLosesNoTransition() throws Exception {
        AtomicLong actionRuns = new AtomicLong();
        AtomicLong guardCalls = new AtomicLong();
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.builder(cycle(actionRuns, guardCalls))
                .build();
        tracker.enrol("one", T0);
        List<Outcome> outcomes = run(tracker, seed -> "next");
        long moved = outcomes.stream().filter(Outcome::moved).count();
        assertThat(moved).as("every 'next' is allowed in every state, so all succeed under RETRY").isEqualTo(EVENTS);
        assertHistoryConsistent(tracker, moved);
        assertThat(actionRuns.get()).as("entry actions run once per committed move").isEqualTo(moved);
        assertThat(guardCalls.get()).as("a guard is evaluated again only after a lost race: races happened")
                .isGreaterThan(EVENTS);
    }

    @Test
    void fire_mixedEventsUnderReportPolicyCountsEveryMoveExactlyOnce() throws Exception {
        AtomicLong actionRuns = new AtomicLong();
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.builder(cycle(actionRuns, new AtomicLong()))
                .conflictPolicy(LifecycleTracker.ConflictPolicy.REPORT).build();
        tracker.enrol("one", T0);
        List<Outcome> outcomes = run(tracker, random -> random.nextBoolean() ? "next" : "back");
        long moved = outcomes.stream().filter(Outcome::moved).count();
        long refused = outcomes.stream().filter(o -> o instanceof Outcome.NotAllowed).count();
        long conflicts = outcomes.stream().filter(o -> o instanceof Outcome.Conflict).count();
        assertThat(moved + refused + conflicts).isEqualTo(EVENTS);
        assertThat(moved).isPositive();
        assertThat(conflicts).as("writers really raced").isPositive();
        assertHistoryConsistent(tracker, moved);
        assertThat(actionRuns.get()).isEqualTo(moved);
    }

    @Test
    void fire_twoWritersThatDecidedOnTheSameVersionGiveOneMoveAndOneConflict() throws Exception {
        // both writers are held inside the guard until both have read version 0, so the race is certain
        CyclicBarrier bothDecided = new CyclicBarrier(2);
        AtomicInteger held = new AtomicInteger();
        Lifecycle<Object, Object> l = Lifecycle.<Object, Object>builder("race").initial("a").state("b")
                .transition("a", "go", "b", "meet").transition("b", "go", "a", "meet")
                .guard("meet", (s, c) -> {
                    if (held.getAndIncrement() < 2) {
                        await(bothDecided);
                    }
                    return true;
                })
                .build();
        for (LifecycleTracker.ConflictPolicy policy : LifecycleTracker.ConflictPolicy.values()) {
            held.set(0);
            bothDecided.reset();
            LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.builder(l).conflictPolicy(policy).build();
            tracker.enrol("one", T0);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Outcome> first = pool.submit(() -> tracker.fire("one", null, Trigger.of("go", T0)));
                Future<Outcome> second = pool.submit(() -> tracker.fire("one", null, Trigger.of("go", T0)));
                List<Outcome> both = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
                if (policy == LifecycleTracker.ConflictPolicy.REPORT) {
                    assertThat(both).filteredOn(o -> o instanceof Outcome.Conflict).as(policy.name()).hasSize(1);
                    assertThat(tracker.record("one").orElseThrow().version()).isEqualTo(1);
                } else {
                    assertThat(both).allMatch(Outcome::moved);
                    assertThat(held.get()).as("the loser decided again").isEqualTo(3);
                    assertThat(tracker.record("one").orElseThrow().version()).isEqualTo(2);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertHistoryConsistent(LifecycleTracker<String, Object, Object> tracker, long moved) {
        LifecycleRecord r = tracker.record("one").orElseThrow();
        assertThat(r.history()).hasSize((int) moved);
        assertThat(r.version()).isEqualTo(moved);
        State expected = r.initialState();
        for (Outcome.Moved m : r.history()) {
            assertThat(m.from()).as("each move starts where the previous ended").isEqualTo(expected);
            expected = m.to();
        }
        assertThat(r.state()).isEqualTo(expected);
    }

    private interface EventChoice {
        String pick(Random random);
    }

    private static List<Outcome> run(LifecycleTracker<String, Object, Object> tracker, EventChoice choice) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 1000L + t;
                Callable<List<Outcome>> task = () -> {
                    Random random = new Random(seed);
                    List<Outcome> mine = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < EVENTS / THREADS; i++) {
                        mine.add(tracker.fire("one", null, null, Trigger.of(choice.pick(random), T0, "thread", "")));
                    }
                    return mine;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
