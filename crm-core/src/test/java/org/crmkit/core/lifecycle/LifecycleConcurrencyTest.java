package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** 8 threads fire 10,000 events on one subject; no move may be lost or duplicated. */
class LifecycleConcurrencyTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int THREADS = 8;
    private static final int EVENTS = 10_000;

    /** A three-state cycle where 'next' is always allowed and 'back' only from b and c. */
    private static Lifecycle<Object, Object> cycle(AtomicLong actionRuns) {
        return Lifecycle.<Object, Object>builder("cycle").initial("a").state("b", "c")
                .transition("a", "next", "b").transition("b", "next", "c").transition("c", "next", "a")
                .transition("b", "back", "a").transition("c", "back", "b")
                .onEntry("a", "count").onEntry("b", "count").onEntry("c", "count")
                .action("count", (s, c, m) -> actionRuns.incrementAndGet())
                .build();
    }

    @Test
    void fire_retryPolicyLosesNoTransition() throws Exception {
        AtomicLong actionRuns = new AtomicLong();
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.<String, Object, Object>builder(cycle(actionRuns))
                .build();
        tracker.enrol("one", T0);
        List<Outcome> outcomes = run(tracker, seed -> "next");
        long moved = outcomes.stream().filter(Outcome::moved).count();
        assertThat(moved).as("every 'next' is allowed in every state, so all succeed under RETRY").isEqualTo(EVENTS);
        assertHistoryConsistent(tracker, moved);
        assertThat(actionRuns.get()).as("entry actions run once per committed move").isEqualTo(moved);
    }

    @Test
    void fire_mixedEventsUnderReportPolicyCountsEveryMoveExactlyOnce() throws Exception {
        AtomicLong actionRuns = new AtomicLong();
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.<String, Object, Object>builder(cycle(actionRuns))
                .conflictPolicy(LifecycleTracker.ConflictPolicy.REPORT).build();
        tracker.enrol("one", T0);
        List<Outcome> outcomes = run(tracker, random -> random.nextBoolean() ? "next" : "back");
        long moved = outcomes.stream().filter(Outcome::moved).count();
        long refused = outcomes.stream().filter(o -> o instanceof Outcome.NotAllowed).count();
        long conflicts = outcomes.stream().filter(o -> o instanceof Outcome.Conflict).count();
        assertThat(moved + refused + conflicts).isEqualTo(EVENTS);
        assertThat(moved).isPositive();
        assertHistoryConsistent(tracker, moved);
        assertThat(actionRuns.get()).isEqualTo(moved);
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
