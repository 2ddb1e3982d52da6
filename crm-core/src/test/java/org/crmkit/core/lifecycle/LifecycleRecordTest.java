package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** History, versions and queries of the state at a past date. */
class LifecycleRecordTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Lifecycle<Object, Object> cycle() {
        return Lifecycle.<Object, Object>builder("cycle").initial("a").state("b", "c")
                .transition("a", "next", "b").transition("b", "next", "c").transition("c", "next", "a")
                .transition("a", "stay", "a")
                .build();
    }

    private static LifecycleRecord fire(Lifecycle<Object, Object> l, LifecycleRecord r, String event, Instant at) {
        return r.append((Outcome.Moved) l.decide(r, null, null, Trigger.of(event, at, "tester", "because")));
    }

    @Test
    void history_recordsEveryMoveWithVersion() {
        Lifecycle<Object, Object> l = cycle();
        LifecycleRecord r0 = l.start(T0);
        LifecycleRecord r1 = fire(l, r0, "next", T0.plusSeconds(10));
        LifecycleRecord r2 = fire(l, r1, "next", T0.plusSeconds(20));
        assertThat(r0.version()).isZero();
        assertThat(r2.version()).isEqualTo(2);
        assertThat(r2.state().name()).isEqualTo("c");
        assertThat(r2.enteredAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(r2.history()).extracting(m -> m.from().name() + ">" + m.to().name()).containsExactly("a>b", "b>c");
        assertThat(r2.history().get(0)).isEqualTo(new Outcome.Moved(l.state("a"), l.state("b"), T0.plusSeconds(10),
                "because", "tester", "next", List.of()));
        assertThat(r0.history()).as("older versions are unchanged").isEmpty();
        assertThat(r1.history()).hasSize(1);
        assertThat(r2.lastMove().orElseThrow().to().name()).isEqualTo("c");
        assertThat(r0.lastMove()).isEmpty();
    }

    @Test
    void append_branchingFromAnOldVersionDoesNotDisturbTheOther() {
        Lifecycle<Object, Object> l = cycle();
        LifecycleRecord r1 = fire(l, l.start(T0), "next", T0.plusSeconds(1));
        LifecycleRecord left = fire(l, r1, "next", T0.plusSeconds(2));
        LifecycleRecord right = fire(l, r1, "next", T0.plusSeconds(3));
        assertThat(left.history().get(1).at()).isEqualTo(T0.plusSeconds(2));
        assertThat(right.history().get(1).at()).isEqualTo(T0.plusSeconds(3));
        assertThat(r1.history()).hasSize(1);
    }

    @Test
    void stateAt_beforeEnrolmentIsEmpty_atMoveInstantIsTheNewState() {
        Lifecycle<Object, Object> l = cycle();
        LifecycleRecord r = fire(l, fire(l, l.start(T0), "next", T0.plusSeconds(100)), "next", T0.plusSeconds(200));
        assertThat(r.stateAt(T0.minusSeconds(1))).isEmpty();
        assertThat(r.stateAt(T0)).contains(l.state("a"));
        assertThat(r.stateAt(T0.plusSeconds(99))).contains(l.state("a"));
        assertThat(r.stateAt(T0.plusSeconds(100))).contains(l.state("b"));
        assertThat(r.stateAt(T0.plusSeconds(150))).contains(l.state("b"));
        assertThat(r.stateAt(T0.plusSeconds(10_000))).contains(l.state("c"));
    }

    @Test
    void stateAt_matchesLinearScanOverManyRandomHistories() {
        Lifecycle<Object, Object> l = cycle();
        Random random = new Random(20261123L);
        for (int trial = 0; trial < 50; trial++) {
            LifecycleRecord r = l.start(T0);
            Instant t = T0;
            int moves = random.nextInt(200);
            for (int i = 0; i < moves; i++) {
                t = t.plusSeconds(random.nextInt(3)); // equal instants happen
                r = fire(l, r, random.nextBoolean() ? "next" : (r.state().name().equals("a") ? "stay" : "next"), t);
            }
            for (int q = 0; q < 50; q++) {
                Instant at = T0.plusSeconds(random.nextInt(moves * 2 + 2) - 1);
                assertThat(r.stateAt(at)).isEqualTo(linear(r, at));
            }
        }
    }

    private static Optional<State> linear(LifecycleRecord r, Instant at) {
        if (at.isBefore(r.enrolledAt())) {
            return Optional.empty();
        }
        State s = r.initialState();
        for (Outcome.Moved m : r.history()) {
            if (!m.at().isAfter(at)) {
                s = m.to();
            }
        }
        return Optional.of(s);
    }

    @Test
    void append_rejectsMovesThatDoNotFit() {
        Lifecycle<Object, Object> l = cycle();
        LifecycleRecord r = l.start(T0);
        Outcome.Moved fromB = new Outcome.Moved(l.state("b"), l.state("c"), T0, "", "x", "next", List.of());
        assertThatThrownBy(() -> r.append(fromB)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not start from current state a");
        Outcome.Moved early = new Outcome.Moved(l.state("a"), l.state("b"), T0.minus(Duration.ofDays(1)), "", "x", "next", List.of());
        assertThatThrownBy(() -> r.append(early)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is before the current state was entered");
        Outcome.Moved bogus = new Outcome.Moved(l.state("a"), l.state("c"), T0, "", "x", "next", List.of());
        assertThatThrownBy(() -> r.append(bogus)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lifecycle 'cycle' has no transition a --next--> c");
    }

    @Test
    void restore_rebuildsTheRecordFromStoredMoves() {
        Lifecycle<Object, Object> l = cycle();
        LifecycleRecord r = fire(l, fire(l, l.start(T0), "next", T0.plusSeconds(5)), "next", T0.plusSeconds(9));
        List<Outcome.Moved> stored = new ArrayList<>(r.history());
        LifecycleRecord back = l.restore(l.state("a"), T0, stored);
        assertThat(back.version()).isEqualTo(2);
        assertThat(back.history()).isEqualTo(r.history());
        assertThat(back.state()).isEqualTo(r.state());
    }
}
