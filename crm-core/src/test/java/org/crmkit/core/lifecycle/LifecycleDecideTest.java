package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Firing events: moves, refusals, ambiguity, errors, actions. */
class LifecycleDecideTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");

    /** A customer with a number of orders and a flag that makes two guards overlap. */
    record Buyer(int orders, boolean vip) {
    }

    private final List<String> calls = new ArrayList<>();

    private Lifecycle<Buyer, String> lifecycle() {
        return Lifecycle.<Buyer, String>builder("shop")
                .initial("prospect").state("customer", "key_account").terminal("closed")
                .transition(Transition.of("prospect", "buy", "customer").guardedBy("hasOrder").withActions("log"))
                .transition("prospect", "buy", "key_account", "isVip")
                .transition("customer", "close", "closed")
                .transition("key_account", "close", "closed")
                .transition("prospect", "close", "closed")
                .guard("hasOrder", (b, ctx) -> b.orders() > 0)
                .guard("isVip", (b, ctx) -> b.vip())
                .action("log", (b, ctx, m) -> calls.add("transition " + ctx))
                .action("bye", (b, ctx, m) -> calls.add("exit " + m.from()))
                .action("hello", (b, ctx, m) -> calls.add("entry " + m.to()))
                .onExit("prospect", "bye")
                .onEntry("customer", "hello")
                .listener((b, ctx, m) -> calls.add("listener " + m.event()))
                .build();
    }

    @Test
    void decide_moved() {
        Lifecycle<Buyer, String> l = lifecycle();
        LifecycleRecord r = l.start(T0);
        Outcome o = l.decide(r, new Buyer(1, false), "ctx", Trigger.of("buy", T1, "alice", "first order"));
        assertThat(o).isEqualTo(new Outcome.Moved(l.state("prospect"), l.state("customer"), T1, "first order", "alice",
                "buy", List.of()));
        assertThat(o.moved()).isTrue();
        assertThat(r.state().name()).as("decide changes nothing").isEqualTo("prospect");
    }

    @Test
    void decide_notAllowedNamesAllowedEvents() {
        Lifecycle<Buyer, String> l = lifecycle();
        LifecycleRecord r = l.start(T0);
        Outcome o = l.decide(r, new Buyer(1, false), null, Trigger.of("buy", T1));
        r = r.append((Outcome.Moved) o);
        Outcome refused = l.decide(r, new Buyer(1, false), null, Trigger.of("buy", T1));
        assertThat(refused).isEqualTo(new Outcome.NotAllowed(l.state("customer"), "buy", List.of("close")));
        assertThat(refused.moved()).isFalse();
    }

    @Test
    void decide_inTerminalStateNothingIsAllowed() {
        Lifecycle<Buyer, String> l = lifecycle();
        LifecycleRecord r = l.start(T0);
        r = r.append((Outcome.Moved) l.decide(r, null, null, Trigger.of("close", T1)));
        assertThat(l.decide(r, null, null, Trigger.of("close", T1)))
                .isEqualTo(new Outcome.NotAllowed(l.state("closed"), "close", List.of()));
    }

    @Test
    void decide_guardFailedNamesTheGuards() {
        Lifecycle<Buyer, String> l = lifecycle();
        assertThat(l.decide(l.start(T0), new Buyer(0, false), null, Trigger.of("buy", T1)))
                .isEqualTo(new Outcome.GuardFailed(l.state("prospect"), "buy", List.of("hasOrder", "isVip")));
    }

    @Test
    void decide_bothGuardsHoldIsAmbiguousNeverResolvedByChance() {
        Lifecycle<Buyer, String> l = lifecycle();
        Outcome o = l.decide(l.start(T0), new Buyer(3, true), null, Trigger.of("buy", T1));
        assertThat(o).isInstanceOf(Outcome.Ambiguous.class);
        Outcome.Ambiguous a = (Outcome.Ambiguous) o;
        assertThat(a.state().name()).isEqualTo("prospect");
        assertThat(a.enabled()).extracting(Transition::to).containsExactly("customer", "key_account");
    }

    @Test
    void decide_otherGuardAloneMoves() {
        Lifecycle<Buyer, String> l = lifecycle();
        Outcome o = l.decide(l.start(T0), new Buyer(0, true), null, Trigger.of("buy", T1));
        assertThat(((Outcome.Moved) o).to().name()).isEqualTo("key_account");
    }

    @Test
    void decide_unknownEventIsAnError() {
        Lifecycle<Buyer, String> l = lifecycle();
        UnknownEventException e = catchThrowableOfType(UnknownEventException.class,
                () -> l.decide(l.start(T0), null, null, Trigger.of("explode", T1)));
        assertThat(e.event()).isEqualTo("explode");
        assertThat(e).hasMessage("lifecycle 'shop' has no event 'explode'; events are [buy, close]");
    }

    @Test
    void decide_eventBeforeLastMoveIsRejected() {
        Lifecycle<Buyer, String> l = lifecycle();
        assertThatThrownBy(() -> l.decide(l.start(T1), null, null, Trigger.of("close", T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event 'close' at 2026-01-01T00:00:00Z is before the subject entered state prospect at 2026-02-01T00:00:00Z");
    }

    @Test
    void decide_recordOfAnotherLifecycleIsRejected() {
        Lifecycle<Buyer, String> l = lifecycle();
        LifecycleRecord foreign = StandardLifecycles.relationship().start(T0);
        assertThatThrownBy(() -> l.decide(foreign, null, null, Trigger.of("buy", T1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record of lifecycle 'relationship'");
    }

    @Test
    void afterMove_runsExitTransitionEntryThenListeners() {
        Lifecycle<Buyer, String> l = lifecycle();
        Outcome.Moved m = (Outcome.Moved) l.decide(l.start(T0), new Buyer(1, false), "c1", Trigger.of("buy", T1));
        l.afterMove(new Buyer(1, false), "c1", m);
        assertThat(calls).containsExactly("exit prospect", "transition c1", "entry customer", "listener buy");
    }

    @Test
    void withListener_addsAListenerAndKeepsRecordsValid() {
        List<Outcome.Moved> seen = new ArrayList<>();
        Lifecycle<Buyer, String> base = lifecycle();
        Lifecycle<Buyer, String> l = base.withListener((b, c, m) -> seen.add(m));
        Outcome.Moved m = (Outcome.Moved) l.decide(base.start(T0), null, null, Trigger.of("close", T1));
        l.afterMove(null, null, m);
        assertThat(seen).containsExactly(m);
        assertThat(l).isEqualTo(base);
    }

    @Test
    void trigger_validatesArguments() {
        assertThatThrownBy(() -> Trigger.of(" ", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Trigger.of("e", null)).isInstanceOf(NullPointerException.class).hasMessage("at");
        assertThatThrownBy(() -> Trigger.of("e", T0, "", "r")).isInstanceOf(IllegalArgumentException.class);
    }
}
