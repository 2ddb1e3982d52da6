package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of actions and listeners after a committed move (see {@link LifecycleTracker}):
 * they run after the commit, in commit order per subject, and a failure is reported in the
 * outcome, never thrown.
 */
class LifecycleActionContractTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int THREADS = 8;
    private static final int EVENTS = 8_000;

    /** a -> b -> c -> a on 'next'; every entry runs {@code action}, then the listener runs. */
    private static Lifecycle<Object, Object> cycle(Action<Object, Object> action, LifecycleListener<Object, Object> listener) {
        return Lifecycle.<Object, Object>builder("cycle").initial("a").state("b", "c")
                .transition("a", "next", "b").transition("b", "next", "c").transition("c", "next", "a")
                .onEntry("a", "act").onEntry("b", "act").onEntry("c", "act")
                .action("act", action)
                .listener(listener)
                .build();
    }

    @Test
    void fire_actionThatThrowsIsReportedInTheOutcomeAndTheMoveHappensOnce() {
        AtomicInteger listenerRuns = new AtomicInteger();
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.builder(cycle(
                (s, c, m) -> {
                    throw new IllegalStateException("mail server down");
                },
                (s, c, m) -> listenerRuns.incrementAndGet())).build();
        tracker.enrol("A-1", T0);

        // a caller that retries on an exception: before the contract it moved the subject twice
        Outcome outcome = null;
        for (int attempt = 0; attempt < 2 && outcome == null; attempt++) {
            try {
                outcome = tracker.fire("A-1", null, Trigger.of("next", T0));
            } catch (RuntimeException e) {
                outcome = null;
            }
        }

        assertThat(outcome).isInstanceOf(Outcome.Moved.class);
        Outcome.Moved moved = (Outcome.Moved) outcome;
        assertThat(moved.failures()).singleElement().satisfies(f -> {
            assertThat(f.action()).isEqualTo("act");
            assertThat(f.stage()).isEqualTo(ActionFailure.Stage.ENTRY);
            assertThat(f.error()).isInstanceOf(IllegalStateException.class).hasMessage("mail server down");
        });
        assertThat(listenerRuns).as("a failing action does not stop the listener").hasValue(1);
        LifecycleRecord record = tracker.record("A-1").orElseThrow();
        assertThat(record.version()).as("moved exactly once").isEqualTo(1);
        assertThat(record.history()).singleElement().satisfies(m -> assertThat(m.failures()).isEmpty());
    }

    @Test
    void fire_failingListenerIsReportedByItsPosition() {
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.builder(cycle((s, c, m) -> { },
                (s, c, m) -> {
                    throw new UnsupportedOperationException("listener broke");
                })).build();
        tracker.enrol("A-1", T0);
        Outcome.Moved moved = (Outcome.Moved) tracker.fire("A-1", null, Trigger.of("next", T0));
        assertThat(moved.failures()).extracting(ActionFailure::action, ActionFailure::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("listener #1", ActionFailure.Stage.LISTENER));
    }

    @Test
    void fire_fromInsideAnActionOfTheSameTrackerIsAReportedFailureNotADeadlock() {
        List<LifecycleTracker<String, Object, Object>> self = new ArrayList<>();
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.builder(cycle(
                (s, c, m) -> self.get(0).fire("A-1", null, Trigger.of("next", T0)), (s, c, m) -> { })).build();
        self.add(tracker);
        tracker.enrol("A-1", T0);
        Outcome.Moved moved = (Outcome.Moved) tracker.fire("A-1", null, Trigger.of("next", T0));
        assertThat(moved.failures()).singleElement().satisfies(f -> assertThat(f.error())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("called its own tracker"));
        assertThat(tracker.record("A-1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void fire_eightThreadsRunActionsInCommitOrderAndNeverThrow() throws Exception {
        List<Outcome.Moved> seenByAction = Collections.synchronizedList(new ArrayList<>());
        List<Outcome.Moved> seenByListener = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger actionCalls = new AtomicInteger();
        Lifecycle<Object, Object> l = cycle((s, c, m) -> {
            // widen the window between commit and action so that out-of-order runs would show
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                Thread.yield();
            }
            seenByAction.add(m);
            if (actionCalls.incrementAndGet() % 7 == 0) {
                throw new IllegalArgumentException("every seventh action fails");
            }
        }, (s, c, m) -> seenByListener.add(m));
        LifecycleTracker<String, Object, Object> tracker = LifecycleTracker.builder(l).build();
        tracker.enrol("one", T0);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    List<Outcome> mine = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < EVENTS / THREADS; i++) {
                        mine.add(tracker.fire("one", null, Trigger.of("next", T0, "thread", "")));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<Outcome>> f : futures) {
                outcomes.addAll(f.get(60, TimeUnit.SECONDS)); // an exception from fire would surface here
            }
        } finally {
            pool.shutdownNow();
        }

        List<Outcome.Moved> history = tracker.record("one").orElseThrow().history();
        assertThat(history).hasSize(EVENTS);
        assertThat(seenByAction).as("actions ran once per move, in commit order").containsExactlyElementsOf(history);
        assertThat(seenByListener).as("listeners too").containsExactlyElementsOf(history);
        long failures = outcomes.stream().map(o -> (Outcome.Moved) o).mapToLong(m -> m.failures().size()).sum();
        assertThat(failures).as("each failing action is reported once").isEqualTo(EVENTS / 7);
    }

    @Test
    void afterMove_runsEveryActionAndReturnsTheFailures() {
        List<String> ran = new ArrayList<>();
        Lifecycle<Object, Object> l = Lifecycle.<Object, Object>builder("two").initial("a").state("b")
                .transition(Transition.of("a", "go", "b").withActions("t1", "t2"))
                .onExit("a", "x").onEntry("b", "e")
                .action("x", (s, c, m) -> ran.add("x"))
                .action("t1", (s, c, m) -> {
                    ran.add("t1");
                    throw new IllegalStateException("t1 failed");
                })
                .action("t2", (s, c, m) -> ran.add("t2"))
                .action("e", (s, c, m) -> ran.add("e"))
                .build();
        Outcome.Moved m = (Outcome.Moved) l.decide(l.start(T0), null, null, Trigger.of("go", T0));
        List<ActionFailure> failures = new ArrayList<>();
        assertThatCode(() -> failures.addAll(l.afterMove(null, null, m))).doesNotThrowAnyException();
        assertThat(ran).containsExactly("x", "t1", "t2", "e");
        assertThat(failures).extracting(ActionFailure::action, ActionFailure::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t1", ActionFailure.Stage.TRANSITION));
    }
}
